package com.kakehashi.action;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
public record ActionCommentView(UUID id, UUID actionId, UUID authorId, String authorEmail, String text, String language,
                                Instant createdAt) {
}
