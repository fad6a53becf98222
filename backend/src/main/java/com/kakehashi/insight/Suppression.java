package com.kakehashi.insight;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which groups of one wave and one measure may be shown. A group's shown values (n, mean, sd, interval)
 * amount to its n, Σx and Σx², and sums add up: whoever sees several groups also knows every sum
 * that is a linear combination of them (Japan minus Japan staff is Japan's executives and middle
 * managers together). So the rule is about combinations, not single groups:
 * <blockquote>every set of respondents whose sums the shown groups determine holds 0 or at least k
 * responses.</blockquote>
 * <p>
 * Method. The atoms are the side × level cells. Each group is the 0/1 vector of the cells it
 * covers; a set S of cells is determined when its vector lies in the span (over the rationals) of
 * the shown groups' vectors together with the unit vectors of empty cells (response counts are
 * published, so an empty cell is known to add nothing). With 9 cells there are at most 512 sets:
 * each is tested exactly (integer row reduction, no floating point).
 * <ol>
 * <li>Primary: a group with 0 &lt; n &lt; k is hidden.</li>
 * <li>Complementary: while some determined set S has 0 &lt; n(S) &lt; k, more shown groups are
 * hidden. The violation taken is the smallest (by n, then by cells). Of the combinations of up to
 * three shown groups whose hiding makes S undetermined, the cheapest is hidden: the kind of group
 * matters first (cells before levels before sides before the total: sides carry the HQ–Japan
 * comparison the product exists for), then the number of groups, then the responses hidden, then
 * the fixed order of groups. If none of them does, every shown group overlapping S is hidden. Each
 * step hides at least one group, so this ends after at most 16 steps.</li>
 * </ol>
 * Hiding more never makes a set determined, so the result is safe for any superset of hidden groups.
 * Decided once per wave and measure over all groups, then filtered: two requests with different
 * filters see the same hidden set, so differencing them recovers nothing.
 */
final class Suppression {

    enum Cause {
        BELOW_K("suppressed: fewer than k responses"),
        COMPLEMENTARY("suppressed: could otherwise be derived from shown values"),
        NO_RESPONSES("no responses"),
        WAVE_OPEN("withheld while the wave is open: results appear when it closes"),
        BELOW_COMMENT_THRESHOLD("suppressed: fewer comments than the comment threshold");

        final String message;

        Cause(String message) {
            this.message = message;
        }
    }

    private static final int CELLS = Side.values().length * Level.values().length;

    private Suppression() {
    }

    /** Every group may be shown; see {@link #decide(Map, int, Collection, Map)}. */
    static Map<Segment, Cause> decide(Map<Segment, Long> counts, int k) {
        return decide(counts, k, Segment.EVERY, Map.of());
    }

    /**
     * @param counts    n per group (cells are what matters; margins are their sums)
     * @param published the groups this output can show at all (others are never shown, never hidden)
     * @param already   groups hidden before this decision (e.g. by the sign an item belongs to), kept hidden
     * @return the reason per hidden published group; published groups not in the map are shown
     */
    static Map<Segment, Cause> decide(Map<Segment, Long> counts, int k, Collection<Segment> published,
                                       Map<Segment, Cause> already) {
        long[] cells = new long[CELLS];
        for (Side side : Side.values()) {
            for (Level level : Level.values()) {
                cells[cell(side, level)] = counts.getOrDefault(new Segment(side, level), 0L);
            }
        }
        // A wave's signs and items mostly share one table of counts, and a trend reads the same waves
        // again and again: the decision is a pure function of its inputs, so it is computed once.
        DecisionKey key = new DecisionKey(k, java.util.Arrays.stream(cells).boxed().toList(), List.copyOf(published), Map.copyOf(already));
        Map<Segment, Cause> known = DECIDED.get(key);
        if (known != null) {
            return known;
        }
        Map<Segment, Cause> decided = java.util.Collections.unmodifiableMap(decide(cells, k, published, already));
        if (DECIDED.size() >= CACHED) {
            DECIDED.clear();
        }
        DECIDED.put(key, decided);
        return decided;
    }

    private record DecisionKey(int k, List<Long> cells, List<Segment> published, Map<Segment, Cause> already) {
    }

