package com.kakehashi.wording;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the analyser found in one comment.
 *
 * <p>Only {@link #categories()} is meant for aggregation (share of comments with at least one marker,
 * counts per category). {@link #entryIds()} names the lexicon entries that matched, for tests and
 * debugging: it must never reach a user, because a phrase can point to the one comment that used it.
 *
 * @param categories     the marker categories present (empty: no careful wording found)
 * @param entryIds       lexicon entry ids that matched (internal only)
 * @param lexiconVersion the lexicon that produced this result, so stored figures can say which one
 */
public record CommentMarkers(Set<MarkerCategory> categories, SortedSet<String> entryIds, String lexiconVersion) {

    public CommentMarkers {
        categories = categories.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(MarkerCategory.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(categories));
        entryIds = Collections.unmodifiableSortedSet(new TreeSet<>(entryIds));
    }

    static CommentMarkers none(String lexiconVersion) {
        return new CommentMarkers(Set.of(), new TreeSet<>(), lexiconVersion);
    }

    /** Without the entry ids, so that a logged result cannot carry a comment's phrases. */
    @Override
    public String toString() {
        return "CommentMarkers[categories=" + categories + ", lexiconVersion=" + lexiconVersion + "]";
    }

    /** At least one marker of any category: the comment counts toward the careful-wording share. */
    public boolean any() {
        return !categories.isEmpty();
    }

    public boolean has(MarkerCategory category) {
        return categories.contains(category);
    }
}
