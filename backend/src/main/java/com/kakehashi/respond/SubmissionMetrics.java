package com.kakehashi.respond;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

import java.util.Locale;

/**
 * Respondents' submissions: {@code kakehashi.submissions.accepted} and
 * {@code kakehashi.submissions.rejected{reason}}. Counted over every tenant together, with nothing
 * of the wave, the token or the respondent: the reasons are the four ways a POST to /s/ ends without
 * a stored response.
 */
// Created at start-up, so every series is in the first scrape (a rate over "none yet" is 0, not absent).
@Context
class SubmissionMetrics {

    /** Why a submission stored nothing. */
    enum Rejection {
        /** An answer missing or out of range, or a refused comment: the form comes back with messages. */
        INVALID,
        ALREADY_ANSWERED,
        /** Unknown, expired or closed token (told apart nowhere, not even here). */
        UNAVAILABLE,
        /** Too many requests from one address (respond.RateLimiter). */
        RATE_LIMITED
    }

    private final Counter accepted;
    private final java.util.Map<Rejection, Counter> rejected = new java.util.EnumMap<>(Rejection.class);

    SubmissionMetrics(MeterRegistry registry) {
        accepted = Counter.builder("kakehashi.submissions.accepted").description("Responses stored from the respondent page")
                .register(registry);
        for (Rejection reason : Rejection.values()) {
            rejected.put(reason, Counter.builder("kakehashi.submissions.rejected").description("Submissions that stored nothing, by reason")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    void count(Outcome outcome) {
        switch (outcome) {
            case Outcome.Thanks thanks -> accepted.increment();
            case Outcome.Form form -> rejected.get(Rejection.INVALID).increment();
            case Outcome.AlreadyAnswered already -> rejected.get(Rejection.ALREADY_ANSWERED).increment();
            case Outcome.Unavailable unavailable -> rejected.get(Rejection.UNAVAILABLE).increment();
        }
    }

    void rateLimited() {
        rejected.get(Rejection.RATE_LIMITED).increment();
    }
}
