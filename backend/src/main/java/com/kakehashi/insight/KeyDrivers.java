package com.kakehashi.insight;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSquareMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

import java.util.Random;

/**
 * The Shapley (LMG) decomposition of R² of an outcome regressed on p predictors (Lindeman, Merenda
 * and Gold 1980; Grömping 2006): a predictor's share is the increase in R² when it joins a subset of
 * the others, averaged over every order in which the predictors could be added. The shares sum to
 * the full model's R² and do not depend on an order someone chose.
 * <p>
 * R² of every one of the 2^p subsets is computed once from the correlation matrix:
 * R²(S) = r_S' R_SS⁻¹ r_S, solved with Commons Math's Cholesky decomposition (its SVD pseudo-inverse
 * where a subset's correlation matrix is singular, e.g. two identical predictors or a constant one,
 * which gives the R² of the projection all the same). That is the R² of an OLS fit with intercept on
 * the subset; the full model is fitted once more with {@link OLSMultipleLinearRegression} for the
 * coefficients.
 */
final class KeyDrivers {

    /** One analysis: R², the shares (same order as the predictors), the full model's slopes. */
    record Result(int n, double rSquared, double[] shares, double[] coefficients) {
    }

    /** A point estimate with its bootstrap percentile interval. */
    record Estimate(double value, double low, double high) {
    }

    record Bootstrapped(Result point, Estimate rSquared, Estimate[] shares, int resamples) {
    }

    private KeyDrivers() {
    }

    /** @param x n rows of p predictors; y the outcome of each row */
    static Result fit(double[][] x, double[] y) {
        int n = y.length;
        int p = x[0].length;
        double[] r2 = subsetRSquared(x, y, identity(n));
        return new Result(n, r2[(1 << p) - 1], shapley(r2, p), coefficients(x, y));
    }

