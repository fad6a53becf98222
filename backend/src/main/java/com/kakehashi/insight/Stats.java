package com.kakehashi.insight;

import io.micronaut.core.annotation.Nullable;
import org.apache.commons.math3.distribution.TDistribution;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Mean, sample standard deviation and 95% confidence intervals from n, Σx and Σx². Intervals use
 * Student's t with n − 1 degrees of freedom (small groups are the rule here); a difference of two
 * groups uses Welch's t with Welch–Satterthwaite degrees of freedom. Intervals are not clipped to 0–100.
 */
final class Stats {

    private Stats() {
    }

    /** One group's summary; sd and the interval are null when n < 2. */
    record Summary(long n, double mean, @Nullable Double variance, @Nullable Double sd, @Nullable Double ciLow,
                   @Nullable Double ciHigh) {
    }

    static Summary summarise(long n, BigDecimal sum, BigDecimal sumSq) {
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal bn = BigDecimal.valueOf(n);
        double mean = sum.divide(bn, mc).doubleValue();
        if (n < 2) {
            return new Summary(n, mean, null, null, null, null);
        }
        // (n Σx² − (Σx)²) / (n (n − 1)), exact in decimal before the one rounding to double.
        double variance = Math.max(0, sumSq.multiply(bn).subtract(sum.multiply(sum))
                .divide(bn.multiply(BigDecimal.valueOf(n - 1)), mc).doubleValue());
        double sd = Math.sqrt(variance);
        double half = tQuantile(n - 1) * sd / Math.sqrt(n);
        return new Summary(n, mean, variance, sd, mean - half, mean + half);
    }

    /** The 0.975 quantile of Student's t. */
    static double tQuantile(double degreesOfFreedom) {
        // Solving the inverse CDF costs 0.2 ms or more, and a 52-wave trend needs it thousands of times;
        // each quantile is solved once per degrees of freedom and reused (same value, same code).
        if (degreesOfFreedom >= 1 && degreesOfFreedom <= CACHED_DF && degreesOfFreedom == Math.rint(degreesOfFreedom)) {
            int df = (int) degreesOfFreedom;
            double cached = WHOLE_DF.get(df);
            if (cached == 0) {
                cached = solveT(df);
                WHOLE_DF.set(df, cached);
            }
            return cached;
        }
        // Welch degrees of freedom are fractional but recur on every view of a closed wave's gaps.
        Double known = FRACTIONAL_DF.get(degreesOfFreedom);
        if (known != null) {
            return known;
        }
        double solved = solveT(degreesOfFreedom);
        if (FRACTIONAL_DF.size() < CACHED_FRACTIONAL) {
            FRACTIONAL_DF.put(degreesOfFreedom, solved);
        }
        return solved;
    }

    /** About 10 MB at most: the gaps of some 50 tenants' two years of waves. */
    private static final int CACHED_FRACTIONAL = 100_000;
    private static final java.util.Map<Double, Double> FRACTIONAL_DF = new java.util.concurrent.ConcurrentHashMap<>();

    /** Groups larger than this are rare; their quantiles are solved each time. */
    private static final int CACHED_DF = 20_000;
    /** 0 means not computed yet (every quantile is > 1.9). */
    private static final AtomicLongArrayOfDoubles WHOLE_DF = new AtomicLongArrayOfDoubles(CACHED_DF + 1);

    private static double solveT(double degreesOfFreedom) {
        return new TDistribution(null, degreesOfFreedom, 1e-15).inverseCumulativeProbability(0.975);
    }

    /** Doubles published safely between request threads. */
    private static final class AtomicLongArrayOfDoubles {
        private final java.util.concurrent.atomic.AtomicLongArray bits;

        AtomicLongArrayOfDoubles(int length) {
            bits = new java.util.concurrent.atomic.AtomicLongArray(length);
        }

        double get(int i) {
            return Double.longBitsToDouble(bits.get(i));
        }

        void set(int i, double value) {
            bits.set(i, Double.doubleToRawLongBits(value));
        }
    }

    /** b − a with Welch's 95% interval; null interval when either group has n < 2. */
    static double[] difference(Summary a, Summary b) {
        double gap = b.mean() - a.mean();
        if (a.variance() == null || b.variance() == null) {
            return new double[]{gap, Double.NaN, Double.NaN};
        }
        double va = a.variance() / a.n();
        double vb = b.variance() / b.n();
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new double[]{gap, gap, gap};
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
        double half = tQuantile(df) * se;
        return new double[]{gap, gap - half, gap + half};
    }
}
