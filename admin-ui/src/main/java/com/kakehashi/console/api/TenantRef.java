package com.kakehashi.console.api;

import java.util.UUID;

/** {@code participantAdmin}: the user may see and maintain this tenant's participant list. */
public record TenantRef(UUID id, String name, boolean participantAdmin) {

    /** A tenant whose participants the user may manage (consultants and operators always may). */
    public TenantRef(UUID id, String name) {
        this(id, name, true);
    }
}
