package com.kakehashi.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.kakehashi.health.Degraded;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "scheduler" in /health: UP while this replica's db-scheduler polled within
 * {@code kakehashi.scheduler.heartbeat-stale-after}; DEGRADED (not DOWN, see {@link Degraded}) when
 * it has not, or it is shutting down. A stale scheduler does not stop the API; it stops waves,
 * mail and folds, which the other replicas' schedulers pick up, and the alert
 * KakehashiSchedulerHeartbeatStale calls a person.
 */
@Singleton
@Requires(property = "kakehashi.scheduler.enabled", notEquals = "false")
class SchedulerHealth implements HealthIndicator {

    static final String NAME = "scheduler";

    private final SchedulerHeartbeat heartbeat;
    private final Scheduler scheduler;
    private final Duration staleAfter;

    SchedulerHealth(SchedulerHeartbeat heartbeat, Scheduler scheduler,
                    @Value("${kakehashi.scheduler.heartbeat-stale-after:1m}") Duration staleAfter) {
        this.heartbeat = heartbeat;
        this.scheduler = scheduler;
        this.staleAfter = staleAfter;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Duration age = heartbeat.age();
        var state = scheduler.getSchedulerState();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lastPollSecondsAgo", age.toSeconds());
        details.put("staleAfterSeconds", staleAfter.toSeconds());
        details.put("started", state.isStarted());
        details.put("shuttingDown", state.isShuttingDown());
        details.put("executing", scheduler.getCurrentlyExecuting().size());
        boolean fresh = age.compareTo(staleAfter) <= 0 && !state.isShuttingDown();
        HealthStatus status = fresh ? HealthStatus.UP : Degraded.STATUS;
        return Publishers.just(HealthResult.builder(NAME, status).details(details).build());
    }
}
