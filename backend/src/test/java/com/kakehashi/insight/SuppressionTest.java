package com.kakehashi.insight;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The suppression rule on its own: group counts in, hidden groups out, judged by {@link SpanJudge}. */
class SuppressionTest {

    private static Map<Segment, Long> table(long[][] cells) {
        Map<Segment, Long> counts = new HashMap<>();
        for (Side side : Side.values()) {
            for (Level level : Level.values()) {
                long n = cells[side.ordinal()][level.ordinal()];
                if (n > 0) {
                    counts.merge(new Segment(side, level), n, Long::sum);
                    counts.merge(new Segment(side, null), n, Long::sum);
                    counts.merge(new Segment(null, level), n, Long::sum);
                    counts.merge(Segment.ALL, n, Long::sum);
                }
            }
        }
        return counts;
    }

    private static long[][] cells(Side side, Level level, long n, long[][] into) {
        into[side.ordinal()][level.ordinal()] = n;
        return into;
    }

    /** Northwind's demo wave: Japan 9 = 1 executive + 3 middle managers + 5 staff. */
    private static long[][] northwind() {
        long[][] t = new long[3][3];
        cells(Side.HQ, Level.EXECUTIVE, 4, t);
        cells(Side.HQ, Level.MIDDLE_MANAGER, 10, t);
        cells(Side.HQ, Level.STAFF, 21, t);
        cells(Side.JAPAN, Level.EXECUTIVE, 1, t);
        cells(Side.JAPAN, Level.MIDDLE_MANAGER, 3, t);
        cells(Side.JAPAN, Level.STAFF, 5, t);
        return t;
    }

    private static List<Segment> shown(Map<Segment, Long> counts, Map<Segment, Suppression.Cause> hidden) {
        return Segment.EVERY.stream().filter(s -> counts.getOrDefault(s, 0L) > 0 && !hidden.containsKey(s)).toList();
    }

    @Test
    void japanMinusJapanStaffNoLongerGivesTheOneExecutiveAndThreeManagers() {
        Map<Segment, Long> counts = table(northwind());
        List<Segment> primaryOnlyShown = Segment.EVERY.stream().filter(s -> counts.getOrDefault(s, 0L) >= 5).toList();
        assertThat(SpanJudge.determines(counts, primaryOnlyShown, List.of(
                new Segment(Side.JAPAN, Level.EXECUTIVE), new Segment(Side.JAPAN, Level.MIDDLE_MANAGER))))
                .as("hiding only the groups below k leaks Japan − Japan staff (n = 4)").isTrue();

        Map<Segment, Suppression.Cause> hidden = Suppression.decide(counts, 5);

        assertThat(hidden).containsEntry(new Segment(Side.JAPAN, Level.EXECUTIVE), Suppression.Cause.BELOW_K)
                .containsEntry(new Segment(Side.JAPAN, Level.MIDDLE_MANAGER), Suppression.Cause.BELOW_K)
                .containsEntry(new Segment(Side.HQ, Level.EXECUTIVE), Suppression.Cause.BELOW_K);
        List<Segment> shown = shown(counts, hidden);
        assertThat(SpanJudge.determines(counts, shown, List.of(
                new Segment(Side.JAPAN, Level.EXECUTIVE), new Segment(Side.JAPAN, Level.MIDDLE_MANAGER)))).isFalse();
        assertThat(SpanJudge.segmentViolations(counts, shown, 5)).isEmpty();
        // The fewest responses are hidden: Japan's staff cell (5) goes, Japan (9) and the total stay.
        assertThat(hidden).containsEntry(new Segment(Side.JAPAN, Level.STAFF), Suppression.Cause.COMPLEMENTARY);
        assertThat(shown).contains(new Segment(Side.JAPAN, null), Segment.ALL, new Segment(Side.HQ, null));
    }

    @Test
    void oneHiddenSideWithTotalAndOtherSidesShownHidesTheSmallestOtherSide() {
        // Sides only (everyone STAFF): HQ 9, JAPAN 7, REGIONAL 2 < k = 5.
        long[][] t = new long[3][3];
        cells(Side.HQ, Level.STAFF, 9, t);
        cells(Side.JAPAN, Level.STAFF, 7, t);
        cells(Side.REGIONAL, Level.STAFF, 2, t);

        Map<Segment, Suppression.Cause> hidden = Suppression.decide(table(t), 5);

        assertThat(hidden.get(new Segment(Side.REGIONAL, null))).isEqualTo(Suppression.Cause.BELOW_K);
        assertThat(hidden.get(new Segment(Side.JAPAN, null))).isEqualTo(Suppression.Cause.COMPLEMENTARY);
        assertThat(hidden).doesNotContainKey(Segment.ALL).doesNotContainKey(new Segment(Side.HQ, null));
    }

