package com.kakehashi.insight;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The LMG arithmetic on its own: known coefficients, an independent reference, edge cases, the bootstrap's cost. */
class KeyDriversTest {

    private static final double[] BETA = {-0.5, -0.3, 0, 0, -0.2, 0, 0.1, 0, -0.4};

    /** n rows of nine correlated "sign scores" (0–100-ish) and an outcome 100 + Σ β x + noise. */
    private static double[][][] synthetic(int n, double noise, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][9];
        double[][] y = new double[1][n];
        for (int i = 0; i < n; i++) {
            double common = random.nextGaussian() * 10;
            double outcome = 100;
            for (int j = 0; j < 9; j++) {
                x[i][j] = 40 + common + random.nextGaussian() * 12;
                outcome += BETA[j] * x[i][j];
            }
            y[0][i] = outcome + random.nextGaussian() * noise;
        }
        return new double[][][]{x, y};
    }

    @Test
    void knownCoefficientsAreRecoveredAndTheSharesSumToRSquared() {
        double[][][] data = synthetic(3000, 8, 7);
        KeyDrivers.Result result = KeyDrivers.fit(data[0], data[1][0]);

        assertThat(Arrays.stream(result.shares()).sum()).isCloseTo(result.rSquared(), within(1e-12));
        for (int j = 0; j < 9; j++) {
            assertThat(result.coefficients()[j]).as("β" + j).isCloseTo(BETA[j], within(0.03));
            assertThat(result.shares()[j]).as("share " + j).isGreaterThanOrEqualTo(0);
        }
        // R² of the correlation-matrix route equals the OLS fit's (Commons Math, QR on the data).
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(data[1][0], data[0]);
        assertThat(result.rSquared()).isCloseTo(ols.calculateRSquared(), within(1e-10));
        // The largest slopes carry the largest shares; the zero slopes only what they share through the common factor.
        assertThat(result.shares()[0]).isGreaterThan(result.shares()[1]).isGreaterThan(result.shares()[4]);
        assertThat(result.shares()[8]).isGreaterThan(result.shares()[1]);
        for (int j : new int[]{2, 3, 5, 7}) {
            assertThat(result.shares()[j]).isLessThan(result.shares()[4]);
        }
    }

    @Test
    void smallCaseMatchesNumpyBruteForceOverAllOrderings() {
        // Reference: python3 backend/src/test/resources/drivers/lmg_reference.py (numpy 2.4.6, lstsq per subset,
        // mean over all 3! orderings): printed R2 0.9927698716514052, shares below, coefficients below.
        double[][] x = {{10, 40, 25}, {20, 35, 30}, {30, 50, 20}, {40, 45, 60}, {50, 70, 55}, {60, 65, 40},
                {70, 80, 75}, {80, 60, 90}, {15, 20, 35}, {25, 90, 50}, {55, 30, 85}, {75, 55, 10}};
        double[] y = {80, 72, 70, 55, 50, 52, 35, 30, 78, 60, 45, 48};

        KeyDrivers.Result result = KeyDrivers.fit(x, y);

        assertThat(result.rSquared()).isCloseTo(0.9927698716514052, within(1e-12));
        assertThat(result.shares()[0]).isCloseTo(0.5942572569228968, within(1e-12));
        assertThat(result.shares()[1]).isCloseTo(0.11630449187197762, within(1e-12));
        assertThat(result.shares()[2]).isCloseTo(0.2822081228565308, within(1e-12));
        assertThat(result.coefficients()[0]).isCloseTo(-0.47744870764117286, within(1e-9));
        assertThat(result.coefficients()[1]).isCloseTo(-0.11088775491866602, within(1e-9));
        assertThat(result.coefficients()[2]).isCloseTo(-0.21745678659300288, within(1e-9));
        assertThat(Arrays.stream(result.shares()).sum()).isCloseTo(result.rSquared(), within(1e-12));
    }

    @Test
    void twoIdenticalPredictorsSplitTheirShareAndAConstantOneGetsNothing() {
        double[][][] data = synthetic(400, 5, 11);
        double[][] x = data[0];
        for (double[] row : x) {
            row[1] = row[0];
            row[5] = 50;
        }
        KeyDrivers.Result result = KeyDrivers.fit(x, data[1][0]);

        assertThat(result.shares()[0]).isCloseTo(result.shares()[1], within(1e-9));
        assertThat(result.shares()[5]).isCloseTo(0, within(1e-12));
        assertThat(Arrays.stream(result.shares()).sum()).isCloseTo(result.rSquared(), within(1e-12));
    }

    @Test
    void anExactLinearOutcomeIsExplainedWhole() {
        double[][][] data = synthetic(200, 0, 3);
        KeyDrivers.Result result = KeyDrivers.fit(data[0], data[1][0]);

        assertThat(result.rSquared()).isCloseTo(1, within(1e-9));
        assertThat(Arrays.stream(result.shares()).sum()).isCloseTo(result.rSquared(), within(1e-12));
    }

    @Test
    void bootstrapIntervalsHoldThePointEstimateAreRepeatableAndCostLittle() {
        double[][][] data = synthetic(1700, 10, 5);
        long t0 = System.nanoTime();
        KeyDrivers.Bootstrapped a = KeyDrivers.bootstrap(data[0], data[1][0], 1000, 42);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        KeyDrivers.Bootstrapped b = KeyDrivers.bootstrap(data[0], data[1][0], 1000, 42);

        System.out.printf("LMG bootstrap, n = 1700, p = 9, 1000 resamples: %d ms; R² %.4f [%.4f, %.4f]%n", millis,
                a.rSquared().value(), a.rSquared().low(), a.rSquared().high());
        assertThat(a.rSquared().low()).isLessThanOrEqualTo(a.rSquared().value());
        assertThat(a.rSquared().high()).isGreaterThanOrEqualTo(a.rSquared().value());
        for (int j = 0; j < 9; j++) {
            assertThat(a.shares()[j].low()).isLessThanOrEqualTo(a.shares()[j].high());
            assertThat(a.shares()[j]).isEqualTo(b.shares()[j]);
        }
        assertThat(Arrays.stream(a.point().shares()).sum()).isCloseTo(a.point().rSquared(), within(1e-12));
        assertThat(millis).as("one side's analysis should fit in a dashboard request").isLessThan(20_000);
    }
}
