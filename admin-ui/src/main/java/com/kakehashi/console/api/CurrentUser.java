package com.kakehashi.console.api;

import java.util.List;
import java.util.UUID;

public record CurrentUser(UUID id, String email, String displayName, Role role, List<TenantRef> tenants) {
    public CurrentUser {
        tenants = List.copyOf(tenants);
    }

    /** Whether the console offers this tenant's participant list; the backend enforces the same rule. */
    public boolean mayManageParticipants(UUID tenantId) {
        return role.isConsultancyStaff()
                || tenants.stream().anyMatch(t -> t.id().equals(tenantId) && t.participantAdmin());
    }
}
