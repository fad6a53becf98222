package com.kakehashi.objective;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@MappedEntity("initiative")
record Initiative(@Id UUID id,
                  @TenantId @TypeDef(type = DataType.UUID) @Nullable String tenantId,
                  UUID engagementId,
                  String title,
                  @Nullable String description,
                  LocalDate announcedOn,
                  Instant createdAt,
                  Instant updatedAt) {
}
