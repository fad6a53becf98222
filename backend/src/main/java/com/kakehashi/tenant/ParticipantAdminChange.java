package com.kakehashi.tenant;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** Grants ({@code true}) or revokes an executive's permission to maintain the participant list. */
@Serdeable
public record ParticipantAdminChange(@NotNull Boolean participantAdmin) {
}
