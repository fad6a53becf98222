package com.kakehashi.schedule;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

@MappedEntity("pulse_schedule")
record PulseSchedule(@Id UUID id,
                     @TenantId @TypeDef(type = DataType.UUID) @Nullable String tenantId,
                     UUID engagementId,
                     UUID instrumentVersionId,
                     String name,
                     String surveyTitleEn,
                     String surveyTitleJa,
                     String audienceSides,
                     String audienceLevels,
                     Cadence cadence,
                     LocalTime japanSendTime,
                     LocalTime hqSendTime,
                     int daysOpen,
                     String reminderOffsets,
                     LocalDate startDate,
                     @Nullable LocalDate endDate,
                     boolean paused,
                     Instant createdAt,
                     Instant updatedAt) {
}
