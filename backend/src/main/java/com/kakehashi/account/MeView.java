package com.kakehashi.account;

import com.kakehashi.identity.Role;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

@Serdeable
public record MeView(UUID id, String email, String displayName, Role role, List<TenantRef> tenants) {

    @Serdeable
    public record TenantRef(UUID id, String name) {
    }
}
