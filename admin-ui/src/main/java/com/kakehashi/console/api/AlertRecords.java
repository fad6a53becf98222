package com.kakehashi.console.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The console's view of alerts. Values and thresholds are on the 0–100 scale of their measure. */
public final class AlertRecords {

    private AlertRecords() {
    }

    public enum Status { OPEN, ACKNOWLEDGED, RESOLVED }

    /**
     * @param rule SIGN_ABOVE_THRESHOLD, SIGN_WORSENING, GAP_WIDENING, RESPONSE_RATE_DROP or NEUTRAL_SHARE_HIGH
     * @param sign the warning sign, null for rules about a whole side
     * @param side null for rules about both sides (the gap)
     * @param severity HIGH or MEDIUM
     */
    public record Alert(UUID id, UUID engagementId, UUID waveId, LocalDate occurrenceDate, String rule, String sign,
                        Side side, String severity, double value, double threshold, Status status, List<Note> notes) {
        public Alert {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    public record Note(String author, String text, OffsetDateTime createdAt) {
    }
}
