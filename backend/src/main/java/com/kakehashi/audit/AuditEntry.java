package com.kakehashi.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
public record AuditEntry(UUID id, Instant at, @Nullable UUID actorId, @Nullable String actorEmail, String action,
                         String objectType, @Nullable UUID objectId, @Nullable String detail) {

    static AuditEntry of(AuditEvent event) {
        return new AuditEntry(event.id(), event.occurredAt(), event.actorId(), event.actorEmail(), event.action(),
                event.objectType(), event.objectId(), event.detail());
    }
}
