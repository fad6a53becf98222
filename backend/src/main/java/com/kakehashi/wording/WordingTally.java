package com.kakehashi.wording;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The careful-wording figures of one group of comments (a wave × side, say): how many comments, how
 * many carry at least one marker, and how many carry each category. Plain counts: whoever shows them
 * applies the comment threshold first (no figure for a group below k comments), since a count of a
 * small group points to the comments in it.
 *
 * @param comments       comments analysed (blank ones excluded by the caller or counted as unmarked)
 * @param withMarker     comments with at least one marker: the numerator of the careful-wording share
 * @param perCategory    comments carrying each category (a comment with two categories counts in both)
 * @param lexiconVersion the lexicon the figures come from; figures of different versions do not compare
 */
public record WordingTally(int comments, int withMarker, Map<MarkerCategory, Integer> perCategory, String lexiconVersion) {

    public WordingTally {
        perCategory = Collections.unmodifiableMap(new EnumMap<>(perCategory));
    }

    /** The tally of analysed comments, all from one lexicon version. */
    public static WordingTally of(Collection<CommentMarkers> analysed, String lexiconVersion) {
        EnumMap<MarkerCategory, Integer> perCategory = new EnumMap<>(MarkerCategory.class);
        for (MarkerCategory category : MarkerCategory.values()) {
            perCategory.put(category, 0);
        }
        int withMarker = 0;
        for (CommentMarkers markers : analysed) {
            if (!markers.lexiconVersion().equals(lexiconVersion)) {
                throw new IllegalArgumentException("comments analysed with " + markers.lexiconVersion()
                        + " cannot be tallied as " + lexiconVersion);
            }
            withMarker += markers.any() ? 1 : 0;
            markers.categories().forEach(c -> perCategory.merge(c, 1, Integer::sum));
        }
        return new WordingTally(analysed.size(), withMarker, perCategory, lexiconVersion);
    }

    /** Share of comments with at least one marker, 0..1; NaN for no comments. */
    public double share() {
        return comments == 0 ? Double.NaN : (double) withMarker / comments;
    }
}
