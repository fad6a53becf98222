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

@MappedEntity("decision")
record Decision(@Id UUID id,
                @TenantId @TypeDef(type = DataType.UUID) @Nullable String tenantId,
                UUID engagementId,
                String title,
                LocalDate proposedOn,
                @Nullable LocalDate approvedOn,
                boolean japanConsulted,
                @Nullable LocalDate consultedOn,
                @Nullable LocalDate executionStartedOn,
                @Nullable String notes,
                Instant createdAt,
                Instant updatedAt) {
}
