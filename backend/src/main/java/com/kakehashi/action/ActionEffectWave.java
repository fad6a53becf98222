package com.kakehashi.action;

import com.kakehashi.insight.InsightViews.Suppressed;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One closed wave of an estimate's window. Used: {@code value} (the side's index of the targeted
 * sign, with its n), {@code reference} (the mean index of the untargeted reference signs on that side)
 * and {@code difference} (value − reference, the quantity the difference-in-differences compares).
 * Left out: only {@code leftOutReason}, the insight's suppression reason (a hidden value never
 * leaves the insight API, so it cannot appear here either).
 */
@Serdeable
public record ActionEffectWave(UUID waveId, LocalDate occurrenceDate, Period period, @Nullable Double value,
                               @Nullable Long n, @Nullable Double reference, @Nullable Double difference,
                               @Nullable Suppressed leftOutReason) {

    /** Before the action started (occurrence date before the start) or since (on or after it). */
    public enum Period { BEFORE, AFTER }
}
