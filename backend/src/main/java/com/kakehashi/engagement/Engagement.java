package com.kakehashi.engagement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@MappedEntity("engagement")
record Engagement(@Id UUID id,
                  @TenantId @TypeDef(type = DataType.UUID) @Nullable String tenantId,
                  String name,
                  @Nullable String goals,
                  LocalDate startDate,
                  @Nullable LocalDate endDate,
                  EngagementStatus status,
                  Instant createdAt,
                  Instant updatedAt) {
}
