package com.kakehashi.console.api;

/** Criteria of the participant list; null means "any". */
public record ParticipantFilter(Side side, Level level, Boolean active, String text) {

    public static ParticipantFilter none() {
        return new ParticipantFilter(null, null, null, null);
    }

    /** The text criterion trimmed, or null when blank, so an empty search box does not reach the API. */
    public String textOrNull() {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
