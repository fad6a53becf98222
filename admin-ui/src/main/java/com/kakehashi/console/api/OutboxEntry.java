package com.kakehashi.console.api;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One outgoing mail: what happened to it, never the address or the link. */
public record OutboxEntry(UUID id, UUID waveId, String kind, String status, OffsetDateTime sendAfter, int attempts,
                          String lastError, OffsetDateTime sentAt) {

    public boolean failed() {
        return "FAILED".equals(status);
    }
}
