package com.kakehashi.bench;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.schedule.ScheduleView;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.PulseFixtures;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.TenantView;
import com.kakehashi.wave.WaveService;
import com.kakehashi.wave.WaveView;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark 3: seconds to create a wave for 100,000 participants as production does
 * ({@link WaveService#launchNow}: the wave, 100,000 invitations, and per invitation its invitation
 * mail plus one reminder in the outbox: 300,000 rows), against a plain multi-row INSERT
 * (1,000 rows per statement, one transaction) of the same rows into scratch tables of the same
 * shape (columns, defaults, checks and indexes of invitation and mail_outbox; no foreign keys, no
 * Row Level Security).
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "datasources.default.maximum-pool-size", value = "10")
@Property(name = "logger.levels.com.kakehashi", value = "WARN")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaveCreationBenchmark {

    private static final String NAME = "wave";
    private static final int PARTICIPANTS = 100_000;
    private static final int ROUNDS = 2;
    private static final int ROWS_PER_STATEMENT = 1000;

    @Inject
    Fixtures fixtures;
    @Inject
    PulseFixtures pulse;
    @Inject
    WaveService waves;

    @Value("${datasources.default.url}")
    String url;

    @Test
    void waveFor100kParticipantsVersusPlainMultiRowInsert() throws Exception {
        Bench.machine(NAME, url);
        TenantView tenant = fixtures.tenant("Bench");
        UserView user = fixtures.memberOf(tenant, Role.CONSULTANT);
        Caller consultant = new Caller(user.id(), user.email(), Role.CONSULTANT);
        UUID version = pulse.surveyReady(tenant.id(), consultant, 0, 0);
        Bench.participants(url, tenant.id(), PARTICIPANTS);
        // Weekly, open 5 days, one reminder after 2 days: every invitation gets two outbox rows.
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.now().plusDays(30), List.of(2));
        try (Connection owner = Bench.owner(url); Statement statement = owner.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_invitation (LIKE invitation INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            statement.execute("CREATE TABLE IF NOT EXISTS bench_mail_outbox (LIKE mail_outbox INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            statement.execute("ANALYZE participant");
        }

        WaveView last = null;
        for (int round = 1; round <= ROUNDS; round++) {
            Bench.Cpu baseCpu = Bench.Cpu.now();
            double baseline = plainInsert(tenant.id());
            Bench.report(NAME, "round %d: baseline multi-row INSERT of %d invitations + %d outbox rows = %.2f s (%s)",
                    round, PARTICIPANTS, 2 * PARTICIPANTS, baseline, baseCpu.since(baseCpu));

            Bench.Cpu cpu = Bench.Cpu.now();
            long start = System.nanoTime();
            int r = round;
            WaveView wave = TenantContext.callAs(tenant.id(), () -> waves.launchNow(consultant, schedule.id(), "benchmark round " + r));
            double seconds = (System.nanoTime() - start) / 1e9;
            String where = cpu.since(cpu);
            try (Connection app = Bench.app(url, tenant.id())) {
                assertThat(Bench.count(app, "SELECT count(*) FROM invitation WHERE wave_id = ?", wave.id())).isEqualTo(PARTICIPANTS);
                assertThat(Bench.count(app, "SELECT count(*) FROM mail_outbox o JOIN invitation i ON i.id = o.invitation_id WHERE i.wave_id = ?",
                        wave.id())).isEqualTo(2L * PARTICIPANTS);
            }
            Bench.report(NAME, "round %d: WaveService.launchNow for %d participants (%d invitations + %d outbox rows) = %.2f s (%s)",
                    round, PARTICIPANTS, PARTICIPANTS, 2 * PARTICIPANTS, seconds, where);
            Bench.report(NAME, "round %d: RATIO wave/plain insert = %.2fx (target <= 3x)", round, seconds / baseline);
            last = wave;
        }
        explain(tenant.id(), last.id());
    }

    /** The same rows as a wave writes, as plain multi-row INSERTs in one transaction. @return seconds */
    private double plainInsert(UUID tenant) throws Exception {
        try (Connection owner = Bench.owner(url)) {
            owner.setAutoCommit(false);
            UUID wave = UUID.randomUUID();
            Timestamp sendAt = Timestamp.from(Instant.now());
            Timestamp remindAt = Timestamp.from(Instant.now().plus(2, ChronoUnit.DAYS));
            long start = System.nanoTime();
            UUID[] invitations = new UUID[PARTICIPANTS];
            try (PreparedStatement insert = owner.prepareStatement(values("""
                    INSERT INTO bench_invitation (tenant_id, id, wave_id, participant_id, side, level, language, time_zone, send_at)
                    VALUES """, "(?, ?, ?, ?, ?, ?, ?, ?, ?)"))) {
                for (int done = 0; done < PARTICIPANTS; done += ROWS_PER_STATEMENT) {
                    int p = 1;
                    for (int row = 0; row < ROWS_PER_STATEMENT; row++) {
                        UUID id = UUID.randomUUID();
                        invitations[done + row] = id;
                        insert.setObject(p++, tenant);
                        insert.setObject(p++, id);
                        insert.setObject(p++, wave);
                        insert.setObject(p++, UUID.randomUUID());
                        insert.setString(p++, "JAPAN");
                        insert.setString(p++, "STAFF");
                        insert.setString(p++, "ja");
                        insert.setString(p++, "Asia/Tokyo");
                        insert.setTimestamp(p++, sendAt);
                    }
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement insert = owner.prepareStatement(values("""
                    INSERT INTO bench_mail_outbox (tenant_id, id, invitation_id, kind, status, send_after)
                    VALUES """, "(?, ?, ?, ?, 'PENDING', ?)"))) {
                for (int done = 0; done < 2 * PARTICIPANTS; done += ROWS_PER_STATEMENT) {
                    int p = 1;
                    for (int row = 0; row < ROWS_PER_STATEMENT; row++) {
                        int n = done + row;
                        boolean reminder = n >= PARTICIPANTS;
                        insert.setObject(p++, tenant);
                        insert.setObject(p++, UUID.randomUUID());
                        insert.setObject(p++, invitations[n % PARTICIPANTS]);
                        insert.setString(p++, reminder ? "REMINDER" : "INVITATION");
                        insert.setTimestamp(p++, reminder ? remindAt : sendAt);
                    }
                    insert.executeUpdate();
                }
            }
            owner.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(Bench.count(owner, "SELECT count(*) FROM bench_invitation WHERE wave_id = ?", wave)).isEqualTo(PARTICIPANTS);
            return seconds;
        }
    }

    private static String values(String insert, String row) {
        return insert + String.join(", ", java.util.Collections.nCopies(ROWS_PER_STATEMENT, row));
    }

    /**
     * Where the time goes: EXPLAIN ANALYZE of the wave's two set-based statements (copied from
     * InvitationWriter) for a copy of the last wave, as the app role in its tenant, rolled back.
     */
    private void explain(UUID tenant, UUID waveId) throws Exception {
        try (Connection app = Bench.app(url, tenant)) {
            app.setAutoCommit(false);
            UUID copy = UUID.randomUUID();
            try (PreparedStatement statement = app.prepareStatement("""
                    INSERT INTO wave (tenant_id, id, schedule_id, instrument_version_id, occurrence_date, kind, status, opens_at, closes_at)
                    SELECT tenant_id, ?, schedule_id, instrument_version_id, occurrence_date, kind, status, opens_at, closes_at
                    FROM wave WHERE id = ?""")) {
                statement.setObject(1, copy);
                statement.setObject(2, waveId);
                statement.executeUpdate();
            }
            plan("invitations", app, """
                    EXPLAIN (ANALYZE, COSTS OFF)
                    INSERT INTO invitation (tenant_id, id, wave_id, participant_id, side, level, language, time_zone, send_at)
                    SELECT current_tenant_id(), gen_random_uuid(), '%s', p.id, p.side, p.level, p.language, p.time_zone,
                           CASE p.side WHEN 'JAPAN' THEN now() WHEN 'HQ' THEN now() ELSE now() END
                    FROM participant p
                    WHERE p.active AND (cardinality('{}'::text[]) = 0 OR p.side = ANY ('{}'::text[]))
                      AND (cardinality('{}'::text[]) = 0 OR p.level = ANY ('{}'::text[]))""".formatted(copy));
            plan("outbox", app, """
                    EXPLAIN (ANALYZE, COSTS OFF)
                    INSERT INTO mail_outbox (tenant_id, id, invitation_id, kind, status, send_after)
                    SELECT current_tenant_id(), gen_random_uuid(), i.id, 'INVITATION', 'PENDING', i.send_at
                    FROM invitation i WHERE i.wave_id = '%1$s'
                    UNION ALL
                    SELECT current_tenant_id(), gen_random_uuid(), i.id, 'REMINDER', 'PENDING', i.send_at + make_interval(days => r.days)
                    FROM invitation i CROSS JOIN unnest('{2}'::int[]) AS r(days)
                    WHERE i.wave_id = '%1$s' AND i.send_at + make_interval(days => r.days) < now() + interval '5 days'""".formatted(copy));
            app.rollback();
        }
    }

    private static void plan(String what, Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                Bench.report(NAME, "explain %s | %s", what, rs.getString(1));
            }
        }
    }
}
