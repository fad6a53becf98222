package com.kakehashi.respond;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;

import java.time.Instant;
import java.util.UUID;

/** What the page needs of an invitation and its wave; never who was invited. */
record Invitee(UUID invitationId, UUID waveId, Side side, Level level, String language, String timeZone,
               Instant sendAt, boolean responded, boolean waveOpen, Instant closesAt, UUID instrumentVersionId,
               String surveyTitleEn, String surveyTitleJa) {

    /** What the respondent reads as the survey's name; the engagement's name is internal and never shown. */
    String surveyTitle(String language) {
        return Translations.JA.equals(language) ? surveyTitleJa : surveyTitleEn;
    }

    boolean acceptsAnswers(Instant now) {
        return waveOpen && closesAt.isAfter(now);
    }
}
