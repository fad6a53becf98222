package com.kakehashi.console.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A wave with live response counts, in total and per side (rate 0..1). Never who responded. */
public record Wave(UUID id, UUID scheduleId, LocalDate occurrenceDate, WaveKind kind, WaveStatus status,
                   OffsetDateTime opensAt, OffsetDateTime closesAt, long invited, long responded,
                   double responseRate, Map<Side, Double> sideRates) {
    public Wave {
        sideRates = sideRates == null ? Map.of() : Map.copyOf(sideRates);
    }

    public boolean isOpen() {
        return status == WaveStatus.OPEN;
    }
}
