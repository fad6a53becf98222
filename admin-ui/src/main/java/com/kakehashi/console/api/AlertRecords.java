package com.kakehashi.console.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The console's view of alerts. An alert is a condition (rule × sign × side): it opens once, later waves
 * update its history and latest value, and it closes by itself after enough clear closed waves or by a
 * person. Values and thresholds are on the 0–100 scale of their measure.
 */
public final class AlertRecords {

    private AlertRecords() {
    }

    public enum Status { OPEN, ACKNOWLEDGED, RESOLVED }

    /**
     * One closed wave of the condition's measure, oldest first. {@code value} null: hidden or too few answers
     * ({@code outcome} says which); {@code fired}: the rule held in that wave; {@code low}/{@code high} its 95%
     * interval where known.
     */
    public record HistoryPoint(LocalDate occurrenceDate, Double value, Double low, Double high, boolean fired,
                               String outcome) {
    }

    /**
     * @param rule          SIGN_ABOVE_THRESHOLD, SIGN_WORSENING, GAP_WIDENING, RESPONSE_RATE_DROP, NEUTRAL_SHARE_HIGH or CAREFUL_WORDING_RISING
     * @param sign          the warning sign, null for rules about a whole side
     * @param side          null for rules about both sides (the gap)
     * @param severity      HIGH or MEDIUM
     * @param occurrenceDate the latest wave that updated the condition; {@code value} its value there
     * @param openedOn      the wave the condition opened in (null from a backend that does not say)
     * @param clearWaves    clear closed waves in a row so far
     * @param summaryEn     one plain sentence (null from a backend that does not give one); {@code summaryJa} likewise
     * @param resolvedReason AUTO (clear long enough) or PERSON, null while unresolved
     */
    public record Alert(UUID id, UUID engagementId, UUID waveId, LocalDate occurrenceDate, String rule, String sign,
                        Side side, String severity, double value, double threshold, Status status, List<Note> notes,
                        LocalDate openedOn, List<HistoryPoint> history, int clearWaves, String summaryEn,
                        String summaryJa, String resolvedReason) {
        public Alert {
            notes = notes == null ? List.of() : List.copyOf(notes);
            history = history == null ? List.of() : List.copyOf(history);
        }

        public Alert(UUID id, UUID engagementId, UUID waveId, LocalDate occurrenceDate, String rule, String sign,
                     Side side, String severity, double value, double threshold, Status status, List<Note> notes) {
            this(id, engagementId, waveId, occurrenceDate, rule, sign, side, severity, value, threshold, status, notes,
                    occurrenceDate, List.of(), 0, null, null, null);
        }

        public Alert with(Status newStatus, List<Note> newNotes) {
            return new Alert(id, engagementId, waveId, occurrenceDate, rule, sign, side, severity, value, threshold,
                    newStatus, newNotes, openedOn, history, clearWaves, summaryEn, summaryJa, resolvedReason);
        }
    }

    public record Note(String author, String text, OffsetDateTime createdAt) {
    }

    /** How a wave's many tests share the significance level: false discovery rate, or any false alert. */
    public enum Correction { BENJAMINI_HOCHBERG, HOLM }

    /**
     * A tenant's alert parameters (points on the 0–100 index; rates and shares in percent); docs/measurement.md
     * says why each default is what it is.
     *
     * @param alpha         the significance level after the correction for the wave's many tests
     * @param minimumEffect a change or gap widening smaller than this many points never fires
     * @param minimumN      a group with fewer responses is not tested
     * @param clearWaves    an open condition closes itself after this many clear closed waves in a row
     */
    public record Settings(double riskThreshold, int worseningWaves, int gapWaves, double gapThreshold,
                           double responseRateDrop, double neutralSharePercent, double alpha, double minimumEffect,
                           int minimumN, int clearWaves, Correction correction) {

        /** The backend's defaults, for a form opened before anything was saved. */
        public static final Settings DEFAULTS = new Settings(60, 5, 5, 15, 15, 40, 0.05, 8, 10, 2,
                Correction.BENJAMINI_HOCHBERG);
    }
}
