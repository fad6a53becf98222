package com.kakehashi.respond;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;

/**
 * Posts a questionnaire through the respondent page's own submit path (validation, coarsened
 * delay, invitation marked answered, rollups) at a given instant, without HTTP. Only the demo's
 * history uses it, to answer waves that lie in the past; the page itself always uses the clock.
 */
@Singleton
public class RecordedAnswers {

    private final RespondentService respondents;

    RecordedAnswers(RespondentService respondents) {
        this.respondents = respondents;
    }

    /**
     * @param form as the page posts it: {@code q_<item code>} → "1".."5", optional {@code comment} and {@code lang}
     * @return true if stored; false if the invitation had already answered
     * @throws IllegalStateException if the link does not answer at that instant or the form is invalid
     */
    public boolean submit(String token, Map<String, String> form, Instant answeredAt) {
        Outcome outcome = respondents.submit(token, form, answeredAt);
        return switch (outcome) {
            case Outcome.Thanks thanks -> true;
            case Outcome.AlreadyAnswered already -> false;
            case Outcome.Unavailable unavailable -> throw new IllegalStateException("link not accepted at " + answeredAt);
            case Outcome.Form invalid -> throw new IllegalStateException("form rejected: " + invalid.errors());
        };
    }
}
