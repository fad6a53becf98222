package com.kakehashi.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * One db-scheduler per replica, all sharing the {@code scheduled_tasks} table: a task instance
 * runs once cluster-wide, which Micronaut's {@code @Scheduled} (every replica) cannot promise.
 * Features contribute {@link Task} beans; recurring ones start themselves.
 * <p>
 * db-scheduler gets the raw pool: Micronaut Data's contextual proxy only works inside a
 * Micronaut-managed connection. Task code enters its tenant with {@code TenantContext.runAs}.
 */
@Factory
class SchedulerFactory {

    @Singleton
    @Bean(preDestroy = "stop")
    @Requires(property = "kakehashi.scheduler.enabled", notEquals = "false")
    Scheduler scheduler(@Named("default") DataSource dataSource, List<Task<?>> tasks, MeterRegistry meters,
                        SchedulerHeartbeat heartbeat,
                        @Value("${kakehashi.scheduler.polling-interval:2s}") Duration pollingInterval,
                        @Value("${kakehashi.scheduler.threads:4}") int threads,
                        @Value("${kakehashi.scheduler.heartbeat-interval:10s}") Duration heartbeatInterval,
                        @Value("${kakehashi.scheduler.missed-heartbeats-limit:6}") int missedHeartbeats) {
        // A factory-made task can be offered twice (once per matching bean type); keep one per name.
        List<Task<?>> known = List.copyOf(tasks.stream()
                .collect(java.util.stream.Collectors.toMap(Task::getName, t -> t, (a, b) -> a, java.util.LinkedHashMap::new))
                .values());
        List<RecurringTask<?>> recurring = known.stream()
                .filter(t -> t instanceof RecurringTask<?> && t instanceof OnStartup)
                .<RecurringTask<?>>map(t -> (RecurringTask<?>) t)
                .toList();
        // startTasks() registers the recurring tasks itself; listing them as known too would clash.
        List<Task<?>> oneTime = known.stream().filter(t -> !recurring.contains(t)).toList();
        Scheduler scheduler = Scheduler.create(DelegatingDataSource.unwrapDataSource(dataSource), oneTime)
                .startTasks(recurring)
                .schedulerName(new SchedulerName.Fixed(hostName() + "-" + UUID.randomUUID().toString().substring(0, 8)))
                .pollingInterval(pollingInterval)
                .threads(threads)
                .enableImmediateExecution()
                // db-scheduler's defaults (5 min x 6) left a killed replica's running task, mail-dispatch
                // above all, stuck as picked for 30 min: no mail left any replica meanwhile (kill-replica
                // drill, docs/reliability.md). 10 s x 6: another replica revives it after about a minute.
                .heartbeatInterval(heartbeatInterval)
                .missedHeartbeatsLimit(missedHeartbeats)
                .shutdownMaxWait(Duration.ofSeconds(10))
                // db-scheduler's own meters per task (dbscheduler_task_completions_total{task, result}, …):
                // task names are a small fixed set, never a tenant or an instance id.
                .statsRegistry(new MicrometerStatsRegistry(meters, known))
                .addSchedulerListener(heartbeat)
                .build();
        return scheduler;
    }

    /** Started only once the context is up, so Liquibase has created scheduled_tasks first. */
    @EventListener
    void start(StartupEvent event) {
        event.getSource().findBean(Scheduler.class).ifPresent(Scheduler::start);
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "kakehashi" : host;
    }
}
