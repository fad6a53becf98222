package com.kakehashi.portfolio;

import com.kakehashi.insight.InsightViews.Suppressed;
import com.kakehashi.vocabulary.Side;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the portfolio returns: one summary per tenant the caller may see, most in need of attention
 * first. Values come from the insight rollups with their suppression; an absent value carries why.
 */
public final class PortfolioViews {

    private PortfolioViews() {
    }

    /** Direction of a side's risk index since the previous closed wave; UP means more risk. */
    public enum Trend { UP, DOWN, FLAT }

    @Serdeable
    public record TenantSummary(UUID tenantId, String name, int anonymityThreshold, @Nullable LatestWave latestWave,
                                List<SignRisk> signs, @Nullable WidestGap widestGap, OpenAlerts openAlerts,
                                Attention attention) {
    }

    /**
     * The tenant's newest closed wave. Response counts are shown at any size (as on the wave itself);
     * a rate is null when nobody was invited on that side.
     */
    @Serdeable
    public record LatestWave(UUID waveId, LocalDate occurrenceDate, @Nullable LocalDate previousOccurrenceDate,
                             List<SideRate> sides, long invited, long responses, @Nullable Double responseRate) {
    }

    @Serdeable
    public record SideRate(Side side, long invited, long responses, @Nullable Double responseRate) {
    }

    /**
     * One sign on one side (HQ or JAPAN) in the newest closed wave. {@code value} is absent with
     * {@code suppressedReason}; {@code trend} is absent with {@code trendUnavailable} when either
     * wave's value is hidden or missing. UP/DOWN only where the change since the previous closed wave
     * is beyond noise by the alert rule (both waves at least the minimum n, Welch p after the
     * tenant's correction at most α, and |change| at least the minimum effect); otherwise FLAT, and
     * {@code trendReason} says why (WITHIN_NOISE, BELOW_MINIMUM_EFFECT, BELOW_MINIMUM_N; BEYOND_NOISE
     * with an arrow). {@code change} and {@code p} (adjusted) where tested.
     */
    @Serdeable
    public record SignRisk(String sign, Side side, @Nullable Double value, @Nullable Suppressed suppressedReason,
                           @Nullable Double previous, @Nullable Trend trend, @Nullable Suppressed trendUnavailable,
                           @Nullable Double change, @Nullable Double p, @Nullable String trendReason) {
    }

    /** The shown sign gap (JAPAN − HQ, all levels) with the largest absolute value. */
    @Serdeable
    public record WidestGap(String sign, double hq, double japan, double gap) {
    }

    /** @param high open alerts of severity HIGH @param medium of severity MEDIUM */
    @Serdeable
    public record OpenAlerts(int total, int high, int medium) {
    }

    /** Higher means look first; reasons in the order they weigh. */
    @Serdeable
    public record Attention(int score, List<Reason> reasons) {
    }

    /**
     * @param code    OPEN_ALERTS, HIGH_RISK, WORSENING, LOW_RESPONSE_RATE or NO_CLOSED_WAVE
     * @param message an English sentence; the console words the reason from {@code code} and {@code figures}
     * @param figures the numbers behind the reason: OPEN_ALERTS {open, high, medium}; HIGH_RISK {count,
     *                threshold}; WORSENING {count}; LOW_RESPONSE_RATE {rate (0–1), limit (0–1)}
     */
    @Serdeable
    public record Reason(String code, String message, int points, Map<String, Double> figures) {
    }
}
