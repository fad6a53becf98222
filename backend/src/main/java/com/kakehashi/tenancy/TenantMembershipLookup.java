package com.kakehashi.tenancy;

import java.util.Set;
import java.util.UUID;

/** Answers whether a caller may enter a tenant; implemented by the tenant feature. */
public interface TenantMembershipLookup {

    boolean mayEnter(UUID userId, Set<String> roles, UUID tenantId);
}
