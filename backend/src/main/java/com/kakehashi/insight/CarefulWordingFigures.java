package com.kakehashi.insight;

import com.kakehashi.insight.InsightStore.CommentRow;
import com.kakehashi.insight.InsightViews.CarefulWording;
import com.kakehashi.insight.InsightViews.Suppressed;
import com.kakehashi.insight.Suppression.Cause;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.wording.CommentMarkers;
import com.kakehashi.wording.MarkerCategory;
import com.kakehashi.wording.WordingAnalyser;
import com.kakehashi.wording.WordingTally;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The careful-wording signal of closed waves, per side, computed on read from the stored comments
 * (docs/measurement.md, "Careful wording (signal)"). Computing on read means every figure comes from
 * the analyser's current lexicon, so figures of two lexicon versions never meet in one answer, and no
 * table or migration has to follow a lexicon change. A closed wave's comments do not change, so its
 * per-cell tallies are kept in memory, keyed by the lexicon version and the wave's comment count from
 * the silence rollup (a response folded late changes the count and so the key). A wave whose
 * comments retention has cleared has no figures (docs/operations.md, "Data lifecycle").
 * <p>
 * Anonymity: a side's figures are shown only when it has at least the tenant's comment threshold of
 * comments ({@link com.kakehashi.tenant.TenantService#commentThreshold()}, never below k); the
 * decision goes through {@link Suppression} over the side × level cells with only the sides published,
 * so the same rules as every other figure decide what a combination of shown groups would reveal.
 * Nothing per comment leaves this class: no text, no entry id, no phrase.
 */
@Singleton
class CarefulWordingFigures {

    /** The default comment threshold, like the strictest peer. */
    static final int COMMENT_THRESHOLD = com.kakehashi.tenant.TenantService.DEFAULT_COMMENT_THRESHOLD;

    /** A few thousand waves of per-cell counts: well under a megabyte. */
    private static final int CACHED = 5_000;

    private record Key(UUID waveId, String lexiconVersion, long comments) {
    }

    private final InsightStore store;
    private final WordingAnalyser analyser;
    private final Map<Key, Map<Segment, WordingTally>> cells = new ConcurrentHashMap<>();

    CarefulWordingFigures(InsightStore store, WordingAnalyser analyser) {
        this.store = store;
        this.analyser = analyser;
    }

    /** Forgets every kept tally: the next read analyses again (tests measure that cost). */
    void forget() {
        cells.clear();
    }

    /** The default comment threshold for a tenant with this k: never below k. */
    static int threshold(int k) {
        return Math.max(COMMENT_THRESHOLD, k);
    }

    String lexiconVersion() {
        return analyser.lexiconVersion();
    }

    /**
     * @param commentsPerWave the closed waves to read and each one's comment count (silence rollup)
     * @param threshold       the tenant's comment threshold (already at least k)
     * @return per wave, per side that has comments or responses: the figures or why they are hidden
     */
    Map<UUID, Map<Side, CarefulWording>> of(Map<UUID, Long> commentsPerWave, int threshold) {
        String version = analyser.lexiconVersion();
        Map<UUID, Map<Segment, WordingTally>> tallies = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        // The rollups keep a wave's comment count after retention has cleared the comments, so the
        // count alone cannot tell a kept tally from one of comments that are gone (on any replica).
        java.util.Set<UUID> withComments = store.wavesWithComments(List.copyOf(commentsPerWave.keySet()));
        commentsPerWave.forEach((wave, count) -> {
            if (!withComments.contains(wave)) {
                cells.remove(new Key(wave, version, count));
                tallies.put(wave, Map.of());
                return;
            }
            Map<Segment, WordingTally> known = cells.get(new Key(wave, version, count));
            if (known != null) {
                tallies.put(wave, known);
            } else {
                missing.add(wave);
            }
        });
        if (!missing.isEmpty()) {
            Map<UUID, List<CommentRow>> read = store.commentsOf(missing).stream().collect(Collectors.groupingBy(CommentRow::waveId));
            for (UUID wave : missing) {
                Map<Segment, WordingTally> computed = tally(read.getOrDefault(wave, List.of()), version);
                if (cells.size() >= CACHED) {
                    cells.clear();
                }
                cells.put(new Key(wave, version, commentsPerWave.get(wave)), computed);
                tallies.put(wave, computed);
            }
        }
        Map<UUID, Map<Side, CarefulWording>> result = new HashMap<>();
        tallies.forEach((wave, byCell) -> result.put(wave, decide(byCell, threshold, version)));
        return result;
    }

    private Map<Segment, WordingTally> tally(List<CommentRow> comments, String version) {
        Map<Segment, List<CommentMarkers>> byCell = new HashMap<>();
        for (CommentRow row : comments) {
            byCell.computeIfAbsent(Segment.of(row.side(), row.level()), c -> new ArrayList<>())
                    .add(analyser.analyse(row.text(), row.language()));
        }
        Map<Segment, WordingTally> result = new HashMap<>();
        byCell.forEach((cell, markers) -> result.put(cell, WordingTally.of(markers, version)));
        return Map.copyOf(result);
    }

    /** Per side: shown when the side has at least the threshold of comments and no shown combination reveals a smaller group. */
    static Map<Side, CarefulWording> decide(Map<Segment, WordingTally> byCell, int threshold, String version) {
        Map<Segment, Long> counts = new HashMap<>();
        byCell.forEach((cell, tally) -> counts.put(cell, (long) tally.comments()));
        List<Segment> sides = java.util.Arrays.stream(Side.values()).map(s -> new Segment(s, null)).toList();
        Map<Segment, Cause> hidden = Suppression.decide(counts, threshold, sides, Map.of());
        Map<Side, CarefulWording> result = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            WordingTally tally = merge(side, byCell, version);
            Cause reason = hidden.get(new Segment(side, null));
            if (tally.comments() == 0) {
                result.put(side, hidden(version, threshold, new Suppressed("NO_COMMENTS", "no comments")));
            } else if (reason != null) {
                Cause shownAs = reason == Cause.BELOW_K ? Cause.BELOW_COMMENT_THRESHOLD : reason;
                result.put(side, hidden(version, threshold, Suppressed.of(shownAs)));
            } else {
                Map<MarkerCategory, Integer> per = tally.perCategory();
                result.put(side, new CarefulWording((long) tally.comments(), (long) tally.withMarker(), tally.share(),
                        (long) per.get(MarkerCategory.DEFERRAL), (long) per.get(MarkerCategory.SOFTENED_REFUSAL),
                        (long) per.get(MarkerCategory.HEDGE), (long) per.get(MarkerCategory.CONCERN), version, threshold, null));
            }
        }
        return result;
    }

    static CarefulWording hidden(String version, int threshold, Suppressed reason) {
        return new CarefulWording(null, null, null, null, null, null, null, version, threshold, reason);
    }

    private static WordingTally merge(Side side, Map<Segment, WordingTally> byCell, String version) {
        int comments = 0;
        int withMarker = 0;
        Map<MarkerCategory, Integer> per = new EnumMap<>(MarkerCategory.class);
        for (MarkerCategory category : MarkerCategory.values()) {
            per.put(category, 0);
        }
        for (Level level : Level.values()) {
            WordingTally cell = byCell.get(new Segment(side, level));
            if (cell != null) {
                comments += cell.comments();
                withMarker += cell.withMarker();
                cell.perCategory().forEach((c, n) -> per.merge(c, n, Integer::sum));
            }
        }
        return new WordingTally(comments, withMarker, per, version);
    }
}
