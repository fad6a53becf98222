package com.kakehashi.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** One outgoing mail as the console shows it: never the address or the link, only what happened. */
@Serdeable
public record OutboxEntry(UUID id, UUID waveId, String kind, String status, Instant sendAfter, int attempts,
                          @Nullable String lastError, @Nullable Instant sentAt) {
}
