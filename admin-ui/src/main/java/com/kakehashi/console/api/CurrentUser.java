package com.kakehashi.console.api;

import java.util.List;
import java.util.UUID;

public record CurrentUser(UUID id, String email, String displayName, Role role, List<TenantRef> tenants) {
    public CurrentUser {
        tenants = List.copyOf(tenants);
    }
}
