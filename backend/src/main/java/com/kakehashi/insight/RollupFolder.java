package com.kakehashi.insight;

import com.kakehashi.tenant.TenantService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Folds queued responses into the rollups shortly after they are stored. A recorded response
 * ({@link ResponseRecorded}, after its commit) {@link #nudge}s its tenant; one background thread per replica waits {@code kakehashi.insight.fold-delay}
 * (so the responses of that moment are folded together in one statement) and folds everything
 * queued in the nudged tenants. The recurring task {@code insight-fold} {@link #sweep}s every tenant
 * as a safety net: responses queued by a replica that stopped before folding, or by a fold that failed.
 */
@Singleton
public class RollupFolder {

    private final InsightRollups rollups;
    private final TenantService tenants;
    private final long delayMillis;
    private final Set<UUID> due = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** When the first response of the batch now waiting for {@link #foldDue} was committed (monotonic). */
    private volatile long batchStartNanos;
    private final Timer foldLag;
    private final Counter foldFailures;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(run -> {
        Thread thread = new Thread(run, "insight-fold");
        thread.setDaemon(true);
        return thread;
    });

    RollupFolder(InsightRollups rollups, TenantService tenants, @Value("${kakehashi.insight.fold-delay:200ms}") Duration delay,
                 MeterRegistry meters) {
        this.rollups = rollups;
        this.tenants = tenants;
        this.delayMillis = delay.toMillis();
        // Commit of a batch's first response to its fold: how far the dashboards trail the respondents.
        this.foldLag = Timer.builder("kakehashi.rollup.fold-lag").description("From a response's commit to its fold into the rollups")
                .register(meters);
        this.foldFailures = Counter.builder("kakehashi.rollup.fold-failures").description("Tenant folds that failed and rolled back")
                .register(meters);
    }

    /** Once the response's transaction has committed: its queue row is visible to the fold. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onResponseRecorded(ResponseRecorded event) {
        nudge(event.tenantId());
    }

    /** A response of the tenant was committed: fold it soon. Never blocks the caller. */
    private void nudge(UUID tenantId) {
        due.add(tenantId);
        if (scheduled.compareAndSet(false, true)) {
            batchStartNanos = System.nanoTime();
            worker.schedule(this::foldDue, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Folds every queued response of the tenant in context, now, in the caller's thread. */
    public int foldAll() {
        int total = 0;
        int folded;
        do {
            folded = rollups.foldPending();
            total += folded;
        } while (folded == InsightRollups.BATCH);
        return total;
    }

    /** Every tenant's queue, one after the other; a failing tenant does not stop the others. */
    void sweep() {
        tenants.forEachTenant("Folding responses into the rollups", tenant -> counted());
    }

    private void foldDue() {
        // Cleared before draining: a nudge from now on schedules another run (after this one).
        long started = batchStartNanos;
        scheduled.set(false);
        List<UUID> tenants = List.copyOf(due);
        due.removeAll(tenants);
        // Rolled back on failure: the responses stay queued for the next nudge or sweep.
        TenantService.forEachTenant("Folding responses into the rollups", tenants, tenant -> counted());
        foldLag.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** {@link #foldAll()}, with its failures counted (the tenant loop logs and skips them). */
    private int counted() {
        try {
            return foldAll();
        } catch (RuntimeException e) {
            foldFailures.increment();
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
