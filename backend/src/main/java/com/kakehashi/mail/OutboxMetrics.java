package com.kakehashi.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * Counters of the outbox (Micrometer, exported with the others): mails by kind and outcome, and
 * the cancellations closing waves make: {@code kakehashi.outbox.wave-cancellations} counts
 * cancellation runs (one per closing wave, so a doubled one would show), and
 * {@code kakehashi.outbox.wave-cancelled-mails} the mails they cancelled.
 */
@Singleton
class OutboxMetrics {

    /** What happened to one claimed mail. */
    enum Disposition {
        SENT,
        CANCELLED,
        RETRIED,
        FAILED
    }

    private final MeterRegistry registry;

    OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(OutboxKind kind, Disposition disposition, int mails) {
        if (mails > 0) {
            Counter.builder("kakehashi.outbox.mails").tag("kind", kind.name().toLowerCase()).tag("outcome", disposition.name().toLowerCase())
                    .register(registry).increment(mails);
        }
    }

    void waveCancellation(int mails) {
        registry.counter("kakehashi.outbox.wave-cancellations").increment();
        registry.counter("kakehashi.outbox.wave-cancelled-mails").increment(mails);
    }
}
