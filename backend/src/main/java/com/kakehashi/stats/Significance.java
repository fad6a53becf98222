package com.kakehashi.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Whether a change people would act on is beyond noise. Every test here is a linear contrast of
 * independent group means (Σ cᵢ·meanᵢ) with Welch–Satterthwaite degrees of freedom, so the same
 * arithmetic answers "did this side get worse since the last wave" (−1, +1), "is it above the
 * threshold" (one group, offset), "did the HQ–Japan gap widen" (four groups) and "is there a trend
 * over these waves" (least-squares slope weights).
 * <p>
 * Waves of one engagement are answered largely by the same people, so two waves are not independent
 * samples. Treating them as independent overstates the variance of a difference when answers are
 * positively correlated over time, which makes these tests conservative, never lenient.
 */
public final class Significance {

    private static final double Z975 = 1.959963984540054;

    private Significance() {
    }

    /** One group's mean, sample standard deviation and size; groups with n &lt; 2 carry no variance. */
    public record Group(double mean, double sd, long n) {

        public Group {
            if (n < 0 || !(sd >= 0) || !Double.isFinite(mean)) {
                throw new IllegalArgumentException("group needs n >= 0, sd >= 0 and a finite mean");
            }
        }

        double varianceOfMean() {
            return sd * sd / n;
        }
    }

    /**
     * An estimate with its 95% interval and two-sided p-value; {@code p} is NaN (and the interval
     * absent) when some group is too small to have a variance.
     */
    public record Estimate(double estimate, double low, double high, double p, double degreesOfFreedom) {

        public boolean testable() {
            return !Double.isNaN(p);
        }

        /** One-sided p for "the true value is above zero" (estimate positive). */
        public double pAbove() {
            if (!testable()) {
                return Double.NaN;
            }
            return estimate > 0 ? p / 2 : 1 - p / 2;
        }

        /** One-sided p for "the true value is below zero". */
        public double pBelow() {
            if (!testable()) {
                return Double.NaN;
            }
            return estimate < 0 ? p / 2 : 1 - p / 2;
        }
    }

    /** {@code after − before} (Welch's two-sample t). */
    public static Estimate difference(Group before, Group after) {
        return contrast(List.of(before, after), new double[]{-1, 1}, 0);
    }

    /** {@code group mean − threshold} (one-sample t). */
    public static Estimate againstThreshold(Group group, double threshold) {
        return contrast(List.of(group), new double[]{1}, -threshold);
    }

    /**
     * Change of the gap (second group of a pair minus the first) between two waves:
     * {@code (japanAfter − hqAfter) − (japanBefore − hqBefore)}.
     */
    public static Estimate gapChange(Group hqBefore, Group japanBefore, Group hqAfter, Group japanAfter) {
        return contrast(List.of(hqBefore, japanBefore, hqAfter, japanAfter), new double[]{1, -1, -1, 1}, 0);
    }

    /**
     * The least-squares trend over equally spaced waves, expressed as the change it implies from the
     * first wave to the last (slope × (k − 1)), so it reads in index points like a difference.
     */
    public static Estimate trend(List<Group> waves) {
        return trend(waves, IntStream.range(0, waves.size()).asDoubleStream().toArray());
    }

    /**
     * The least-squares trend over waves at the given positions (wave numbers, ascending; a wave
     * whose value is hidden is simply left out, so the others keep their distance), expressed as the
     * change it implies from the first position to the last.
     */
    public static Estimate trend(List<Group> waves, double[] positions) {
        int k = waves.size();
        if (k < 2 || positions.length != k) {
            throw new IllegalArgumentException("a trend needs at least two waves, one position each");
        }
        double meanX = java.util.Arrays.stream(positions).average().orElseThrow();
        double sxx = java.util.Arrays.stream(positions).map(x -> (x - meanX) * (x - meanX)).sum();
        if (sxx == 0) {
            throw new IllegalArgumentException("a trend needs distinct positions");
        }
        double span = positions[k - 1] - positions[0];
        double[] weights = java.util.Arrays.stream(positions).map(x -> (x - meanX) / sxx * span).toArray();
        return contrast(waves, weights, 0);
    }

    /**
     * The least-squares trend of the gap (second group of each pair minus the first) over waves at
     * the given positions: {@code japan − hq} per wave, as the change from the first position to the last.
     */
    public static Estimate gapTrend(List<Group> hq, List<Group> japan, double[] positions) {
        int k = hq.size();
        if (k < 2 || japan.size() != k || positions.length != k) {
            throw new IllegalArgumentException("a gap trend needs at least two waves, both sides and one position each");
        }
        double meanX = java.util.Arrays.stream(positions).average().orElseThrow();
        double sxx = java.util.Arrays.stream(positions).map(x -> (x - meanX) * (x - meanX)).sum();
        if (sxx == 0) {
            throw new IllegalArgumentException("a trend needs distinct positions");
        }
        double span = positions[k - 1] - positions[0];
        List<Group> groups = new java.util.ArrayList<>();
        double[] weights = new double[2 * k];
        for (int i = 0; i < k; i++) {
            double w = (positions[i] - meanX) / sxx * span;
            groups.add(hq.get(i));
            groups.add(japan.get(i));
            weights[2 * i] = -w;
            weights[2 * i + 1] = w;
        }
        return contrast(groups, weights, 0);
    }

