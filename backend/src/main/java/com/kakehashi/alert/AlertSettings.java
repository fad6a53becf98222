package com.kakehashi.alert;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A tenant's alert thresholds (0–100 points; shares and rates in percent).
 *
 * @param riskThreshold         a side's sign index above this raises SIGN_ABOVE_THRESHOLD
 * @param worseningWaves        this many consecutive waves, each …
 * @param worseningStep         … at least this many points worse than the wave before, raise SIGN_WORSENING
 * @param gapWaves              this many consecutive waves in which |JAPAN − HQ| grew, …
 * @param gapThreshold          … ending at or above this, raise GAP_WIDENING
 * @param responseRateDrop      a side's response rate this many points below the wave before raises RESPONSE_RATE_DROP
 * @param neutralSharePercent   a side's share of midpoint answers above this raises NEUTRAL_SHARE_HIGH
 */
@Serdeable
public record AlertSettings(@NotNull @DecimalMin("0") @DecimalMax("100") Double riskThreshold,
                            @NotNull @Min(1) @Max(10) Integer worseningWaves,
                            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") Double worseningStep,
                            @NotNull @Min(1) @Max(10) Integer gapWaves,
                            @NotNull @DecimalMin("0") @DecimalMax("100") Double gapThreshold,
                            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") Double responseRateDrop,
                            @NotNull @DecimalMin("0") @DecimalMax("100") Double neutralSharePercent) {

    public static final AlertSettings DEFAULTS = new AlertSettings(60.0, 3, 5.0, 2, 15.0, 15.0, 40.0);
}
