package com.kakehashi.wave;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Published inside the transaction that closes a wave (early or on time), once per wave: only by the
 * statement that moved it from OPEN to CLOSED. Mail cancels the wave's pending mails, insight
 * finalises its rollups, alert records the wave and evaluates its rules. It carries what they need to
 * know about the wave, so none of them reads the wave's table.
 */
public record WaveClosed(UUID tenantId, UUID waveId, UUID engagementId, LocalDate occurrenceDate, Instant closesAt,
                         @Nullable Instant closedAt) {
}
