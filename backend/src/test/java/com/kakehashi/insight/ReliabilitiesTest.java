package com.kakehashi.insight;

import org.junit.jupiter.api.Test;

import static com.kakehashi.insight.InsightViews.ReliabilityQuality.ACCEPTABLE;
import static com.kakehashi.insight.InsightViews.ReliabilityQuality.GOOD;
import static com.kakehashi.insight.InsightViews.ReliabilityQuality.LOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The estimates against values worked out by hand; sums are as the rollups keep them (times n (n − 1)). */
class ReliabilitiesTest {

    /** n Σx² − (Σx)² and n Σab − Σa Σb of two answer columns. */
    private static long[] moments(int[] a, int[] b) {
        long n = a.length;
        long sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        for (int i = 0; i < a.length; i++) {
            sa += a[i];
            sb += b[i];
            saa += (long) a[i] * a[i];
            sbb += (long) b[i] * b[i];
            sab += (long) a[i] * b[i];
        }
        return new long[]{n * saa - sa * sa, n * sbb - sb * sb, n * sab - sa * sb};
    }

    @Test
    void spearmanBrownOfTwoItemsThatMostlyAgree() {
        // a 1,2,3,4 and b 2,1,4,3: deviations (−1.5, −.5, .5, 1.5) and (−.5, −1.5, 1.5, .5),
        // cross products sum 3, squares 5 and 5: r = 0.6, 2r / (1 + r) = 1.2 / 1.6 = 0.75
        long[] m = moments(new int[]{1, 2, 3, 4}, new int[]{2, 1, 4, 3});

        Double coefficient = Reliabilities.spearmanBrown(m[0], m[1], m[2]);

        assertThat(coefficient).isCloseTo(0.75, within(1e-12));
        assertThat(Reliabilities.quality(coefficient)).isEqualTo(GOOD);
    }

    @Test
    void spearmanBrownOfItemsThatDisagreeIsNegativeNeverShownAndLow() {
        // a 1,2,3,4 and b 3,4,1,2: cross products sum −3: r = −0.6, 2r / (1 + r) = −1.2 / 0.4 = −3
        long[] m = moments(new int[]{1, 2, 3, 4}, new int[]{3, 4, 1, 2});

        Double coefficient = Reliabilities.spearmanBrown(m[0], m[1], m[2]);

        assertThat(coefficient).isCloseTo(-3, within(1e-12));
        assertThat(Reliabilities.shown(coefficient)).isNull();
        assertThat(Reliabilities.quality(coefficient)).isEqualTo(LOW);
    }

    @Test
    void perfectlyOpposedItemsHaveNoCoefficientAndAreLow() {
        long[] m = moments(new int[]{1, 2, 3}, new int[]{3, 2, 1});

        Double coefficient = Reliabilities.spearmanBrown(m[0], m[1], m[2]);

        assertThat(coefficient).isNull();
        assertThat(Reliabilities.quality(coefficient)).isEqualTo(LOW);
    }

    @Test
    void anItemThatDoesNotVaryHasNoCoefficient() {
        long[] m = moments(new int[]{3, 3, 3}, new int[]{1, 2, 3});

        assertThat(Reliabilities.spearmanBrown(m[0], m[1], m[2])).isNull();
    }

    @Test
    void cronbachAlphaOfThreeItems() {
        // Items 5,3,1 / 4,3,2 / 5,3,1 (per respondent 5,4,5; 3,3,3; 1,2,1): item variances 4, 1, 4 (sum 9),
        // totals 14, 9, 4 with variance 25: alpha = 3/2 (1 − 9/25) = 0.96. Times n (n − 1) = 6 throughout.
        double alpha = Reliabilities.cronbachAlpha(3, 9 * 6, 25 * 6);

        assertThat(alpha).isCloseTo(0.96, within(1e-12));
    }

    @Test
    void cutOffsAreHalfAndSevenTenths() {
        assertThat(Reliabilities.quality(0.4999)).isEqualTo(LOW);
        assertThat(Reliabilities.quality(0.5)).isEqualTo(ACCEPTABLE);
        assertThat(Reliabilities.quality(0.6999)).isEqualTo(ACCEPTABLE);
        assertThat(Reliabilities.quality(0.7)).isEqualTo(GOOD);
        assertThat(Reliabilities.shown(0.3)).isEqualTo(0.3);
    }
}
