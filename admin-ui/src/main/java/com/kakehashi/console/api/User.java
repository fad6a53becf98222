package com.kakehashi.console.api;

import java.util.List;
import java.util.UUID;

public record User(UUID id, String email, String displayName, Role role, List<UUID> tenantIds) {
    public User {
        tenantIds = tenantIds == null ? List.of() : List.copyOf(tenantIds);
    }
}
