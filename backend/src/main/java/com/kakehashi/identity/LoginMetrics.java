package com.kakehashi.identity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

/**
 * {@code kakehashi.login.failures}: failed logins over every account and address (neither is a
 * tag). Created at start-up, so the series is in the first scrape.
 */
@Context
class LoginMetrics {

    private final Counter failures;

    LoginMetrics(MeterRegistry meters) {
        failures = Counter.builder("kakehashi.login.failures").description("Failed console and API logins").register(meters);
    }

    void failed() {
        failures.increment();
    }
}
