package com.kakehashi.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("audit_event")
record AuditEvent(@Id UUID id,
                  @TenantId @TypeDef(type = DataType.UUID) @Nullable String tenantId,
                  Instant occurredAt,
                  @Nullable UUID actorId,
                  @Nullable String actorEmail,
                  String action,
                  String objectType,
                  @Nullable UUID objectId,
                  @Nullable String detail) {
}
