package com.kakehashi.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import io.micronaut.context.annotation.Context;

import java.sql.Connection;
import java.util.Locale;

/**
 * Counters of the outbox (Micrometer, exported with the others; see docs/operations.md, "Metrics").
 * No tenant, address or id is ever a tag: {@code kind} and {@code outcome} are small fixed sets.
 * <ul>
 *   <li>{@code kakehashi.outbox.queued-mails{kind}}: mails put into the outbox, counted once their
 *       transaction commits (a wave whose opening rolls back queued nothing);</li>
 *   <li>{@code kakehashi.outbox.mails{kind, outcome}}: what happened to each claimed mail
 *       (sent, retried, failed for good, cancelled);</li>
 *   <li>{@code kakehashi.outbox.wave-cancellations}: cancellation runs (one per closing wave, so a
 *       doubled one would show), and {@code kakehashi.outbox.wave-cancelled-mails} the mails they cancelled.</li>
 * </ul>
 */
@Context
class OutboxMetrics {

    /** What happened to one claimed mail. */
    enum Disposition {
        SENT,
        CANCELLED,
        RETRIED,
        FAILED
    }

    private final MeterRegistry registry;
    private final TransactionOperations<Connection> transactions;

    OutboxMetrics(MeterRegistry registry, TransactionOperations<Connection> transactions) {
        this.registry = registry;
        this.transactions = transactions;
        registry.counter("kakehashi.outbox.wave-cancellations");
        registry.counter("kakehashi.outbox.wave-cancelled-mails");
        for (OutboxKind kind : OutboxKind.values()) {
            // Present from the first scrape, so a rate over "no mail yet" is 0 rather than absent.
            queuedCounter(kind);
            for (Disposition disposition : Disposition.values()) {
                counter(kind, disposition);
            }
        }
    }

    void count(OutboxKind kind, Disposition disposition, int mails) {
        if (mails > 0) {
            counter(kind, disposition).increment(mails);
        }
    }

    /** {@code mails} of this kind queued in the current transaction: counted when (and if) it commits. */
    void queued(OutboxKind kind, int mails) {
        if (mails <= 0) {
            return;
        }
        Counter counter = queuedCounter(kind);
        transactions.findTransactionStatus().ifPresentOrElse(status -> status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment(mails);
            }
        }), () -> counter.increment(mails));
    }

    void waveCancellation(int mails) {
        registry.counter("kakehashi.outbox.wave-cancellations").increment();
        registry.counter("kakehashi.outbox.wave-cancelled-mails").increment(mails);
    }

    private Counter counter(OutboxKind kind, Disposition disposition) {
        return Counter.builder("kakehashi.outbox.mails").description("Claimed outbox mails by kind and outcome")
                .tag("kind", tag(kind)).tag("outcome", disposition.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    private Counter queuedCounter(OutboxKind kind) {
        return Counter.builder("kakehashi.outbox.queued-mails").description("Mails put into the outbox, by kind")
                .tag("kind", tag(kind)).register(registry);
    }

    private static String tag(OutboxKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
