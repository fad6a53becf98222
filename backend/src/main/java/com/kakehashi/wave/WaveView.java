package com.kakehashi.wave;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A wave with live response counts, per side and in total. Never who responded. */
@Serdeable
public record WaveView(UUID id, UUID scheduleId, UUID instrumentVersionId, LocalDate occurrenceDate, WaveKind kind,
                       WaveStatus status, Instant opensAt, Instant closesAt, @Nullable Instant closedAt,
                       long invited, long responded, double responseRate, List<SideStats> sides) {

    static WaveView of(Wave w, List<SideStats> sides) {
        long invited = sides.stream().mapToLong(SideStats::invited).sum();
        long responded = sides.stream().mapToLong(SideStats::responded).sum();
        return new WaveView(w.id(), w.scheduleId(), w.instrumentVersionId(), w.occurrenceDate(), w.kind(), w.status(),
                w.opensAt(), w.closesAt(), w.closedAt(), invited, responded,
                invited == 0 ? 0 : (double) responded / invited, sides);
    }
}
