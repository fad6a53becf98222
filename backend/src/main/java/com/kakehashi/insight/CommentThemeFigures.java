package com.kakehashi.insight;

import com.kakehashi.insight.InsightStore.CommentRow;
import com.kakehashi.insight.InsightViews.Suppressed;
import com.kakehashi.insight.Suppression.Cause;
import com.kakehashi.insight.ThemeViews.SideThemes;
import com.kakehashi.insight.ThemeViews.Theme;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.wording.ThemeAnalyser;
import com.kakehashi.wording.ThemeLexicon;
import com.kakehashi.wording.ThemeTerms.Term;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Comment themes of closed waves, per side, computed on read from the stored comments like careful
 * wording ({@link CarefulWordingFigures}): kept in memory per wave, theme-lexicon version and the
 * wave's comment count.
 * <p>
 * Anonymity: a side's terms are shown only when the side has at least the comment threshold of
 * comments, max(10, k), decided by {@link Suppression} over the side × level cells with only the sides
 * published, exactly as careful wording is; and a term is listed only when at least
 * {@link #MINIMUM_MENTIONS} comments mention it, so no listed term points to one or two comments.
 * No term ever comes with a comment, a level or anything finer than the side.
 */
@Singleton
class CommentThemeFigures {

    /** Comments that must mention a term before it is listed: a term of one comment would point to it. */
    static final int MINIMUM_MENTIONS = 3;
    /** Most terms listed per side: a glance, not a concordance. */
    static final int TOP = 10;

    private static final int CACHED = 5_000;

    /** The comments of one side × level cell and, per term, how many of them mention it. */
    private record Cell(int comments, Map<Term, Integer> mentions) {
    }

    private record Key(UUID waveId, String lexiconVersion, long comments) {
    }

    private final InsightStore store;
    private final ThemeAnalyser analyser;
    private final Map<Key, Map<Segment, Cell>> cells = new ConcurrentHashMap<>();

    CommentThemeFigures(InsightStore store, ThemeAnalyser analyser) {
        this.store = store;
        this.analyser = analyser;
    }

    String lexiconVersion() {
        return analyser.lexiconVersion();
    }

    /**
     * @param commentsPerWave closed waves and each one's comment count (silence rollup)
     * @param threshold       the comment threshold careful wording uses (at least k)
     * @return per wave, per side: the themes or why they are hidden
     */
    Map<UUID, Map<Side, SideThemes>> of(Map<UUID, Long> commentsPerWave, int threshold) {
        String version = analyser.lexiconVersion();
        Map<UUID, Map<Segment, Cell>> byWave = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        commentsPerWave.forEach((wave, count) -> {
            Map<Segment, Cell> known = cells.get(new Key(wave, version, count));
            if (known != null) {
                byWave.put(wave, known);
            } else {
                missing.add(wave);
            }
        });
        if (!missing.isEmpty()) {
            Map<UUID, List<CommentRow>> read = store.commentsOf(missing).stream().collect(Collectors.groupingBy(CommentRow::waveId));
            for (UUID wave : missing) {
                Map<Segment, Cell> computed = count(read.getOrDefault(wave, List.of()));
                if (cells.size() >= CACHED) {
                    cells.clear();
                }
                cells.put(new Key(wave, version, commentsPerWave.get(wave)), computed);
                byWave.put(wave, computed);
            }
        }
        Map<UUID, Map<Side, SideThemes>> result = new HashMap<>();
        byWave.forEach((wave, byCell) -> result.put(wave, decide(byCell, threshold)));
        return result;
    }

    private Map<Segment, Cell> count(List<CommentRow> comments) {
        Map<Segment, Integer> commentCount = new HashMap<>();
        Map<Segment, Map<Term, Integer>> mentions = new HashMap<>();
        for (CommentRow row : comments) {
            Segment cell = Segment.of(row.side(), row.level());
            commentCount.merge(cell, 1, Integer::sum);
            Map<Term, Integer> counts = mentions.computeIfAbsent(cell, c -> new HashMap<>());
            // A set per comment: a term counts once however often the comment repeats it.
            analyser.terms(row.text(), row.language()).forEach(t -> counts.merge(t, 1, Integer::sum));
        }
        Map<Segment, Cell> result = new HashMap<>();
        commentCount.forEach((cell, n) -> result.put(cell, new Cell(n, Map.copyOf(mentions.get(cell)))));
        return Map.copyOf(result);
    }

    /** Per side: the same decision as careful wording's, then the top terms mentioned by enough comments. */
    private Map<Side, SideThemes> decide(Map<Segment, Cell> byCell, int threshold) {
        Map<Segment, Long> counts = new HashMap<>();
        byCell.forEach((cell, c) -> counts.put(cell, (long) c.comments()));
        List<Segment> sides = Arrays.stream(Side.values()).map(s -> new Segment(s, null)).toList();
        Map<Segment, Cause> hidden = Suppression.decide(counts, threshold, sides, Map.of());
        Map<Side, SideThemes> result = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            long comments = 0;
            Map<Term, Integer> mentions = new HashMap<>();
            for (Level level : Level.values()) {
                Cell cell = byCell.get(new Segment(side, level));
                if (cell != null) {
                    comments += cell.comments();
                    cell.mentions().forEach((t, n) -> mentions.merge(t, n, Integer::sum));
                }
            }
            Cause reason = hidden.get(new Segment(side, null));
            if (comments == 0) {
                result.put(side, hidden(side, new Suppressed("NO_COMMENTS", "no comments")));
            } else if (reason != null) {
                result.put(side, hidden(side, Suppressed.of(reason == Cause.BELOW_K ? Cause.BELOW_COMMENT_THRESHOLD : reason)));
            } else {
                result.put(side, new SideThemes(side, comments, top(mentions), null));
            }
        }
        return result;
    }

    static SideThemes hidden(Side side, Suppressed reason) {
        return new SideThemes(side, null, List.of(), reason);
    }

    /** Most mentioned first; ties in a fixed order (term text) so two reads list the same terms. */
    private List<Theme> top(Map<Term, Integer> mentions) {
        return mentions.entrySet().stream()
                .filter(e -> e.getValue() >= MINIMUM_MENTIONS)
                .sorted(Comparator.<Map.Entry<Term, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(e -> e.getKey().language())
                        .thenComparing(e -> e.getKey().text()))
                .limit(TOP)
                .map(e -> theme(e.getKey(), e.getValue()))
                .toList();
    }

    private Theme theme(Term term, int comments) {
        ThemeLexicon.Entry entry = analyser.lookUp(term).orElse(null);
        boolean ja = term.language().equals("ja");
        String english = ja ? (entry == null ? null : entry.gloss()) : term.text();
        String japanese = ja ? term.text() : (entry == null ? null : entry.gloss());
        return new Theme(term.text(), term.language(), comments, english, japanese, entry == null ? List.of() : entry.signs());
    }
}
