package com.kakehashi.insight;

import com.kakehashi.participant.Level;
import com.kakehashi.participant.Side;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The suppression rule on its own: group counts in, hidden groups out. */
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

    @Test
    void oneHiddenSideWithTotalAndOtherSidesShownHidesTheSmallestOtherSide() {
        // Sides only (everyone STAFF): HQ 9, JAPAN 7, REGIONAL 2 < k = 5.
        long[][] cells = new long[3][3];
        cells[Side.HQ.ordinal()][Level.STAFF.ordinal()] = 9;
        cells[Side.JAPAN.ordinal()][Level.STAFF.ordinal()] = 7;
        cells[Side.REGIONAL.ordinal()][Level.STAFF.ordinal()] = 2;

        Map<Segment, Suppression.Reason> hidden = Suppression.decide(table(cells), 5);

        assertThat(hidden.get(new Segment(Side.REGIONAL, null))).isEqualTo(Suppression.Reason.BELOW_K);
        assertThat(hidden.get(new Segment(Side.JAPAN, null))).isEqualTo(Suppression.Reason.COMPLEMENTARY);
        assertThat(hidden).doesNotContainKey(Segment.ALL).doesNotContainKey(new Segment(Side.HQ, null));
    }

    @Test
    void noHiddenGroupCanBeSolvedFromShownOnesInRandomTables() {
        Random random = new Random(42);
        List<List<Segment>> equations = Suppression.equations();
        for (int round = 0; round < 2000; round++) {
            long[][] cells = new long[3][3];
            for (long[] row : cells) {
                for (int c = 0; c < 3; c++) {
                    row[c] = random.nextInt(3) == 0 ? 0 : random.nextInt(12);
                }
            }
            int k = 3 + random.nextInt(4);
            Map<Segment, Long> counts = table(cells);

            Map<Segment, Suppression.Reason> hidden = Suppression.decide(counts, k);

            counts.forEach((segment, n) -> {
                if (n > 0 && n < k) {
                    assertThat(hidden.get(segment)).as("%s n=%d k=%d", segment, n, k).isEqualTo(Suppression.Reason.BELOW_K);
                }
            });
            for (List<Segment> equation : equations) {
                List<Segment> hiddenParts = equation.stream()
                        .filter(s -> counts.getOrDefault(s, 0L) > 0 && hidden.containsKey(s)).toList();
                assertThat(hiddenParts.size()).as("equation %s alone solves %s", equation, hiddenParts).isNotEqualTo(1);
            }
            assertThat(Suppression.decide(counts, k)).as("deterministic").isEqualTo(hidden);
        }
    }
}
