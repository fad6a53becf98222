package com.kakehashi.console.api;

import java.time.OffsetDateTime;
import java.util.UUID;

public record Participant(UUID id, String email, String displayName, Side side, Level level, String language,
                          String timeZone, String department, boolean active, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt) {

    public ParticipantDraft toDraft() {
        return new ParticipantDraft(email, displayName, side, level, language, timeZone, department);
    }
}
