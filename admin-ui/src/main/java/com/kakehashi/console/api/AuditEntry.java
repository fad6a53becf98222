package com.kakehashi.console.api;

import java.time.OffsetDateTime;

/** {@code detail}: the person's own words for why, e.g. the reason for a second open wave; usually null. */
public record AuditEntry(String id, OffsetDateTime at, String actorEmail, String action, String objectType,
                         String objectId, String detail) {

    public AuditEntry(String id, OffsetDateTime at, String actorEmail, String action, String objectType, String objectId) {
        this(id, at, actorEmail, action, objectType, objectId, null);
    }
}
