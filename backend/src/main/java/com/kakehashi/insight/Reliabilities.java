package com.kakehashi.insight;

import io.micronaut.core.annotation.Nullable;

/**
 * Internal consistency of a sign's items within one side, from exact integer sums (items already
 * reverse-keyed). Two items: the Spearman–Brown coefficient 2r / (1 + r) of their Pearson correlation r,
 * the recommended estimate for a two-item scale (Eisinga, te Grotenhuis and Pelzer 2013); alpha with
 * two items assumes equal variances and is biased low. Three or more: Cronbach's alpha. See
 * docs/measurement.md "Reliability" for the cut-offs.
 */
final class Reliabilities {

    /** Below this, the items of a sign do not measure one thing well enough for its score to be read as one. */
    static final double ACCEPTABLE = 0.5;
    /** From this on, the usual threshold for group-level reporting. */
    static final double GOOD = 0.7;

    private Reliabilities() {
    }

    /**
     * @param varA n Σa² − (Σa)²; varB likewise; coAb the cross term n Σab − Σa Σb
     * @return 2r / (1 + r), or null when either item does not vary or they are perfectly opposed (r = −1)
     */
    static @Nullable Double spearmanBrown(long varA, long varB, long coAb) {
        if (varA <= 0 || varB <= 0) {
            return null;
        }
        double r = coAb / Math.sqrt((double) varA * varB);
        if (r <= -1) {
            return null;
        }
        return 2 * r / (1 + r);
    }

    /**
     * @param itemVariances Σ over items of n Σx² − (Σx)²
     * @param totalVariance the same for the total score (item variances plus twice every covariance)
     */
    static double cronbachAlpha(int items, long itemVariances, long totalVariance) {
        return (double) items / (items - 1) * (1 - (double) itemVariances / totalVariance);
    }

    static InsightViews.ReliabilityQuality quality(@Nullable Double coefficient) {
        if (coefficient == null || coefficient < ACCEPTABLE) {
            return InsightViews.ReliabilityQuality.LOW;
        }
        return coefficient < GOOD ? InsightViews.ReliabilityQuality.ACCEPTABLE : InsightViews.ReliabilityQuality.GOOD;
    }

    /** A negative estimate is no reliability at all (the items disagree); it is reported as LOW, never as a number. */
    static @Nullable Double shown(@Nullable Double coefficient) {
        return coefficient == null || coefficient < 0 ? null : coefficient;
    }
}
