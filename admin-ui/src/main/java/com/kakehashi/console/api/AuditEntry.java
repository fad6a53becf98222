package com.kakehashi.console.api;

import java.time.OffsetDateTime;

public record AuditEntry(String id, OffsetDateTime at, String actorEmail, String action, String objectType,
                         String objectId) {
}
