package com.kakehashi.wave;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.kakehashi.schedule.Occurrences;
import com.kakehashi.schedule.ScheduleChanged;
import com.kakehashi.schedule.ScheduleService;
import com.kakehashi.schedule.ScheduleView;
import com.kakehashi.schedule.SendPlan;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.TenantService;
import io.micronaut.context.BeanProvider;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The wave engine on db-scheduler (task definitions in {@link WaveTasks}). Each occurrence of a schedule is one task instance
 * ({@code scheduleId@date}), executed once cluster-wide at the occurrence's opening; it
 * materialises its wave, catches up on occurrences missed during downtime (late if their window is
 * still open, SKIPPED otherwise) and plans the next one. A planner re-plans every schedule
 * periodically, so a lost plan heals itself; a closer closes waves whose time is up.
 */
@Singleton
class WaveEngine {

    static final String OCCURRENCE = "wave-occurrence";
    private static final Logger LOG = LoggerFactory.getLogger(WaveTasks.class);

    private final TenantService tenants;
    private final ScheduleService schedules;
    private final WaveService waves;
    private final BeanProvider<SchedulerClient> scheduler;
    private final Clock clock;

    WaveEngine(TenantService tenants, ScheduleService schedules, WaveService waves,
              BeanProvider<SchedulerClient> scheduler, Clock clock) {
        this.tenants = tenants;
        this.schedules = schedules;
        this.waves = waves;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @EventListener
    void onScheduleChanged(ScheduleChanged event) {
        TenantContext.runAs(event.tenantId(), () -> schedules.find(event.scheduleId()).ifPresent(this::planNext));
    }

    /** Runs one occurrence task; its data is Serializable because rows planned before {@link WaveOccurrence} hold a String. */
    void runOccurrence(TaskInstance<Serializable> instance, ExecutionContext context) {
        WaveOccurrence occurrence = WaveOccurrence.of(instance.getData());
        occur(occurrence.tenantId(), occurrence.scheduleId(), occurrence.date());
    }

    void occur(UUID tenantId, UUID scheduleId, LocalDate date) {
        TenantContext.runAs(tenantId, () -> {
            Optional<ScheduleView> found = schedules.find(scheduleId);
            if (found.isEmpty() || found.get().paused()) {
                return; // deleted or paused: resuming plans again
            }
            ScheduleView schedule = found.get();
            Occurrences occurrences = schedule.occurrences();
            Optional<SendPlan> current = occurrences.after(date.minusDays(1))
                    .filter(plan -> plan.occurrenceDate().equals(date));
            Instant now = clock.instant();
            while (current.isPresent() && !current.get().opensAt().isAfter(now)) {
                waves.materialise(schedule, current.get());
                current = occurrences.after(current.get().occurrenceDate());
            }
            planNext(schedule);
        });
    }

    void planAll() {
        tenants.forEachTenant("Planning the next waves", tenant -> {
            schedules.list().stream().filter(s -> !s.paused()).forEach(this::planNext);
            return 0;
        });
    }

    void closeAll() {
        int closed = tenants.forEachTenant("Closing waves whose time was up", tenant -> waves.closeExpired());
        if (closed > 0) {
            LOG.info("Closed {} waves whose time was up", closed);
        }
    }

    static TaskInstance<Serializable> task(WaveOccurrence occurrence) {
        return new TaskInstance<>(OCCURRENCE, occurrence.instanceId(), occurrence);
    }

    private void planNext(ScheduleView schedule) {
        if (schedule.paused() || scheduler.find(null).isEmpty()) {
            return;
        }
        schedule.occurrences().firstOpeningAtOrAfter(clock.instant()).ifPresent(next -> {
            WaveOccurrence occurrence = new WaveOccurrence(TenantContext.require(), schedule.id(), next.occurrenceDate());
            scheduler.get().scheduleIfNotExists(task(occurrence), next.opensAt());
        });
    }
}
