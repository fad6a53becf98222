package com.kakehashi.tenant;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Serdeable
public record TenantView(UUID id, String name, String hqCountry, String hqTimeZone, String japanSubsidiaryName,
                         int anonymityThreshold,
                         @Schema(description = "Comments a group needs before any figure read from comments (careful wording) is shown; never below anonymityThreshold")
                         int commentThreshold,
                         @Schema(description = "Days after a wave closes until the link between its invitations and their token hashes is deleted")
                         int tokenLinkRetentionDays,
                         @Schema(description = "Months after a wave closes until the comments of its responses are deleted (answers and aggregates stay)")
                         int commentRetentionMonths,
                         @Schema(description = "Days audit entries are kept (90 to 36500; 36500 keeps them for good)")
                         int auditRetentionDays,
                         Instant createdAt, Instant updatedAt) {

    static TenantView of(Tenant tenant) {
        return new TenantView(tenant.id(), tenant.name(), tenant.hqCountry(), tenant.hqTimeZone(),
                tenant.japanSubsidiaryName(), tenant.anonymityThreshold(), tenant.commentThreshold(),
                tenant.tokenLinkRetentionDays(), tenant.commentRetentionMonths(), tenant.auditRetentionDays(), tenant.createdAt(), tenant.updatedAt());
    }
}
