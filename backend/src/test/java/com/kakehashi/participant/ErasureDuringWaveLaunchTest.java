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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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
 * interleaved on the real PostgreSQL (each on its own thread and connection, held at a latch).
 * Whichever comes first, the other waits for it: neither fails, the erased person gets no mail.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "participant-test.holds", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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
    @Inject
    PausingErasure erasures;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterAll
    void stopThreads() {
        threads.shutdownNow();
    }

    /** A tenant with two participants (first: the one to erase, last: the one kept) and a schedule for all. */
    private record World(UUID tenant, Caller consultant, UUID schedule, String erased, String kept) {
    }

    private World world(String name) throws Exception {
        TenantView tenant = fixtures.tenant(name);
        UserView user = fixtures.memberOf(tenant, Role.CONSULTANT);
        Caller consultant = new Caller(user.id(), user.email(), Role.CONSULTANT);
        UUID version = pulse.surveyReady(tenant.id(), consultant, 2, 0);
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.now().plusDays(30), List.of(2));
        List<String> ids = appSql.rows(tenant.id(), "SELECT id FROM participant ORDER BY id").stream()
                .map(row -> row.get("id")).toList();
        return new World(tenant.id(), consultant, schedule.id(), ids.getFirst(), ids.getLast());
    }

    private CompletableFuture<WaveView> launch(World world) {
        return CompletableFuture.supplyAsync(
                () -> TenantContext.callAs(world.tenant(), () -> waves.launchNow(world.consultant(), world.schedule())), threads);
    }

    private CompletableFuture<Void> erase(World world) {
        return CompletableFuture.runAsync(
                () -> TenantContext.runAs(world.tenant(), () -> participants.erase(world.consultant(), UUID.fromString(world.erased()))),
                threads);
    }

    @Test
    void erasureWaitsForAWaveThatHasReadItsAudienceThenErasesAndCancelsTheWavesMailsToThem() throws Exception {
        World world = world("Erasure during launch");
        TransactionHold read = audience.holdNextRead();
        CompletableFuture<WaveView> launch = launch(world);
        int launchPid = read.awaitReached();

        CompletableFuture<Void> erasure = erase(world);
        assertThat(blockedBy(world.tenant(), launchPid)).as("the erasure waits for the launch's transaction").isTrue();
        assertThat(erasure).isNotDone();
        read.release();

        String wave = launch.get(30, TimeUnit.SECONDS).id().toString();
        erasure.get(30, TimeUnit.SECONDS);
        assertThat(appSql.rows(world.tenant(), "SELECT id FROM participant")).containsExactly(Map.of("id", world.kept()));
        assertThat(appSql.rows(world.tenant(), "SELECT participant_id FROM invitation WHERE wave_id = ?::uuid ORDER BY participant_id",
                wave)).as("both invited, the erased person's invitation without them")
                .extracting(row -> row.get("participant_id")).containsExactly(world.kept(), null);
        assertThat(appSql.rows(world.tenant(), """
                SELECT o.kind, o.status, o.last_error FROM mail_outbox o JOIN invitation i ON i.id = o.invitation_id
                WHERE i.wave_id = ?::uuid AND i.participant_id IS NULL ORDER BY o.kind""", wave))
                .as("the mails the wave queued for the erased person are cancelled")
                .containsExactly(Map.of("kind", "INVITATION", "status", "CANCELLED", "last_error", "participant erased"),
                        Map.of("kind", "REMINDER", "status", "CANCELLED", "last_error", "participant erased"));
        assertThat(statusesOfKeptMails(world, wave)).containsExactly(Map.of("status", "PENDING"));
        close(world, wave);
    }

    @Test
    void aWaveOpeningWhileAnErasureIsUnderwayWaitsForItAndDoesNotInviteTheErasedPerson() throws Exception {
        World world = world("Launch during erasure");
        TransactionHold erasing = erasures.holdNextErasure();
        CompletableFuture<Void> erasure = erase(world);
        int erasurePid = erasing.awaitReached();

        CompletableFuture<WaveView> launch = launch(world);
        assertThat(blockedBy(world.tenant(), erasurePid)).as("the launch's audience read waits for the erasure").isTrue();
        assertThat(launch).isNotDone();
        erasing.release();

        erasure.get(30, TimeUnit.SECONDS);
        WaveView wave = launch.get(30, TimeUnit.SECONDS);
        assertThat(appSql.rows(world.tenant(), "SELECT participant_id FROM invitation WHERE wave_id = ?::uuid", wave.id()))
                .as("only the kept person is invited").containsExactly(Map.of("participant_id", world.kept()));
        assertThat(statusesOfKeptMails(world, wave.id().toString())).containsExactly(Map.of("status", "PENDING"));
        close(world, wave.id().toString());
    }

    private List<Map<String, String>> statusesOfKeptMails(World world, String wave) throws Exception {
        return appSql.rows(world.tenant(), """
                SELECT DISTINCT o.status FROM mail_outbox o JOIN invitation i ON i.id = o.invitation_id
                WHERE i.wave_id = ?::uuid AND i.participant_id = ?::uuid""", wave, world.kept());
    }

    /** Closed, so that the kept person's due mails do not go out in another test's dispatch round. */
    private void close(World world, String wave) {
        TenantContext.runAs(world.tenant(), () -> waves.close(world.consultant(), UUID.fromString(wave)));
    }

    /** Whether some session is waiting for a lock that the given backend holds, within ten seconds. */
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
