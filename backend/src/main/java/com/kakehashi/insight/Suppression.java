package com.kakehashi.insight;

import com.kakehashi.participant.Level;
import com.kakehashi.participant.Side;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which groups of one wave and one measure may be shown. The groups form a two-way table (sides ×
 * levels) with its margins and total, so any group's sum is tied to others by four kinds of
 * equations: total = Σ sides, total = Σ levels, side = Σ its cells, level = Σ its cells.
 * <ol>
 * <li>Primary: a group with 0 &lt; n &lt; k is hidden.</li>
 * <li>Complementary: while the value of some hidden group can be solved from the shown ones
 * (its unit vector lies in the row space of the equations restricted to hidden groups), one more
 * shown group is hidden: the smallest whose hiding alone protects it, else the smallest sharing an
 * equation with it (cells and margins before the total), and the check runs again.</li>
 * </ol>
 * Decided once per wave and measure over all groups, then filtered: two requests with different
 * filters see the same hidden set, so differencing them recovers nothing. Empty groups (n = 0)
 * are known to be empty and carry no value.
 */
final class Suppression {

    enum Reason {
        BELOW_K("suppressed: fewer than k responses"),
        COMPLEMENTARY("suppressed: could otherwise be derived from shown values"),
        NO_RESPONSES("no responses");

        final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private Suppression() {
    }

    /** @return the reason per hidden segment; segments not in the map are shown */
    static Map<Segment, Reason> decide(Map<Segment, Long> counts, int k) {
        Map<Segment, Reason> hidden = new LinkedHashMap<>();
        for (Segment segment : Segment.EVERY) {
            long n = counts.getOrDefault(segment, 0L);
            if (n == 0) {
                hidden.put(segment, Reason.NO_RESPONSES);
            } else if (n < k) {
                hidden.put(segment, Reason.BELOW_K);
            }
        }
        List<List<Segment>> equations = equations();
        while (true) {
            Segment derivable = firstDerivable(counts, hidden, equations);
            if (derivable == null) {
                return hidden;
            }
            Comparator<Segment> smallestFirst = Comparator.comparingLong((Segment s) -> counts.getOrDefault(s, 0L))
                    .thenComparing(s -> s.equals(Segment.ALL))
                    .thenComparingInt(Segment.EVERY::indexOf);
            List<Segment> shown = Segment.EVERY.stream().filter(s -> !hidden.containsKey(s)).sorted(smallestFirst).toList();
            // The smallest shown group whose hiding alone protects the derivable one; else the smallest
            // shown group sharing an equation with it (or with any hidden group), and look again.
            Segment extra = shown.stream().filter(s -> {
                        Map<Segment, Reason> trial = new LinkedHashMap<>(hidden);
                        trial.put(s, Reason.COMPLEMENTARY);
                        return !derivable(derivable, counts, trial, equations);
                    }).findFirst()
                    .or(() -> equations.stream().filter(e -> e.contains(derivable)).flatMap(List::stream)
                            .filter(s -> !hidden.containsKey(s)).min(smallestFirst))
                    .or(() -> equations.stream().filter(e -> e.stream().anyMatch(hidden::containsKey)).flatMap(List::stream)
                            .filter(s -> !hidden.containsKey(s)).min(smallestFirst))
                    .orElse(null);
            if (extra == null) {
                return hidden; // nothing shown is tied to a hidden group
            }
            hidden.put(extra, Reason.COMPLEMENTARY);
        }
    }

    /** Each equation as [parent, children...]. */
    static List<List<Segment>> equations() {
        List<List<Segment>> equations = new ArrayList<>();
        List<Segment> bySide = new ArrayList<>(List.of(Segment.ALL));
        for (Side side : Side.values()) {
            bySide.add(new Segment(side, null));
        }
        equations.add(bySide);
        List<Segment> byLevel = new ArrayList<>(List.of(Segment.ALL));
        for (Level level : Level.values()) {
            byLevel.add(new Segment(null, level));
        }
        equations.add(byLevel);
        for (Side side : Side.values()) {
            List<Segment> cells = new ArrayList<>(List.of(new Segment(side, null)));
            for (Level level : Level.values()) {
                cells.add(new Segment(side, level));
            }
            equations.add(cells);
        }
        for (Level level : Level.values()) {
            List<Segment> cells = new ArrayList<>(List.of(new Segment(null, level)));
            for (Side side : Side.values()) {
                cells.add(new Segment(side, level));
            }
            equations.add(cells);
        }
        return equations;
    }

    /** A hidden, non-empty group whose sum the shown groups determine, or null. */
    private static Segment firstDerivable(Map<Segment, Long> counts, Map<Segment, Reason> hidden,
                                          List<List<Segment>> equations) {
        for (Segment unknown : hidden.keySet()) {
            if (counts.getOrDefault(unknown, 0L) > 0 && derivable(unknown, counts, hidden, equations)) {
                return unknown;
            }
        }
        return null;
    }

    /**
     * Whether the sum of a hidden group is determined: its unit vector lies in the row space of the
     * equations restricted to the hidden non-empty groups (shown and empty groups are constants).
     */
    private static boolean derivable(Segment target, Map<Segment, Long> counts, Map<Segment, Reason> hidden,
                                     List<List<Segment>> equations) {
        List<Segment> unknowns = hidden.keySet().stream().filter(s -> counts.getOrDefault(s, 0L) > 0).toList();
        Map<Segment, Integer> column = new LinkedHashMap<>();
        unknowns.forEach(u -> column.put(u, column.size()));
        List<double[]> rows = new ArrayList<>();
        for (List<Segment> equation : equations) {
            double[] row = new double[unknowns.size()];
            boolean any = false;
            for (int i = 0; i < equation.size(); i++) {
                Integer c = column.get(equation.get(i));
                if (c != null) {
                    row[c] = i == 0 ? 1 : -1;
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
            }
        }
        int rank = rank(rows, unknowns.size());
        double[] unit = new double[unknowns.size()];
        unit[column.get(target)] = 1;
        List<double[]> extended = new ArrayList<>(rows);
        extended.add(unit);
        return rank(extended, unknowns.size()) == rank;
    }

    private static int rank(List<double[]> input, int columns) {
        double[][] m = input.stream().map(double[]::clone).toArray(double[][]::new);
        int rank = 0;
        for (int c = 0; c < columns && rank < m.length; c++) {
            int pivot = -1;
            for (int r = rank; r < m.length; r++) {
                if (Math.abs(m[r][c]) > 1e-9 && (pivot < 0 || Math.abs(m[r][c]) > Math.abs(m[pivot][c]))) {
                    pivot = r;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] tmp = m[rank];
            m[rank] = m[pivot];
            m[pivot] = tmp;
            for (int r = 0; r < m.length; r++) {
                if (r != rank && Math.abs(m[r][c]) > 1e-9) {
                    double f = m[r][c] / m[rank][c];
                    for (int j = c; j < columns; j++) {
                        m[r][j] -= f * m[rank][j];
                    }
                }
            }
            rank++;
        }
        return rank;
    }

}
