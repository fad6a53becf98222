package com.kakehashi.wave;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@MappedEntity("wave")
record Wave(@Id UUID id,
            @TenantId @TypeDef(type = DataType.UUID) @Nullable String tenantId,
            UUID scheduleId,
            UUID instrumentVersionId,
            LocalDate occurrenceDate,
            WaveKind kind,
            WaveStatus status,
            Instant opensAt,
            Instant closesAt,
            @Nullable Instant closedAt,
            Instant createdAt) {
}
