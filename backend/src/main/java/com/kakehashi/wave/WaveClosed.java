package com.kakehashi.wave;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Published inside the transaction that closes a wave (early or on time); listeners finalise its
 * results. It carries what they need to know about the wave, so none of them reads the wave's table.
 */
public record WaveClosed(UUID tenantId, UUID waveId, UUID engagementId, LocalDate occurrenceDate, Instant closesAt,
                         @Nullable Instant closedAt) {
}