    /** A few MB at most. */
    private static final int CACHED = 20_000;
    private static final Map<DecisionKey, Map<Segment, Cause>> DECIDED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Map<Segment, Cause> decide(long[] cells, int k, Collection<Segment> published,
                                               Map<Segment, Cause> already) {
        Map<Segment, Cause> hidden = new LinkedHashMap<>();
        for (Segment segment : Segment.EVERY) {
            if (!published.contains(segment)) {
                continue;
            }
            long n = n(cells, mask(segment));
            if (n == 0) {
                hidden.put(segment, Cause.NO_RESPONSES);
            } else if (already.containsKey(segment)) {
                hidden.put(segment, already.get(segment));
            } else if (n < k) {
                hidden.put(segment, Cause.BELOW_K);
            }
        }
        while (true) {
            List<Segment> shown = Segment.EVERY.stream().filter(s -> published.contains(s) && !hidden.containsKey(s)).toList();
            Integer violation = smallestViolation(cells, k, shown);
            if (violation == null) {
                return hidden;
            }
            for (Segment extra : cheapestProtection(cells, shown, violation)) {
                hidden.put(extra, Cause.COMPLEMENTARY);
            }
        }
    }

    /** Most groups hidden together in one step; beyond it every shown group overlapping the set goes. */
    private static final int MAX_STEP = 3;

    /**
     * The cheapest shown groups whose hiding makes the set undetermined: cells before levels before
     * sides before the total (the highest kind hidden decides), then the fewest groups, then the
     * fewest responses, then {@link Segment#EVERY}'s order.
     */
    private static List<Segment> cheapestProtection(long[] cells, List<Segment> shown, int set) {
        List<List<Segment>> options = new ArrayList<>();
        combinations(shown, 0, new ArrayList<>(), options);
        Comparator<List<Segment>> cheapest = Comparator.<List<Segment>>comparingInt(
                        o -> o.stream().mapToInt(Suppression::tier).max().orElse(0))
                .thenComparingInt(List::size)
                .thenComparingLong(o -> o.stream().mapToLong(s -> n(cells, mask(s))).sum())
                .thenComparing(o -> o.stream().map(s -> String.format("%02d", Segment.EVERY.indexOf(s)))
                        .collect(java.util.stream.Collectors.joining()));
        options.sort(cheapest);
        for (List<Segment> option : options) {
            if (!span(cells, shown.stream().filter(s -> !option.contains(s)).toList()).contains(set)) {
                return option;
            }
        }
        // A set that no shown group overlaps is never determined.
        return shown.stream().filter(s -> (mask(s) & set) != 0).toList();
    }

    private static void combinations(List<Segment> from, int start, List<Segment> chosen, List<List<Segment>> into) {
        if (!chosen.isEmpty()) {
            into.add(List.copyOf(chosen));
        }
        if (chosen.size() == MAX_STEP) {
            return;
        }
        for (int i = start; i < from.size(); i++) {
            chosen.add(from.get(i));
            combinations(from, i + 1, chosen, into);
            chosen.removeLast();
        }
    }

    /** 0 a cell, 1 a level, 2 a side, 3 everyone: what a reader loses when it is hidden. */
    private static int tier(Segment segment) {
        if (segment.side() != null && segment.level() != null) {
            return 0;
        }
        return segment.level() != null ? 1 : segment.side() != null ? 2 : 3;
    }

    /** The determined sets of cells (as bit masks over {@link #cell}) that the given groups reveal. */
    static List<Integer> determinedSets(Map<Segment, Long> counts, Collection<Segment> shown) {
        long[] cells = new long[CELLS];
        counts.forEach((segment, n) -> {
            if (segment.side() != null && segment.level() != null) {
                cells[cell(segment.side(), segment.level())] = n;
            }
        });
        Span span = span(cells, List.copyOf(shown));
        List<Integer> sets = new ArrayList<>();
        for (int set = 1; set < 1 << CELLS; set++) {
            if ((set & emptyMask(cells)) == 0 && span.contains(set)) {
                sets.add(set);
            }
        }
        return sets;
    }

    static int cell(Side side, Level level) {
        return side.ordinal() * Level.values().length + level.ordinal();
    }

