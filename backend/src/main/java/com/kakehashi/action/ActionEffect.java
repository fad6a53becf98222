package com.kakehashi.action;

import com.kakehashi.vocabulary.WarningSign;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The measured effect of an action on the signs it targets, per sign and side (HQ, JAPAN).
 *
 * @param beforeWaves     how many closed waves before the start make the baseline (the last ones)
 * @param minimumWaves    waves with a value needed on each side of the start before anything is judged
 * @param endedOn         the last day whose waves count as "since the start" (absent: up to now)
 */
@Serdeable
public record ActionEffect(UUID engagementId, List<WarningSign> targetedSigns, LocalDate startedOn,
                           @Nullable LocalDate endedOn, int beforeWaves, int minimumWaves,
                           List<ActionEffectEstimate> effects) {
}
