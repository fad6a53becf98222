package com.kakehashi.tenant;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
public record TenantView(UUID id, String name, String hqCountry, String hqTimeZone, String japanSubsidiaryName,
                         int anonymityThreshold, Instant createdAt, Instant updatedAt) {

    static TenantView of(Tenant tenant) {
        return new TenantView(tenant.id(), tenant.name(), tenant.hqCountry(), tenant.hqTimeZone(),
                tenant.japanSubsidiaryName(), tenant.anonymityThreshold(), tenant.createdAt(), tenant.updatedAt());
    }
}
