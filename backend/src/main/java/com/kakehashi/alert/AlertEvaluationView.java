package com.kakehashi.alert;

import com.kakehashi.vocabulary.Side;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One test of one closed wave: {@code outcome} FIRED, CLEAR or NOT_TESTED, and {@code reason}
 * (BEYOND_NOISE, STILL_BEYOND_NOISE (an open condition holds at the plain α); WITHIN_NOISE, WITHIN_NOISE_AFTER_CORRECTION, BELOW_MINIMUM_EFFECT,
 * INTERVAL_REACHES_THRESHOLD, NOT_ABOVE_THRESHOLD, NOT_WORSENING, NOT_WIDENING, NOT_DROPPING, NOT_HELD_TWO_WAVES;
 * HIDDEN, BELOW_MINIMUM_N, TOO_FEW_WAVES, NO_EARLIER_WAVE, AWAY_THIS_WAVE). Numbers are absent where not tested.
 * {@code alertId}: the condition this wave opened or updated.
 */
@Serdeable
public record AlertEvaluationView(UUID waveId, LocalDate occurrenceDate, AlertRule rule, @Nullable String sign,
                                  @Nullable Side side, String outcome, String reason, @Nullable Double value,
                                  @Nullable Double low, @Nullable Double high, @Nullable Double effect, @Nullable Double p,
                                  @Nullable Double pAdjusted, @Nullable UUID alertId) {
}
