package com.kakehashi.wave;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.schedule.ScheduleView;
import com.kakehashi.schedule.SendPlan;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.PulseFixtures;
import com.kakehashi.support.TestClock;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.TenantView;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wave engine against real PostgreSQL and real db-scheduler instances. The context's own
 * scheduler is off here so the test controls which schedulers run.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
class WaveEngineTest {

    @Inject
    Fixtures fixtures;
    @Inject
    PulseFixtures pulse;
    @Inject
    WaveEngine engine;
    @Inject
    WaveService waves;
    @Inject
    com.kakehashi.mail.MailOutbox outbox;
    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;
    @Inject
    com.kakehashi.schedule.ScheduleService schedules;
    @Inject
    com.kakehashi.participant.ParticipantService participants;
    @Inject
    TestClock clock;
    @Inject
    com.kakehashi.audit.AuditLog audit;
    @Inject
    List<Task<?>> tasks;
    @Inject
    DataSource dataSource;

    TenantView tenant;
    Caller consultant;
    UUID version;

    @BeforeEach
    void tenantReadyToSurvey() {
        tenant = fixtures.tenant("Waves");
        UserView user = fixtures.memberOf(tenant, Role.CONSULTANT);
        consultant = new Caller(user.id(), user.email(), Role.CONSULTANT);
        version = pulse.surveyReady(tenant.id(), consultant, 3, 2);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private List<WaveView> waves() {
        return TenantContext.callAs(tenant.id(), waves::list);
    }

    private SendPlan firstPlan(ScheduleView schedule) {
        return schedule.occurrences().plan(schedule.startDate());
    }

    @Test
    void occurrenceInsideItsWindowCreatesOneWaveWithAnInvitationPerActiveParticipant() {
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.of(2027, 5, 3), List.of(2));
        SendPlan plan = firstPlan(schedule);
        clock.set(plan.opensAt().plus(Duration.ofHours(1)));

        engine.occur(tenant.id(), schedule.id(), plan.occurrenceDate());
        engine.occur(tenant.id(), schedule.id(), plan.occurrenceDate());

        List<WaveView> created = waves();
        assertThat(created).singleElement().satisfies(wave -> {
            assertThat(wave.status()).isEqualTo(WaveStatus.OPEN);
            assertThat(wave.invited()).isEqualTo(5);
            assertThat(wave.sides()).extracting(SideStats::invited).containsExactlyInAnyOrder(3L, 2L);
        });
    }

    /** The cadence is the schedule's standing reason: documented in docs/architecture.md (Waves). */
    @Test
    void scheduledOccurrenceOpensBesideAnOpenManualWaveAndTheAuditLogSaysSo() {
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.of(2027, 5, 3), List.of());
        SendPlan plan = firstPlan(schedule);
        clock.set(plan.opensAt().minus(Duration.ofDays(1)));
        WaveView manual = TenantContext.callAs(tenant.id(), () -> waves.launchNow(consultant, schedule.id()));
        clock.set(plan.opensAt().plus(Duration.ofMinutes(1)));

        engine.occur(tenant.id(), schedule.id(), plan.occurrenceDate());

