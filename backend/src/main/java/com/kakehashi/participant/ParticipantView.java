package com.kakehashi.participant;

import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.Level;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
public record ParticipantView(UUID id, String email, String displayName, Side side, Level level, String language,
                              String timeZone, @Nullable String department, boolean active, Instant createdAt,
                              Instant updatedAt) {

    static ParticipantView of(Participant p) {
        return new ParticipantView(p.id(), p.email(), p.displayName(), p.side(), p.level(), p.language(), p.timeZone(),
                p.department(), p.active(), p.createdAt(), p.updatedAt());
    }
}
