package com.kakehashi.insight;

import com.kakehashi.tenant.TenantService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code kakehashi.rollup.pending-responses}: responses stored but not yet folded into the
 * rollups, over every tenant. Normally near zero (a fold follows each commit by the fold delay);
 * a number that stays up means folds fail or the folder is stuck, and the dashboards trail. A
 * response has no time of its own (anonymity), so the lag in time is {@link RollupFolder}'s
 * {@code kakehashi.rollup.fold-lag}. Measured in the background like the outbox backlog, never
 * during a scrape.
 */
// Eager: the gauges register in the constructor, so every series exists from the first scrape.
@Context
class RollupBacklog {

    private static final Logger LOG = LoggerFactory.getLogger(RollupBacklog.class);

    private final TenantService tenants;
    private final InsightRollups rollups;
    private final TransactionOperations<Connection> transactions;
    private final AtomicLong pending = new AtomicLong();

    RollupBacklog(TenantService tenants, InsightRollups rollups, TransactionOperations<Connection> transactions, MeterRegistry meters) {
        this.tenants = tenants;
        this.rollups = rollups;
        this.transactions = transactions;
        Gauge.builder("kakehashi.rollup.pending-responses", pending, AtomicLong::get)
                .description("Responses not yet folded into the rollups, over every tenant").register(meters);
    }

    @Scheduled(fixedDelay = "${kakehashi.monitoring.refresh-interval:15s}", initialDelay = "${kakehashi.monitoring.initial-delay:5s}")
    void scheduledRefresh() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("Measuring the rollup backlog failed: {}", e.toString());
        }
    }

    long refresh() {
        AtomicLong total = new AtomicLong();
        TenantService.forEachTenant("Measuring the rollup backlog", tenants.allIds(), tenant -> {
            total.addAndGet(transactions.executeRead(status -> rollups.pendingCount()));
            return 0;
        });
        pending.set(total.get());
        return total.get();
    }
}
