package com.kakehashi.console.api;

import java.util.UUID;

/** {@code participantAdmin}: may maintain the participant list (an executive only when a consultant granted it). */
public record Member(UUID userId, String email, String displayName, Role role, boolean participantAdmin) {

    public Member(UUID userId, String email, String displayName, Role role) {
        this(userId, email, displayName, role, role != Role.EXECUTIVE);
    }
}
