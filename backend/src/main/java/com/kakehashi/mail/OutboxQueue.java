package com.kakehashi.mail;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/**
 * How other features put mail into the outbox, inside their own transaction (so the mail commits
 * with what caused it, or not at all); their {@link OutboxSender} composes it when it is due.
 */
@Singleton
public class OutboxQueue {

    private final OutboxStore store;
    private final OutboxMetrics metrics;
    private final Clock clock;

    OutboxQueue(OutboxStore store, OutboxMetrics metrics, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A mail to a consultant about an alert raised in a wave, due now; queued at most once per alert, wave and consultant. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void queueAlert(UUID alertId, UUID waveId, UUID userId, String email) {
        if (store.queueAlert(alertId, waveId, userId, email, clock.instant())) {
            metrics.queued(OutboxKind.ALERT, 1);
        }
    }

    /**
     * A notice about an action to one address, due now; queued at most once per action, event and
     * address (lower-cased here, so the same person is not mailed twice under two spellings).
     * {@code userId} for a console user, {@code language} ("ja"/"en") where the recipient has one.
     *
     * @return true if queued now, false if this notice was queued before
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean queueAction(UUID actionId, String event, @Nullable UUID userId, String email, @Nullable String language) {
        boolean queued = store.queueAction(actionId, event, userId, email.strip().toLowerCase(Locale.ROOT), language, clock.instant());
        if (queued) {
            metrics.queued(OutboxKind.ACTION, 1);
        }
        return queued;
    }
}
