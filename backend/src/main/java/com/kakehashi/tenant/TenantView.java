package com.kakehashi.tenant;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Serdeable
public record TenantView(UUID id, String name, String hqCountry, String hqTimeZone, String japanSubsidiaryName,
                         int anonymityThreshold,
                         @Schema(description = "Comments a group needs before any figure read from comments (careful wording) is shown; never below anonymityThreshold")
                         int commentThreshold, Instant createdAt, Instant updatedAt) {

    static TenantView of(Tenant tenant) {
        return new TenantView(tenant.id(), tenant.name(), tenant.hqCountry(), tenant.hqTimeZone(),
                tenant.japanSubsidiaryName(), tenant.anonymityThreshold(), tenant.commentThreshold(), tenant.createdAt(), tenant.updatedAt());
    }
}
