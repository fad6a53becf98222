package com.kakehashi.alert;

import com.kakehashi.vocabulary.Side;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An alert: a condition (rule × sign × side in one engagement) that opened in one closed wave and
 * has been followed by every closed wave since. {@code waveId}/{@code occurrenceDate}: the latest
 * wave that updated it; {@code value}: the latest shown value of the measure (index, |gap|, rate or
 * share, 0–100); {@code threshold}: the setting the rule compares with (for SIGN_WORSENING the
 * minimum effect); {@code history}: the measure per wave, oldest first, including the waves the
 * opening test read; {@code clearWaves}: clear waves in a row so far (the condition closes itself
 * at the tenant's {@code clearWaves}); {@code summaryEn}/{@code summaryJa}: one plain sentence.
 * Sign or side are absent where the rule has none.
 */
@Serdeable
public record AlertView(UUID id, UUID engagementId, UUID waveId, LocalDate occurrenceDate, AlertRule rule,
                        @Nullable String sign, @Nullable Side side, String severity, double value, double threshold,
                        UUID openedWaveId, LocalDate openedOn, List<HistoryPoint> history, int clearWaves,
                        AlertStatus status, @Nullable ResolvedReason resolvedReason, String summaryEn, String summaryJa,
                        Instant createdAt, Instant updatedAt, @Nullable Instant acknowledgedAt, @Nullable UUID acknowledgedBy,
                        @Nullable Instant resolvedAt, @Nullable UUID resolvedBy, List<Note> notes) {

    /** AUTO: the condition was clear for the tenant's number of closed waves; PERSON: someone resolved it. */
    public enum ResolvedReason { AUTO, PERSON }

    /**
     * One wave of the condition's measure. {@code value} is absent (with outcome NOT_TESTED) when
     * insight hides it or too few answered; {@code fired}: the rule held in that wave; {@code p} and
     * {@code pAdjusted} (after the wave's correction) and {@code effect} where the wave was tested;
     * absent on the earlier waves the opening test read and on alerts from before conditions existed.
     */
    @Serdeable
    public record HistoryPoint(UUID waveId, LocalDate occurrenceDate, @Nullable Double value, @Nullable Double low,
                               @Nullable Double high, boolean fired, String outcome, @Nullable Double effect,
                               @Nullable Double p, @Nullable Double pAdjusted) {
    }

    @Serdeable
    public record Note(UUID id, @Nullable UUID authorId, String author, String text, Instant createdAt) {
    }

    AlertView withNotes(List<Note> all) {
        return new AlertView(id, engagementId, waveId, occurrenceDate, rule, sign, side, severity, value, threshold,
                openedWaveId, openedOn, history, clearWaves, status, resolvedReason, summaryEn, summaryJa, createdAt,
                updatedAt, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, all);
    }
}