    /**
     * The point estimate and, from {@code resamples} resamples of rows drawn with replacement
     * (seeded: the same data give the same interval on every request), the 2.5th and 97.5th
     * percentiles of R² and of each share.
     */
    static Bootstrapped bootstrap(double[][] x, double[] y, int resamples, long seed) {
        Result point = fit(x, y);
        int n = y.length;
        int p = x[0].length;
        double[] r2s = new double[resamples];
        double[][] shares = new double[p][resamples];
        Random random = new Random(seed);
        int[] rows = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                rows[i] = random.nextInt(n);
            }
            double[] r2 = subsetRSquared(x, y, rows);
            double[] phi = shapley(r2, p);
            r2s[b] = r2[(1 << p) - 1];
            for (int j = 0; j < p; j++) {
                shares[j][b] = phi[j];
            }
        }
        Estimate[] intervals = new Estimate[p];
        for (int j = 0; j < p; j++) {
            intervals[j] = estimate(point.shares()[j], shares[j]);
        }
        return new Bootstrapped(point, estimate(point.rSquared(), r2s), intervals, resamples);
    }

    private static Estimate estimate(double value, double[] draws) {
        Percentile percentile = new Percentile();
        percentile.setData(draws);
        return new Estimate(value, percentile.evaluate(2.5), percentile.evaluate(97.5));
    }

    private static int[] identity(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /**
     * φ_j = Σ over subsets S without j of |S|! (p − |S| − 1)! / p! · (R²(S ∪ {j}) − R²(S)); the weights
     * of one j sum to 1 and the terms telescope, so Σ φ_j = R²(full) − R²(∅) = R²(full).
     */
    static double[] shapley(double[] r2, int p) {
        double[] weight = new double[p];
        for (int s = 0; s < p; s++) {
            weight[s] = factorial(s) * factorial(p - s - 1) / factorial(p);
        }
        double[] phi = new double[p];
        for (int j = 0; j < p; j++) {
            int bit = 1 << j;
            double sum = 0;
            for (int mask = 0; mask < (1 << p); mask++) {
                if ((mask & bit) == 0) {
                    sum += weight[Integer.bitCount(mask)] * (r2[mask | bit] - r2[mask]);
                }
            }
            phi[j] = sum;
        }
        return phi;
    }

    private static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }

    /**
     * R² of every subset (index: bit mask of the predictors) for the given rows. A predictor without
     * variance in these rows correlates with nothing (its column of the correlation matrix is the unit
     * vector), so it adds nothing; an outcome without variance has no R²: every subset gets 0.
     */
    static double[] subsetRSquared(double[][] x, double[] y, int[] rows) {
        int n = rows.length;
        int p = x[0].length;
        double[] mean = new double[p + 1];
        for (int row : rows) {
            for (int j = 0; j < p; j++) {
                mean[j] += x[row][j];
            }
            mean[p] += y[row];
        }
        for (int j = 0; j <= p; j++) {
            mean[j] /= n;
        }
        double[][] cov = new double[p + 1][p + 1];
        double[] d = new double[p + 1];
        for (int row : rows) {
            for (int j = 0; j < p; j++) {
                d[j] = x[row][j] - mean[j];
            }
            d[p] = y[row] - mean[p];
            for (int a = 0; a <= p; a++) {
                double da = d[a];
                for (int b = a; b <= p; b++) {
                    cov[a][b] += da * d[b];
                }
            }
        }
        double[] sd = new double[p + 1];
        for (int a = 0; a <= p; a++) {
            sd[a] = Math.sqrt(cov[a][a]);
        }
        double[] r2 = new double[1 << p];
        if (!(sd[p] > 1e-12 * Math.max(1, Math.abs(mean[p])) * Math.sqrt(n))) {
            return r2;
        }
        double[][] corr = new double[p][p];
        double[] ry = new double[p];
        for (int a = 0; a < p; a++) {
            boolean varies = sd[a] > 1e-12 * Math.max(1, Math.abs(mean[a])) * Math.sqrt(n);
            corr[a][a] = 1;
            ry[a] = varies ? cov[a][p] / (sd[a] * sd[p]) : 0;
            for (int b = a + 1; b < p; b++) {
                boolean bVaries = sd[b] > 1e-12 * Math.max(1, Math.abs(mean[b])) * Math.sqrt(n);
                double c = varies && bVaries ? cov[a][b] / (sd[a] * sd[b]) : 0;
                corr[a][b] = c;
                corr[b][a] = c;
            }
        }
        int[] index = new int[p];
        for (int mask = 1; mask < (1 << p); mask++) {
            int k = 0;
            for (int j = 0; j < p; j++) {
                if ((mask & (1 << j)) != 0) {
                    index[k++] = j;
                }
            }
            double[][] sub = new double[k][k];
            double[] rhs = new double[k];
            for (int a = 0; a < k; a++) {
                rhs[a] = ry[index[a]];
                for (int b = 0; b < k; b++) {
                    sub[a][b] = corr[index[a]][index[b]];
                }
            }
            RealVector r = new ArrayRealVector(rhs, false);
            r2[mask] = Math.max(0, Math.min(1, r.dotProduct(solve(new Array2DRowRealMatrix(sub, false), r))));
        }
        return r2;
    }

    private static RealVector solve(RealMatrix m, RealVector b) {
        try {
            return new CholeskyDecomposition(m, 1e-12, 1e-10).getSolver().solve(b);
        } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException | NonSquareMatrixException e) {
            return new SingularValueDecomposition(m).getSolver().solve(b);
        }
    }

    /** Slopes of the full model (outcome points per point of each predictor); NaN where it cannot be fitted. */
    private static double[] coefficients(double[][] x, double[] y) {
        int p = x[0].length;
        try {
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(1e-10);
            ols.newSampleData(y, x);
            double[] beta = ols.estimateRegressionParameters();
            double[] slopes = new double[p];
            System.arraycopy(beta, 1, slopes, 0, p);
            return slopes;
        } catch (RuntimeException singularOrTooFewRows) {
            double[] nan = new double[p];
            java.util.Arrays.fill(nan, Double.NaN);
            return nan;
        }
    }
}
