package com.kakehashi.insight;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attacker's arithmetic, written apart from {@link Suppression} so that one cannot share the
 * other's mistakes: which sets of side × level cells have sums that the shown groups determine.
 * A group is named by its key ("ALL", "side:HQ", "level:STAFF", "side:HQ,level:STAFF"); a set S is
 * determined when its 0/1 vector is a rational combination of the shown groups' vectors and of
 * the empty cells' unit vectors (counts are published). Exact: Gaussian elimination in {@link BigFraction}.
 */
public final class SpanJudge {

    /** The cells in a fixed order: HQ × (EXECUTIVE, MIDDLE_MANAGER, STAFF), JAPAN × …, REGIONAL × …. */
    public static final List<String> CELLS = cells();

    private SpanJudge() {
    }

    private static List<String> cells() {
        List<String> cells = new ArrayList<>();
        for (Side side : Side.values()) {
            for (Level level : Level.values()) {
                cells.add("side:" + side + ",level:" + level);
            }
        }
        return List.copyOf(cells);
    }

    /** Every group key the insight API can show: the total, the sides, the levels and the cells. */
    public static List<String> groups() {
        List<String> groups = new ArrayList<>(List.of("ALL"));
        for (Side side : Side.values()) {
            groups.add("side:" + side);
        }
        for (Level level : Level.values()) {
            groups.add("level:" + level);
        }
        groups.addAll(CELLS);
        return groups;
    }

    /** The cells a group covers. */
    public static Set<String> cellsOf(String group) {
        Set<String> cells = new LinkedHashSet<>();
        for (String cell : CELLS) {
            String[] parts = cell.split(",");
            boolean in = group.equals("ALL") || group.equals(cell) || group.equals(parts[0]) || group.equals(parts[1]);
            if (in) {
                cells.add(cell);
            }
        }
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("not a group: " + group);
        }
        return cells;
    }

    /** Every determined non-empty set of non-empty cells. */
    public static List<Set<String>> determinedSets(Map<String, Long> cellCounts, Collection<String> shown) {
        Basis basis = basis(cellCounts, shown);
        List<String> nonEmpty = CELLS.stream().filter(c -> cellCounts.getOrDefault(c, 0L) > 0).toList();
        List<Set<String>> sets = new ArrayList<>();
        for (int subset = 1; subset < 1 << nonEmpty.size(); subset++) {
            Set<String> set = new LinkedHashSet<>();
            for (int i = 0; i < nonEmpty.size(); i++) {
                if ((subset & 1 << i) != 0) {
                    set.add(nonEmpty.get(i));
                }
            }
            if (inSpan(basis, vector(set))) {
                sets.add(set);
            }
        }
        return sets;
    }

    /** The determined sets holding 0 &lt; n &lt; k responses: what an attacker could single out. */
    public static List<Set<String>> violations(Map<String, Long> cellCounts, Collection<String> shown, int k) {
        return determinedSets(cellCounts, shown).stream().filter(set -> {
            long n = set.stream().mapToLong(c -> cellCounts.getOrDefault(c, 0L)).sum();
            return n > 0 && n < k;
        }).toList();
    }

    // ---- the same with the insight package's own types, for its unit tests ----

    static boolean determines(Map<Segment, Long> counts, Collection<Segment> shown, Collection<Segment> cells) {
        Set<String> set = new LinkedHashSet<>();
        cells.forEach(c -> set.add(c.key()));
        return inSpan(basis(cellCounts(counts), keys(shown)), vector(set));
    }

    static List<Set<String>> segmentViolations(Map<Segment, Long> counts, Collection<Segment> shown, int k) {
        return violations(cellCounts(counts), keys(shown), k);
    }

    static List<Set<String>> segmentDeterminedSets(Map<Segment, Long> counts, Collection<Segment> shown) {
        return determinedSets(cellCounts(counts), keys(shown));
    }

    /** The same bit mask over cells as {@link Suppression#cell}. */
    static int mask(Set<String> cells) {
        int mask = 0;
        for (String cell : cells) {
            mask |= 1 << CELLS.indexOf(cell);
        }
        return mask;
    }

    private static Map<String, Long> cellCounts(Map<Segment, Long> counts) {
        Map<String, Long> cells = new java.util.HashMap<>();
        counts.forEach((s, n) -> {
            if (s.side() != null && s.level() != null) {
                cells.put(s.key(), n);
            }
        });
        return cells;
    }

    private static List<String> keys(Collection<Segment> segments) {
        return segments.stream().map(Segment::key).toList();
    }

    // ---- exact linear algebra ----

    private static BigFraction[] vector(Set<String> cells) {
        BigFraction[] v = new BigFraction[CELLS.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = cells.contains(CELLS.get(i)) ? BigFraction.ONE : BigFraction.ZERO;
        }
        return v;
    }

    /** Rows in reduced echelon form spanning the shown groups and the empty cells. */
    private static Basis basis(Map<String, Long> cellCounts, Collection<String> shown) {
        List<BigFraction[]> generators = new ArrayList<>();
        for (String cell : CELLS) {
            if (cellCounts.getOrDefault(cell, 0L) == 0) {
                generators.add(vector(Set.of(cell)));
            }
        }
        for (String group : shown) {
            generators.add(vector(cellsOf(group)));
        }
        List<BigFraction[]> rows = new ArrayList<>();
        List<Integer> pivots = new ArrayList<>();
        for (BigFraction[] g : generators) {
            BigFraction[] v = reduce(rows, pivots, g.clone());
            int pivot = firstNonZero(v);
            if (pivot < 0) {
                continue;
            }
            BigFraction scale = v[pivot];
            for (int c = 0; c < v.length; c++) {
                v[c] = v[c].divide(scale);
            }
            for (BigFraction[] row : rows) {
                BigFraction f = row[pivot];
                if (!f.equals(BigFraction.ZERO)) {
                    for (int c = 0; c < v.length; c++) {
                        row[c] = row[c].subtract(f.multiply(v[c]));
                    }
                }
            }
            rows.add(v);
            pivots.add(pivot);
        }
        return new Basis(rows, pivots);
    }

    /** Rows in reduced echelon form and the column each row leads in. */
    private record Basis(List<BigFraction[]> rows, List<Integer> pivots) {
    }

    private static boolean inSpan(Basis basis, BigFraction[] v) {
        return firstNonZero(reduce(basis.rows(), basis.pivots(), v)) < 0;
    }

    private static BigFraction[] reduce(List<BigFraction[]> rows, List<Integer> pivots, BigFraction[] v) {
        for (int i = 0; i < rows.size(); i++) {
            BigFraction f = v[pivots.get(i)];
            if (!f.equals(BigFraction.ZERO)) {
                BigFraction[] row = rows.get(i);
                for (int c = 0; c < v.length; c++) {
                    v[c] = v[c].subtract(f.multiply(row[c]));
                }
            }
        }
        return v;
    }

    private static int firstNonZero(BigFraction[] v) {
        for (int c = 0; c < v.length; c++) {
            if (!v[c].equals(BigFraction.ZERO)) {
                return c;
            }
        }
        return -1;
    }
}
