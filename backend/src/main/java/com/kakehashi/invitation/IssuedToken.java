package com.kakehashi.invitation;

import java.time.Instant;
import java.util.UUID;

/** A link token that went out in a mail for an invitation, valid until {@code expiresAt}. */
public record IssuedToken(String token, UUID invitationId, Instant expiresAt) {
}
