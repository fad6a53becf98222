package com.kakehashi.invitation;

import java.util.UUID;

/** Where a link token leads: its tenant and invitation. */
public record TokenOwner(UUID tenantId, UUID invitationId) {
}
