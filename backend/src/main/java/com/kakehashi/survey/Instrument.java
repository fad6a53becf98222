package com.kakehashi.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("instrument")
record Instrument(@Id UUID id,
                  @TenantId @TypeDef(type = DataType.UUID) @Nullable String tenantId,
                  String name,
                  Instant createdAt) {
}
