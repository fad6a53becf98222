package com.kakehashi.invitation;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/** One invitation; {@code participantId} is null once the participant was erased. */
public record InvitationView(UUID id, UUID waveId, @Nullable UUID participantId, Side side, Level level, String language,
                             String timeZone, Instant sendAt, boolean responded) {
}