    /**
     * Σ weightᵢ·meanᵢ + offset with variance Σ weightᵢ²·sdᵢ²/nᵢ and Welch–Satterthwaite degrees of
     * freedom. A zero variance with a non-zero estimate is certain (p = 0); with a zero estimate, p = 1.
     */
    public static Estimate contrast(List<Group> groups, double[] weights, double offset) {
        if (groups.size() != weights.length || groups.isEmpty()) {
            throw new IllegalArgumentException("one weight per group");
        }
        double estimate = offset;
        double variance = 0;
        double denominator = 0;
        boolean testable = true;
        for (int i = 0; i < weights.length; i++) {
            Group g = groups.get(i);
            estimate += weights[i] * g.mean();
            if (weights[i] == 0) {
                continue;
            }
            if (g.n() < 2) {
                testable = false;
                continue;
            }
            double v = weights[i] * weights[i] * g.varianceOfMean();
            variance += v;
            denominator += v * v / (g.n() - 1);
        }
        if (!testable) {
            return new Estimate(estimate, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        if (variance == 0) {
            return new Estimate(estimate, estimate, estimate, estimate == 0 ? 1 : 0, Double.POSITIVE_INFINITY);
        }
        double df = variance * variance / denominator;
        double se = Math.sqrt(variance);
        TDistribution t = new TDistribution(null, df, 1e-12);
        double half = t.inverseCumulativeProbability(0.975) * se;
        double p = 2 * t.cumulativeProbability(-Math.abs(estimate / se));
        return new Estimate(estimate, estimate - half, estimate + half, Math.min(1, p), df);
    }

    /**
     * {@code after − before} of two proportions (successes of trials), in proportion units, with a
     * Wald 95% interval and the pooled two-proportion z-test's two-sided p.
     */
    public static Estimate proportionDifference(long successesBefore, long trialsBefore, long successesAfter,
                                              long trialsAfter) {
        if (trialsBefore <= 0 || trialsAfter <= 0 || successesBefore < 0 || successesAfter < 0
                || successesBefore > trialsBefore || successesAfter > trialsAfter) {
            throw new IllegalArgumentException("successes must lie within 0..trials and trials be positive");
        }
        double p0 = (double) successesBefore / trialsBefore;
        double p1 = (double) successesAfter / trialsAfter;
        double estimate = p1 - p0;
        double pooled = (double) (successesBefore + successesAfter) / (trialsBefore + trialsAfter);
        double sePooled = Math.sqrt(pooled * (1 - pooled) * (1.0 / trialsBefore + 1.0 / trialsAfter));
        double se = Math.sqrt(p0 * (1 - p0) / trialsBefore + p1 * (1 - p1) / trialsAfter);
        double p = sePooled == 0 ? (estimate == 0 ? 1 : 0)
                : 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(estimate / sePooled));
        return new Estimate(estimate, estimate - Z975 * se, estimate + Z975 * se, Math.min(1, p),
                Double.POSITIVE_INFINITY);
    }

    /**
     * {@code proportion − threshold} with the Wilson score 95% interval (sound at small n and near 0
     * or 1) and the one-sample z-test's two-sided p against the threshold.
     */
    public static Estimate proportionAgainst(long successes, long trials, double threshold) {
        if (trials <= 0 || successes < 0 || successes > trials || threshold <= 0 || threshold >= 1) {
            throw new IllegalArgumentException("successes within 0..trials, trials positive, threshold within (0, 1)");
        }
        double share = (double) successes / trials;
        double z2 = Z975 * Z975;
        double centre = (share + z2 / (2 * trials)) / (1 + z2 / trials);
        double half = Z975 / (1 + z2 / trials) * Math.sqrt(share * (1 - share) / trials + z2 / (4.0 * trials * trials));
        double se = Math.sqrt(threshold * (1 - threshold) / trials);
        double p = 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs((share - threshold) / se));
        return new Estimate(share - threshold, centre - half - threshold, centre + half - threshold, Math.min(1, p),
                Double.POSITIVE_INFINITY);
    }

    /**
     * Benjamini–Hochberg adjusted p-values (q-values), in the input order: a test is a discovery at
     * false-discovery rate α when its adjusted value is ≤ α. NaN (untestable) entries stay NaN and do
     * not count towards the number of tests.
     */
    public static double[] benjaminiHochberg(double[] p) {
        Integer[] order = testableOrder(p);
        int m = order.length;
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, p[i] * m / rank);
            adjusted[i] = running;
        }
        return adjusted;
    }

    /**
     * Holm's step-down adjusted p-values (family-wise error control), in the input order; NaN entries
     * stay NaN and do not count towards the number of tests.
     */
    public static double[] holm(double[] p) {
        Integer[] order = testableOrder(p);
        int m = order.length;
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 0;
        for (int rank = 1; rank <= m; rank++) {
            int i = order[rank - 1];
            running = Math.max(running, Math.min(1, p[i] * (m - rank + 1)));
            adjusted[i] = running;
        }
        return adjusted;
    }

    private static Integer[] testableOrder(double[] p) {
        return IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
    }
}
