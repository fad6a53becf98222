package com.kakehashi.mail;

import com.kakehashi.tenant.TenantService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far behind the outbox is, over every tenant: the mails due now and still PENDING, and how
 * long the longest-waiting PENDING mail has waited since it was first due — through its retries'
 * backoff too, so an SMTP outage ages the backlog although no mail is "due" between attempts. Measured in the background every
 * {@code kakehashi.monitoring.refresh-interval} (one indexed query per tenant), never during a
 * scrape or a health check: with the database slow or gone, /prometheus and /health must still
 * answer at once. Every replica measures the same totals (read-only, so Micronaut's every-replica
 * {@code @Scheduled} is right here); dashboards and alerts take the max over replicas.
 * <p>
 * Gauges: {@code kakehashi.outbox.due-mails} and {@code kakehashi.outbox.oldest-due-age} (seconds,
 * aged by the clock between measurements, 0 when no mail waits).
 */
// Eager: the gauges register in the constructor, so every series exists from the first scrape.
@Context
public class OutboxBacklog {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxBacklog.class);

    /** One measurement; {@code oldestDue} is empty when nothing is due. */
    public record Snapshot(long dueMails, Optional<Instant> oldestDue, Instant measuredAt) {

        public Duration oldestDueAge(Instant now) {
            return oldestDue.map(due -> Duration.between(due, now)).filter(age -> !age.isNegative()).orElse(Duration.ZERO);
        }
    }

    private final TenantService tenants;
    private final OutboxStore store;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private volatile Snapshot last;

    OutboxBacklog(TenantService tenants, OutboxStore store, TransactionOperations<Connection> transactions, Clock clock,
                  MeterRegistry registry) {
        this.tenants = tenants;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        Gauge.builder("kakehashi.outbox.due-mails", this, b -> b.last == null ? 0 : b.last.dueMails())
                .description("PENDING mails due now, over every tenant").register(registry);
        Gauge.builder("kakehashi.outbox.oldest-due-age", this, b -> b.last == null ? 0 : b.last.oldestDueAge(clock.instant()).toMillis() / 1000.0)
                .description("Seconds the longest-waiting PENDING mail has waited since first due (retries included), over every tenant").baseUnit("seconds").register(registry);
    }

    /** The last measurement, if there was one. */
    public Optional<Snapshot> last() {
        return Optional.ofNullable(last);
    }

    @Scheduled(fixedDelay = "${kakehashi.monitoring.refresh-interval:15s}", initialDelay = "${kakehashi.monitoring.initial-delay:5s}")
    void scheduledRefresh() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // The last measurement stays (with its time); the database being gone is readiness's news.
            LOG.warn("Measuring the outbox backlog failed: {}", e.toString());
        }
    }

    /** Measures now, every tenant in turn. */
    public Snapshot refresh() {
        Instant now = clock.instant();
        AtomicLong due = new AtomicLong();
        Instant[] oldest = {null};
        TenantService.forEachTenant("Measuring the outbox backlog", tenants.allIds(), tenant -> {
            OutboxStore.Due found = transactions.executeRead(status -> store.due(now));
            due.addAndGet(found.mails());
            found.oldest().filter(at -> oldest[0] == null || at.isBefore(oldest[0])).ifPresent(at -> oldest[0] = at);
            return 0;
        });
        Snapshot snapshot = new Snapshot(due.get(), Optional.ofNullable(oldest[0]), now);
        last = snapshot;
        return snapshot;
    }
}