    static int mask(Segment segment) {
        int mask = 0;
        for (Side side : Side.values()) {
            for (Level level : Level.values()) {
                if ((segment.side() == null || segment.side() == side) && (segment.level() == null || segment.level() == level)) {
                    mask |= 1 << cell(side, level);
                }
            }
        }
        return mask;
    }

    private static long n(long[] cells, int mask) {
        long n = 0;
        for (int c = 0; c < CELLS; c++) {
            if ((mask & 1 << c) != 0) {
                n += cells[c];
            }
        }
        return n;
    }

    private static int emptyMask(long[] cells) {
        int mask = 0;
        for (int c = 0; c < CELLS; c++) {
            if (cells[c] == 0) {
                mask |= 1 << c;
            }
        }
        return mask;
    }

    /**
     * The determined set of non-empty cells with 0 &lt; n &lt; k that has the fewest responses (then
     * the lowest mask), or null when there is none. Sets differing only in empty cells are the same
     * respondents, so only sets of non-empty cells are searched.
     */
    private static Integer smallestViolation(long[] cells, int k, List<Segment> shown) {
        int empty = emptyMask(cells);
        int shownCells = shown.stream().filter(s -> s.side() != null && s.level() != null).mapToInt(Suppression::mask)
                .reduce(0, (a, b) -> a | b);
        if ((shownCells | empty) == (1 << CELLS) - 1) {
            return null; // every non-empty cell shown (so n >= k): a determined set is a union of them
        }
        Span span = span(cells, shown);
        Integer best = null;
        long bestN = Long.MAX_VALUE;
        for (int set = 1; set < 1 << CELLS; set++) {
            if ((set & empty) != 0) {
                continue;
            }
            long n = n(cells, set);
            if (n > 0 && n < k && n < bestN && span.contains(set)) {
                best = set;
                bestN = n;
            }
        }
        return best;
    }

    private static Span span(long[] cells, List<Segment> shown) {
        Span span = new Span();
        for (int c = 0; c < CELLS; c++) {
            if (cells[c] == 0) {
                span.add(1 << c);
            }
        }
        for (Segment segment : shown) {
            span.add(mask(segment));
        }
        return span;
    }

    /**
     * A subspace of Q^9 spanned by 0/1 vectors, kept as integer rows in echelon form (each row's
     * leading column is zero in every other row). Row operations are done in integers divided by
     * their gcd, so membership is exact.
     */
    private static final class Span {
        private final List<long[]> rows = new ArrayList<>();
        private final List<Integer> leads = new ArrayList<>();

        void add(int mask) {
            long[] v = reduce(vector(mask));
            int lead = lead(v);
            if (lead < 0) {
                return;
            }
            for (long[] row : rows) {
                eliminate(row, v, lead);
            }
            rows.add(v);
            leads.add(lead);
        }

        boolean contains(int mask) {
            return lead(reduce(vector(mask))) < 0;
        }

        private long[] reduce(long[] v) {
            for (int i = 0; i < rows.size(); i++) {
                eliminate(v, rows.get(i), leads.get(i));
            }
            return v;
        }

        /** target := pivot[lead] · target − target[lead] · pivot, so target[lead] becomes 0. */
        private static void eliminate(long[] target, long[] pivot, int lead) {
            long a = target[lead];
            if (a == 0) {
                return;
            }
            long p = pivot[lead];
            long g = 0;
            for (int c = 0; c < CELLS; c++) {
                target[c] = p * target[c] - a * pivot[c];
                g = gcd(g, Math.abs(target[c]));
            }
            if (g > 1) {
                for (int c = 0; c < CELLS; c++) {
                    target[c] /= g;
                }
            }
        }

        private static long[] vector(int mask) {
            long[] v = new long[CELLS];
            for (int c = 0; c < CELLS; c++) {
                v[c] = (mask >> c) & 1;
            }
            return v;
        }

        private static int lead(long[] v) {
            for (int c = 0; c < CELLS; c++) {
                if (v[c] != 0) {
                    return c;
                }
            }
            return -1;
        }

        private static long gcd(long a, long b) {
            while (b != 0) {
                long t = a % b;
                a = b;
                b = t;
            }
            return a;
        }
    }
}
