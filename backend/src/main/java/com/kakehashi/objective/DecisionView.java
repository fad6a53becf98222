package com.kakehashi.objective;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Serdeable
public record DecisionView(UUID id, UUID engagementId, String title, LocalDate proposedOn, @Nullable LocalDate approvedOn,
                           boolean japanConsulted, @Nullable LocalDate consultedOn,
                           @Nullable LocalDate executionStartedOn, @Nullable String notes, Instant createdAt, Instant updatedAt) {

    static DecisionView of(Decision d) {
        return new DecisionView(d.id(), d.engagementId(), d.title(), d.proposedOn(), d.approvedOn(), d.japanConsulted(),
                d.consultedOn(), d.executionStartedOn(), d.notes(), d.createdAt(), d.updatedAt());
    }
}
