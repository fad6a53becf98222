package com.kakehashi.console.api;

import java.time.LocalDate;
import java.util.UUID;

/** Namespace for the console's view of an engagement's events on the time axis. */
public final class TimelineRecords {

    private TimelineRecords() {
    }

    /** ENGAGEMENT_START is derived from the engagement by the backend; the others are recorded. */
    public enum Kind {
        ORGANISATION_CHANGE, LEADERSHIP_CHANGE, MILESTONE, OTHER, ENGAGEMENT_START;

        public boolean recordable() {
            return this != ENGAGEMENT_START;
        }
    }

    /** An event; a derived one has no id and cannot be deleted. */
    public record Event(UUID id, UUID engagementId, LocalDate occurredOn, Kind kind, String labelEn, String labelJa,
                        boolean derived) {

        /** The label in the reader's language, else the other one. */
        public String label(boolean japanese) {
            String preferred = japanese ? labelJa : labelEn;
            return preferred != null && !preferred.isBlank() ? preferred : japanese ? labelEn : labelJa;
        }
    }

    public record Draft(LocalDate occurredOn, Kind kind, String labelEn, String labelJa) {
    }
}
