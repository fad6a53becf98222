package com.kakehashi.tenancy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TenantAccessFilterTest {

    @Test
    void tenantSegmentIsTheFirstPathSegmentAfterTenants() {
        assertThat(TenantAccessFilter.tenantSegment("/api/v1/tenants/abc/participants/1")).contains("abc");
        assertThat(TenantAccessFilter.tenantSegment("/api/v1/tenants/abc")).contains("abc");
    }

    @Test
    void tenantCollectionAndOtherPathsHaveNoTenant() {
        assertThat(TenantAccessFilter.tenantSegment("/api/v1/tenants/")).isEmpty();
        assertThat(TenantAccessFilter.tenantSegment("/api/v1/tenants")).isEmpty();
        assertThat(TenantAccessFilter.tenantSegment("/api/v1/me")).isEmpty();
    }
}
