package com.kakehashi.account;

import com.kakehashi.identity.Role;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

@Serdeable
public record MeView(UUID id, String email, String displayName, Role role, List<TenantRef> tenants) {

    /** {@code participantAdmin}: the user may see and maintain this tenant's participant list. */
    @Serdeable
    public record TenantRef(UUID id, String name, boolean participantAdmin) {
    }
}
