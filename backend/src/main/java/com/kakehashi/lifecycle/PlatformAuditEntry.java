package com.kakehashi.lifecycle;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** One platform audit entry; {@code detail} is JSON (for an offboarding: the rows each table held). */
@Serdeable
public record PlatformAuditEntry(UUID id, Instant occurredAt, @Nullable UUID actorId, @Nullable String actorEmail,
                                 String action, UUID tenantId, String tenantName, String detail) {
}
