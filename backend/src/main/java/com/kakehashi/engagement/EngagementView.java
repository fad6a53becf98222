package com.kakehashi.engagement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Serdeable
public record EngagementView(UUID id, String name, @Nullable String goals, LocalDate startDate,
                             @Nullable LocalDate endDate, EngagementStatus status, List<UUID> consultantIds,
                             Instant createdAt, Instant updatedAt) {

    static EngagementView of(Engagement e, List<UUID> consultants) {
        return new EngagementView(e.id(), e.name(), e.goals(), e.startDate(), e.endDate(), e.status(), consultants,
                e.createdAt(), e.updatedAt());
    }
}