    @Test
    void aTableWithEveryCellAtKOrAboveHidesNothing() {
        long[][] t = new long[3][3];
        cells(Side.HQ, Level.STAFF, 5, t);
        cells(Side.JAPAN, Level.STAFF, 6, t);
        cells(Side.JAPAN, Level.EXECUTIVE, 5, t);
        Map<Segment, Long> counts = table(t);
        assertThat(Suppression.decide(counts, 5)).allSatisfy((s, r) -> assertThat(r).isEqualTo(Suppression.Cause.NO_RESPONSES));
    }

    @Test
    void anItemKeepsItsSignsHiddenGroupsAndHidesMoreWhereAnswersAreMissing() {
        Map<Segment, Long> sign = table(northwind());
        Map<Segment, Suppression.Cause> signHidden = Suppression.decide(sign, 5);
        // Two Japan staff skipped the item: 3 of them answered it.
        long[][] t = northwind();
        cells(Side.JAPAN, Level.STAFF, 3, t);
        Map<Segment, Long> item = table(t);
        List<Segment> published = Segment.EVERY.stream().filter(s -> s.side() == Side.HQ || s.side() == Side.JAPAN).toList();

        Map<Segment, Suppression.Cause> hidden = Suppression.decide(item, 5, published, signHidden);

        signHidden.forEach((segment, reason) -> {
            if (published.contains(segment)) {
                assertThat(hidden).containsKey(segment);
            }
        });
        assertThat(hidden).doesNotContainKeys(Segment.ALL, new Segment(null, Level.STAFF));
        assertThat(SpanJudge.segmentViolations(item, shown(item, hidden).stream().filter(published::contains).toList(), 5)).isEmpty();
    }

    @Test
    void noDeterminedSetOfRespondentsIsSmallerThanKInRandomTables() {
        Random random = new Random(42);
        int determinedSets = 0;
        for (int round = 0; round < 500; round++) {
            long[][] t = new long[3][3];
            for (long[] row : t) {
                for (int c = 0; c < 3; c++) {
                    row[c] = random.nextInt(3) == 0 ? 0 : random.nextInt(12);
                }
            }
            int k = 3 + random.nextInt(4);
            Map<Segment, Long> counts = table(t);

            Map<Segment, Suppression.Cause> hidden = Suppression.decide(counts, k);

            counts.forEach((segment, n) -> {
                if (n > 0 && n < k) {
                    assertThat(hidden.get(segment)).as("%s n=%d k=%d", segment, n, k).isEqualTo(Suppression.Cause.BELOW_K);
                }
            });
            List<Segment> shown = shown(counts, hidden);
            assertThat(SpanJudge.segmentViolations(counts, shown, k)).as("table %s k=%d hidden %s", java.util.Arrays.deepToString(t), k,
                    hidden.keySet()).isEmpty();
            determinedSets += SpanJudge.segmentDeterminedSets(counts, shown).size();
            assertThat(Suppression.decide(counts, k)).as("deterministic").isEqualTo(hidden);
        }
        assertThat(determinedSets).isPositive();
    }

    @Test
    void theSetsTheMethodCallsDeterminedAreExactlyTheJudgesInRandomTables() {
        Random random = new Random(7);
        for (int round = 0; round < 150; round++) {
            long[][] t = new long[3][3];
            for (long[] row : t) {
                for (int c = 0; c < 3; c++) {
                    row[c] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(9);
                }
            }
            Map<Segment, Long> counts = table(t);
            List<Segment> shown = new ArrayList<>();
            for (Segment s : Segment.EVERY) {
                if (counts.getOrDefault(s, 0L) > 0 && random.nextBoolean()) {
                    shown.add(s);
                }
            }
            List<Integer> method = Suppression.determinedSets(counts, shown);
            List<Integer> judge = SpanJudge.segmentDeterminedSets(counts, shown).stream().map(SpanJudge::mask).toList();
            assertThat(method).as("shown %s", shown).containsExactlyInAnyOrderElementsOf(judge);
        }
    }
}
