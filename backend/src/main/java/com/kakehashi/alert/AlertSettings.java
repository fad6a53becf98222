package com.kakehashi.alert;

import com.kakehashi.stats.Significance;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A tenant's alert parameters (0–100 points; shares and rates in percent). docs/measurement.md says
 * why each default is what it is.
 *
 * @param riskThreshold       a side's sign index whose 95% interval lies above this raises SIGN_ABOVE_THRESHOLD
 * @param worseningWaves      SIGN_WORSENING tests the trend over the last this-many-plus-one closed waves;
 *                            RESPONSE_RATE_DROP over twice as many plus two
 * @param gapWaves            GAP_WIDENING tests the gap's trend over the last this-many-plus-one closed waves …
 * @param gapThreshold        … and needs the gap's 95% interval beyond this
 * @param responseRateDrop    a side's response rate whose trend over the last 2·worseningWaves + 2 closed
 *                            waves declines by at least this many points (beyond noise, and held in the
 *                            last two waves) raises RESPONSE_RATE_DROP
 * @param neutralSharePercent a side's share of midpoint answers whose 95% interval lies above this raises NEUTRAL_SHARE_HIGH
 * @param alpha               the test level after the correction for the wave's many tests
 * @param minimumEffect       a change (trend, gap widening) smaller than this many points never fires
 * @param minimumN            a group with fewer responses is not tested (the reason is recorded)
 * @param clearWaves          an open condition closes itself after this many clear closed waves in a row
 * @param correction          how a wave's tests share α: false discovery rate or family-wise error
 */
@Serdeable
public record AlertSettings(@NotNull @DecimalMin("0") @DecimalMax("100") Double riskThreshold,
                            @NotNull @Min(2) @Max(12) Integer worseningWaves,
                            @NotNull @Min(1) @Max(12) Integer gapWaves,
                            @NotNull @DecimalMin("0") @DecimalMax("100") Double gapThreshold,
                            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") Double responseRateDrop,
                            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "100", inclusive = false)
                            Double neutralSharePercent,
                            @NotNull @DecimalMin("0.001") @DecimalMax("0.2") Double alpha,
                            @NotNull @DecimalMin("0") @DecimalMax("100") Double minimumEffect,
                            @NotNull @Min(2) @Max(1000) Integer minimumN,
                            @NotNull @Min(1) @Max(12) Integer clearWaves,
                            @NotNull Correction correction) {

    /** Benjamini–Hochberg controls the share of false alerts; Holm the chance of any false alert in a wave. */
    /** How a wave's many p-values are adjusted before they are compared with α (alerts and portfolio arrows alike). */
    public enum Correction {
        BENJAMINI_HOCHBERG, HOLM;

        public double[] adjust(double[] p) {
            return this == HOLM ? Significance.holm(p) : Significance.benjaminiHochberg(p);
        }
    }

    public static final AlertSettings DEFAULTS = new AlertSettings(60.0, 5, 5, 15.0, 15.0, 40.0, 0.05, 8.0, 10, 2,
            Correction.BENJAMINI_HOCHBERG);
}
