package com.kakehashi.tenant;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("tenant")
record Tenant(@Id UUID id,
              String name,
              String hqCountry,
              String hqTimeZone,
              String japanSubsidiaryName,
              int anonymityThreshold,
              int commentThreshold,
              int tokenLinkRetentionDays,
              int commentRetentionMonths,
              int auditRetentionDays,
              Instant createdAt,
              Instant updatedAt) {
}
