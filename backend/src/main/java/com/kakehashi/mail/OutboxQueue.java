package com.kakehashi.mail;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

/**
 * How other features put mail into the outbox, inside their own transaction (so the mail commits
 * with what caused it, or not at all); their {@link OutboxSender} composes it when it is due.
 */
@Singleton
public class OutboxQueue {

    private final OutboxStore store;
    private final Clock clock;

    OutboxQueue(OutboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A mail to a consultant about an alert raised in a wave, due now; queued at most once per alert, wave and consultant. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void queueAlert(UUID alertId, UUID waveId, UUID userId, String email) {
        store.queueAlert(alertId, waveId, userId, email, clock.instant());
    }
}
