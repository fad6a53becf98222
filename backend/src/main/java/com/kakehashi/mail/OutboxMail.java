package com.kakehashi.mail;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A claimed, due invitation or reminder with what its mail says. {@code email} is null once the
 * participant was erased.
 */
record OutboxMail(UUID id,
                  UUID invitationId,
                  OutboxKind kind,
                  Instant sendAfter,
                  int attempts,
                  String language,
                  String timeZone,
                  boolean responded,
                  @Nullable String email,
                  @Nullable String displayName,
                  Instant closesAt,
                  String surveyTitle) {
}
