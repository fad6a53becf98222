package com.kakehashi.console.api;

/** The editable fields of a participant, for create and update alike. */
public record ParticipantDraft(String email, String displayName, Side side, Level level, String language,
                               String timeZone, String department) {

    public static ParticipantDraft empty() {
        return new ParticipantDraft("", "", Side.JAPAN, Level.STAFF, "ja", null, null);
    }
}
