package com.kakehashi.wave;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.micronaut.context.annotation.Context;

/**
 * {@code kakehashi.waves.opened}, {@code kakehashi.waves.closed} and
 * {@code kakehashi.invitations} (not "…created": Prometheus reserves the suffix _created), over every tenant, counted after the wave's transaction
 * commits (an opening that rolls back opened nothing).
 */
// Created at start-up, so every series is in the first scrape (a rate over "none yet" is 0, not absent).
@Context
class WaveMetrics {

    private final Counter opened;
    private final Counter closed;
    private final Counter invitations;

    WaveMetrics(MeterRegistry registry) {
        opened = Counter.builder("kakehashi.waves.opened").description("Waves opened (launched or scheduled)").register(registry);
        closed = Counter.builder("kakehashi.waves.closed").description("Waves closed, early or on time").register(registry);
        invitations = Counter.builder("kakehashi.invitations").description("Invitations written when waves opened")
                .register(registry);
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onOpened(WaveOpened event) {
        opened.increment();
        invitations.increment(event.invitations());
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onClosed(WaveClosed event) {
        closed.increment();
    }
}