        assertThat(waves()).extracting(WaveView::kind, WaveView::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(WaveKind.MANUAL, WaveStatus.OPEN),
                org.assertj.core.groups.Tuple.tuple(WaveKind.SCHEDULED, WaveStatus.OPEN));
        var entries = TenantContext.callAs(tenant.id(), () -> audit.page(0, 50)).items();
        assertThat(entries).filteredOn(e -> e.action().equals("wave.opened-beside-open")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains(manual.id().toString(), plan.occurrenceDate().toString()));
    }

    @Test
    void restartAfterDowntimeCreatesTheStillOpenOccurrenceLateOnceAndSkipsOlderOnes() {
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.of(2027, 5, 3), List.of());
        SendPlan first = firstPlan(schedule);
        SendPlan second = schedule.occurrences().after(first.occurrenceDate()).orElseThrow();
        // Down from before the first opening until a day after the second opened: the first window
        // (5 days) has passed, the second is still open.
        clock.set(second.opensAt().plus(Duration.ofDays(1)));

        engine.occur(tenant.id(), schedule.id(), first.occurrenceDate());
        engine.occur(tenant.id(), schedule.id(), first.occurrenceDate());

        assertThat(waves()).extracting(WaveView::occurrenceDate, WaveView::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(first.occurrenceDate(), WaveStatus.SKIPPED),
                org.assertj.core.groups.Tuple.tuple(second.occurrenceDate(), WaveStatus.OPEN));
        assertThat(waves()).filteredOn(w -> w.status() == WaveStatus.SKIPPED).singleElement()
                .satisfies(w -> assertThat(w.invited()).isZero());
    }

    @Test
    void twoSchedulerInstancesOnOneDatabaseCreateEachWaveExactlyOnce() throws Exception {
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.now().minusDays(1), List.of());
        SendPlan plan = firstPlan(schedule);
        WaveOccurrence occurrence = new WaveOccurrence(tenant.id(), schedule.id(), plan.occurrenceDate());
        DataSource raw = DelegatingDataSource.unwrapDataSource(dataSource);
        Scheduler a = Scheduler.create(raw, tasks).threads(2).pollingInterval(Duration.ofMillis(200)).build();
        Scheduler b = Scheduler.create(raw, tasks).threads(2).pollingInterval(Duration.ofMillis(200)).build();
        try {
            // Both replicas try to plan the same occurrence; only one task instance can exist.
            a.scheduleIfNotExists(WaveEngine.task(occurrence), Instant.now());
            b.scheduleIfNotExists(WaveEngine.task(occurrence), Instant.now());
            a.start();
            b.start();
            awaitAWave();
            Thread.sleep(1500); // give a duplicate every chance to appear
        } finally {
            a.stop();
            b.stop();
        }

        assertThat(waves()).filteredOn(w -> w.occurrenceDate().equals(plan.occurrenceDate())).singleElement()
                .satisfies(wave -> assertThat(wave.invited()).isEqualTo(5));
    }

    @Test
    void occurrencePlannedBeforeTheUpgradeWithPipeSeparatedDataStillRuns() throws Exception {
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.now().minusDays(1), List.of());
        SendPlan plan = firstPlan(schedule);
        String plannedBeforeTheRecord = tenant.id() + "|" + schedule.id() + "|" + plan.occurrenceDate();
        Scheduler scheduler = Scheduler.create(DelegatingDataSource.unwrapDataSource(dataSource), tasks)
                .pollingInterval(Duration.ofMillis(200)).build();
        try {
            scheduler.scheduleIfNotExists(new TaskInstance<>(WaveEngine.OCCURRENCE,
                    schedule.id() + "@" + plan.occurrenceDate(), plannedBeforeTheRecord), Instant.now());
            scheduler.start();
            awaitAWave();
        } finally {
            scheduler.stop();
        }

        assertThat(waves()).extracting(WaveView::occurrenceDate).containsExactly(plan.occurrenceDate());
    }

    private void awaitAWave() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (waves().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }

    @Test
    void waveClosesOnlyOnceTheApplicationClockPassesItsCloseTime() {
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.of(2027, 5, 3), List.of());
        SendPlan plan = firstPlan(schedule);
        clock.set(plan.opensAt().plus(Duration.ofHours(1)));
        engine.occur(tenant.id(), schedule.id(), plan.occurrenceDate());
        Instant closesAt = waves().getFirst().closesAt();

        clock.set(closesAt.minusSeconds(1));
        int closedEarly = TenantContext.callAs(tenant.id(), () -> waves.closeExpired());
        clock.set(closesAt);
        int closedOnTime = TenantContext.callAs(tenant.id(), () -> waves.closeExpired());

        assertThat(closedEarly).isZero();
        assertThat(closedOnTime).isEqualTo(1);
        assertThat(waves()).singleElement().satisfies(wave -> {
            assertThat(wave.status()).isEqualTo(WaveStatus.CLOSED);
            assertThat(wave.closedAt()).isEqualTo(closesAt);
        });
    }

    @Test
    void launchingNowOpensAManualWaveAndClosingItEndsItAtOnce() {
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.now().plusDays(30), List.of(1));

        WaveView launched = TenantContext.callAs(tenant.id(), () -> waves.launchNow(consultant, schedule.id()));
        WaveView closed = TenantContext.callAs(tenant.id(), () -> waves.close(consultant, launched.id()));

        assertThat(launched.kind()).isEqualTo(WaveKind.MANUAL);
        assertThat(launched.invited()).isEqualTo(5);
        assertThat(closed.status()).isEqualTo(WaveStatus.CLOSED);
        assertThat(closed.closesAt()).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void closingAWaveCancelsItsPendingMailsExactlyOnce() {
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.now().plusDays(30), List.of(1));
        WaveView launched = TenantContext.callAs(tenant.id(), () -> waves.launchNow(consultant, schedule.id()));
        assertThat(TenantContext.callAs(tenant.id(), () -> outbox.pendingCount(launched.id()))).isEqualTo(5 + 5);
        double runsBefore = meters.counter("kakehashi.outbox.wave-cancellations").count();

        TenantContext.callAs(tenant.id(), () -> waves.close(consultant, launched.id()));
        clock.set(launched.closesAt().plus(Duration.ofDays(1)));
        TenantContext.callAs(tenant.id(), () -> waves.closeExpired());

        assertThat(TenantContext.callAs(tenant.id(), () -> outbox.pendingCount(launched.id()))).isZero();
        assertThat(TenantContext.callAs(tenant.id(), () -> outbox.list(com.kakehashi.mail.OutboxStatus.CANCELLED, 1000)))
                .filteredOn(mail -> mail.waveId().equals(launched.id())).hasSize(10)
                .allSatisfy(mail -> assertThat(mail.lastError()).isEqualTo("wave closed"));
        assertThat(meters.counter("kakehashi.outbox.wave-cancellations").count() - runsBefore)
                .as("one cancellation for the closing, none for the closer passing by later").isEqualTo(1);
    }

    @Test
    void pausedScheduleCreatesNoWave() {
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.of(2027, 5, 3), List.of());
        SendPlan plan = firstPlan(schedule);
        TenantContext.runAs(tenant.id(), () -> schedules.pause(consultant, schedule.id()));
        clock.set(plan.opensAt().plus(Duration.ofHours(1)));

        engine.occur(tenant.id(), schedule.id(), plan.occurrenceDate());

        assertThat(waves()).isEmpty();
    }

    @Test
    void remindersAreQueuedOnlyWhenTheyFallBeforeTheWaveCloses() {
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.of(2027, 5, 3), List.of(2, 4));
        SendPlan plan = firstPlan(schedule);
        clock.set(plan.opensAt().plus(Duration.ofMinutes(5)));

        engine.occur(tenant.id(), schedule.id(), plan.occurrenceDate());

        long mails = TenantContext.callAs(tenant.id(), () -> outbox.pendingCount(waves().getFirst().id()));
        assertThat(mails).isEqualTo(5 + 5 * 2);
    }

    @Test
    void erasingAnInvitedParticipantKeepsTheWaveCountsButForgetsThePerson() {
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.now().plusDays(30), List.of());
        WaveView wave = TenantContext.callAs(tenant.id(), () -> waves.launchNow(consultant, schedule.id()));
        UUID someone = TenantContext.callAs(tenant.id(), () -> participants.list(consultant,
                com.kakehashi.participant.ParticipantFilter.none(), 0, 1).items().getFirst().id());

        TenantContext.runAs(tenant.id(), () -> participants.erase(consultant, someone));

        assertThat(TenantContext.callAs(tenant.id(), () -> waves.get(wave.id())).invited()).isEqualTo(5);
        assertThat(TenantContext.callAs(tenant.id(), () -> participants.list(consultant,
                com.kakehashi.participant.ParticipantFilter.none(), 0, 10).total())).isEqualTo(4);
    }
}
