package com.kakehashi.mail;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * One claimed outbox row as its {@link OutboxSender} gets it. An invitation or reminder names its
 * invitation; an alert mail its alert, the wave it was about, the consultant and the address
 * taken when it was queued.
 */
public record QueuedMail(UUID id, OutboxKind kind, Instant sendAfter, int attempts, @Nullable UUID invitationId,
                         @Nullable UUID alertId, @Nullable UUID waveId, @Nullable UUID userId, @Nullable String email,
                         @Nullable UUID actionId, @Nullable String actionEvent, @Nullable String language) {
}
