package com.kakehashi.insight;

import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What {@code GET …/insights/drivers} answers. */
public final class DriverViews {

    private DriverViews() {
    }

    /**
     * @param k          the tenant's anonymity threshold: a wave's responses of a side enter only if at least k of them are complete
     * @param minimumN   fewer respondents (after that) than max(minimumN, k) and a side gets no drivers
     * @param resamples  bootstrap resamples behind every interval (rows drawn with replacement, fixed seed)
     */
    @Serdeable
    public record Drivers(int k, int minimumN, int resamples, @Nullable UUID engagementId, @Nullable LocalDate from,
                          @Nullable LocalDate to, List<SideDrivers> sides) {
    }

    /**
     * The outcome (alignment, 0–100, higher = more aligned) of one side regressed on the nine sign scores
     * (risk, 0–100), one row per complete response of the closed waves in the filter.
     *
     * @param n                 responses in the regression
     * @param waves             waves that contributed responses
     * @param wavesBelowK       waves whose complete responses of this side were fewer than k (left out whole)
     * @param incomplete        responses left out for a missing outcome or sign score (listwise deletion)
     * @param outcomeMean       mean outcome score of the rows
     * @param rSquared          share of the outcome's variance the nine signs explain together; null when refused
     * @param drivers           the LMG share of each sign, largest first; empty when refused
     * @param refusedReason     BELOW_MINIMUM_N, NO_OUTCOME (no wave in the filter asked the outcome items) or
     *                          NO_OUTCOME_VARIANCE (everyone gave the same outcome)
     */
    @Serdeable
    public record SideDrivers(Side side, int n, int waves, int wavesBelowK, int incomplete, @Nullable Double outcomeMean,
                              @Nullable Double rSquared, @Nullable InsightViews.Interval rSquaredCi, List<Driver> drivers,
                              @Nullable String refusedReason, @Nullable String refusedMessage) {
    }

    /**
     * @param share        the sign's LMG share of R² (the shares of a side sum to its R²)
     * @param shareOfR2    share / R²: the sign's part of what the model explains
     * @param ci           bootstrap 95% percentile interval of the share
     * @param coefficient  the full model's slope: outcome points per risk point of this sign, the others held fixed
     *                     (negative: more risk, less alignment); null when the full model cannot be fitted
     */
    @Serdeable
    public record Driver(WarningSign sign, double share, double shareOfR2, InsightViews.Interval ci,
                         @Nullable Double coefficient) {
    }
}
