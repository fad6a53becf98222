package com.kakehashi.participant;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.schedule.ScheduleView;
import com.kakehashi.support.AppRoleSql;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.PulseFixtures;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.TenantView;
import com.kakehashi.wave.WaveService;
import com.kakehashi.wave.WaveView;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant erased while a wave is being opened for them, with the two transactions really
 * interleaved on the real PostgreSQL: the launch has read its audience and is held there, the
 * erasure starts and has to wait for it, the launch commits with every invitation, and only then
 * does the erasure go on and erase, cancelling the mails the wave had just queued for the person.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "participant-test.pausing-audience", value = "true")
class ErasureDuringWaveLaunchTest {

    @Inject
    WaveService waves;
    @Inject
    ParticipantService participants;
    @Inject
    Fixtures fixtures;
    @Inject
    PulseFixtures pulse;
    @Inject
    AppRoleSql appSql;
    @Inject
    PausingAudience audience;

    @Test
    void erasureWaitsForAWaveThatHasReadItsAudienceThenErasesAndCancelsTheWavesMailsToThem() throws Exception {
        TenantView tenant = fixtures.tenant("Erasure during launch");
        UserView user = fixtures.memberOf(tenant, Role.CONSULTANT);
        Caller consultant = new Caller(user.id(), user.email(), Role.CONSULTANT);
        UUID version = pulse.surveyReady(tenant.id(), consultant, 2, 0);
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.now().plusDays(30), List.of(2));
        List<String> ids = appSql.rows(tenant.id(), "SELECT id FROM participant ORDER BY id").stream()
                .map(row -> row.get("id")).toList();
        String erased = ids.getFirst();
        String kept = ids.getLast();

        PausingAudience.Pause pause = audience.pauseNextRead();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<WaveView> launch = CompletableFuture.supplyAsync(
                () -> TenantContext.callAs(tenant.id(), () -> waves.launchNow(consultant, schedule.id())), threads);
        assertThat(pause.read.await(30, TimeUnit.SECONDS)).as("the launch read its audience").isTrue();
        CompletableFuture<Void> erasure = CompletableFuture.runAsync(
                () -> TenantContext.runAs(tenant.id(), () -> participants.erase(consultant, UUID.fromString(erased))), threads);

        assertThat(blockedBy(tenant.id(), pause.readerPid)).as("the erasure waits for the launch's transaction").isTrue();
        assertThat(erasure).isNotDone();
        pause.resume.countDown();

        String wave = launch.get(30, TimeUnit.SECONDS).id().toString();
        erasure.get(30, TimeUnit.SECONDS);
        threads.shutdown();
        assertThat(appSql.rows(tenant.id(), "SELECT id FROM participant")).containsExactly(Map.of("id", kept));
        assertThat(appSql.rows(tenant.id(), "SELECT participant_id FROM invitation WHERE wave_id = ?::uuid ORDER BY participant_id",
                wave)).as("both invited, the erased person's invitation without them")
                .extracting(row -> row.get("participant_id")).containsExactly(kept, null);
        assertThat(appSql.rows(tenant.id(), """
                SELECT o.kind, o.status, o.last_error FROM mail_outbox o JOIN invitation i ON i.id = o.invitation_id
                WHERE i.wave_id = ?::uuid AND i.participant_id IS NULL ORDER BY o.kind""", wave))
                .as("the mails the wave queued for the erased person are cancelled")
                .containsExactly(Map.of("kind", "INVITATION", "status", "CANCELLED", "last_error", "participant erased"),
                        Map.of("kind", "REMINDER", "status", "CANCELLED", "last_error", "participant erased"));
        assertThat(appSql.rows(tenant.id(), """
                SELECT DISTINCT o.status FROM mail_outbox o JOIN invitation i ON i.id = o.invitation_id
                WHERE i.wave_id = ?::uuid AND i.participant_id = ?::uuid""", wave, kept))
                .containsExactly(Map.of("status", "PENDING"));
        // closed, so that the kept person's due mails do not go out in another test's dispatch round
        TenantContext.runAs(tenant.id(), () -> waves.close(consultant, UUID.fromString(wave)));
    }

    /** Whether some session of this database is waiting for a lock that the given backend holds, within ten seconds. */
    private boolean blockedBy(UUID tenant, int pid) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (!appSql.rows(tenant, "SELECT pid FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))", pid).isEmpty()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
