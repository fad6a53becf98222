package com.kakehashi.scheduling;

import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.event.SchedulerListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * This replica's db-scheduler, seen from inside: the time of its last poll for due executions (its
 * heartbeat: it polls every {@code kakehashi.scheduler.polling-interval}, also when nothing is due;
 * a failing poll, such as with the database gone, does not count) and its problems by kind.
 * Monotonic time, not the application clock: tests travel that clock, a heartbeat must not.
 * <p>
 * Meters: {@code kakehashi.scheduler.heartbeat-age} (seconds since the last poll) and
 * {@code kakehashi.scheduler.problems{event}} (unexpected errors, failed heartbeats, dead executions, …).
 * The per-task meters ({@code dbscheduler_task_*}) are db-scheduler's own MicrometerStatsRegistry.
 */
@Singleton
@Requires(property = "kakehashi.scheduler.enabled", notEquals = "false")
class SchedulerHeartbeat extends AbstractSchedulerListener {

    private static final Set<SchedulerListener.SchedulerEventType> PROBLEMS = Set.of(
            SchedulerEventType.UNEXPECTED_ERROR, SchedulerEventType.FAILED_HEARTBEAT, SchedulerEventType.FAILED_MULTIPLE_HEARTBEATS,
            SchedulerEventType.DEAD_EXECUTION, SchedulerEventType.COMPLETIONHANDLER_ERROR, SchedulerEventType.FAILUREHANDLER_ERROR,
            SchedulerEventType.UNRESOLVED_TASK);

    private final Map<SchedulerEventType, Counter> problems = new EnumMap<>(SchedulerEventType.class);
    /** Starts at creation: a replica that has not polled yet is as fresh as its start. */
    private volatile long lastPollNanos = System.nanoTime();

    SchedulerHeartbeat(MeterRegistry registry) {
        for (SchedulerEventType type : PROBLEMS) {
            problems.put(type, Counter.builder("kakehashi.scheduler.problems").description("db-scheduler problems on this replica, by event")
                    .tag("event", type.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        Gauge.builder("kakehashi.scheduler.heartbeat-age", this, h -> h.age().toMillis() / 1000.0)
                .description("Seconds since this replica's scheduler last polled for due executions").baseUnit("seconds").register(registry);
    }

    @Override
    public void onSchedulerEvent(SchedulerEventType type) {
        if (type == SchedulerEventType.RAN_EXECUTE_DUE) {
            lastPollNanos = System.nanoTime();
        }
        Counter counter = problems.get(type);
        if (counter != null) {
            counter.increment();
        }
    }

    /** Time since the last successful poll. */
    Duration age() {
        return Duration.ofNanos(System.nanoTime() - lastPollNanos);
    }
}
