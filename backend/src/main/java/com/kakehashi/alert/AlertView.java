package com.kakehashi.alert;

import com.kakehashi.participant.Side;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An alert with its numbers: {@code value} is the measure in the wave (index, |gap|, rate or share,
 * 0–100), {@code threshold} the setting it was compared with, {@code history} the earlier waves'
 * values of the same measure, oldest first. Sign or side are absent where the rule has none.
 */
@Serdeable
public record AlertView(UUID id, UUID engagementId, UUID waveId, LocalDate occurrenceDate, AlertRule rule,
                        @Nullable String sign, @Nullable Side side, String severity, double value, double threshold,
                        List<Double> history, AlertStatus status, Instant createdAt, Instant updatedAt,
                        @Nullable Instant acknowledgedAt, @Nullable UUID acknowledgedBy,
                        @Nullable Instant resolvedAt, @Nullable UUID resolvedBy, List<Note> notes) {

    @Serdeable
    public record Note(UUID id, @Nullable UUID authorId, String author, String text, Instant createdAt) {
    }

    AlertView withNotes(List<Note> all) {
        return new AlertView(id, engagementId, waveId, occurrenceDate, rule, sign, side, severity, value, threshold,
                history, status, createdAt, updatedAt, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, all);
    }
}
