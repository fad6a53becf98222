package com.kakehashi.alert;

import com.kakehashi.support.ScratchMigration;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.kakehashi.support.ScratchMigration.exec;
import static com.kakehashi.support.ScratchMigration.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alert's migrations on data in the old shape. 0019 on alerts in the old per-wave shape: a scratch database migrated up to 0018, rows
 * written as the old code wrote them (several waves of one condition, notes and mails on different
 * rows, mixed statuses), then the rest of the changelog. Nothing may be lost: every old row is an
 * observation, every note and mail is kept and points at the kept row, whose id is the earliest.
 */
class AlertConditionMigrationTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID ENGAGEMENT = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();

    @Test
    void perWaveAlertsBecomeOneConditionPerKeyWithTheirHistoryNotesAndMails() throws Exception {
        migrateAround("_mig", "0019", (c, ids) -> {
            assertThat(rows(c, "SELECT column_name FROM information_schema.columns WHERE table_name = 'alert' AND column_name = 'opened_wave_id'")).isEmpty();
        }, (c, ids) -> {
            List<Map<String, String>> alerts = rows(c, "SELECT * FROM alert ORDER BY rule");
            assertThat(alerts).hasSize(2);
            Map<String, String> above = alerts.stream().filter(a -> a.get("rule").equals("SIGN_ABOVE_THRESHOLD")).findFirst().orElseThrow();
            assertThat(above).containsEntry("id", ids.get("a1").toString())
                    .containsEntry("opened_wave_id", ids.get("w1").toString())
                    .containsEntry("wave_id", ids.get("w3").toString())
                    .containsEntry("value", "72")
                    .containsEntry("status", "OPEN");
            Map<String, String> gap = alerts.stream().filter(a -> a.get("rule").equals("GAP_WIDENING")).findFirst().orElseThrow();
            assertThat(gap).containsEntry("id", ids.get("g1").toString()).containsEntry("status", "RESOLVED")
                    .containsEntry("resolved_reason", "PERSON").containsEntry("resolved_by", USER.toString());

            assertThat(rows(c, "SELECT o.wave_id, o.outcome, o.value FROM alert_observation o JOIN wave w ON w.id = o.wave_id "
                    + "WHERE o.alert_id = '" + ids.get("a1") + "' ORDER BY w.occurrence_date"))
                    .extracting(r -> r.get("wave_id") + " " + r.get("outcome") + " " + r.get("value"))
                    .containsExactly(ids.get("w1") + " FIRED 65", ids.get("w2") + " FIRED 70", ids.get("w3") + " FIRED 72");
            assertThat(rows(c, "SELECT text FROM alert_note WHERE alert_id = '" + ids.get("a1") + "' ORDER BY created_at"))
                    .extracting(r -> r.get("text")).containsExactly("first look", "second look");
            assertThat(rows(c, "SELECT wave_id, status FROM mail_outbox WHERE kind = 'ALERT' AND alert_id = '" + ids.get("a1") + "' ORDER BY wave_id"))
                    .extracting(r -> r.get("wave_id")).containsExactlyInAnyOrder(ids.get("w1").toString(), ids.get("w2").toString());
            assertThat(rows(c, "SELECT id FROM alert_before_0019")).hasSize(4);
            assertThat(rows(c, "SELECT count(*) AS n FROM alert_observation").getFirst()).containsEntry("n", "4");
        });
    }

    /** Liquibase 0024: alert keeps its own record of closed waves; every closed wave and its marker move there. */
    @Test
    void closedWavesAndTheirEvaluationMarkersMoveIntoAlertsOwnTable() throws Exception {
        migrateAround("_mig24", "0019", (c, ids) -> {
            exec(c, "SELECT set_config('app.tenant_id', ?, false)", TENANT.toString());
            exec(c, "UPDATE wave SET alerts_evaluated_at = '2025-01-20T10:00:00Z' WHERE id = ?", ids.get("w1"));
        }, (c, ids) -> {
            assertThat(rows(c, "SELECT wave_id, engagement_id, occurrence_date, evaluated_at IS NOT NULL AS marked FROM alert_wave ORDER BY occurrence_date"))
                    .extracting(r -> r.get("wave_id") + " " + r.get("engagement_id") + " " + r.get("marked"))
                    .containsExactly(ids.get("w1") + " " + ENGAGEMENT + " t", ids.get("w2") + " " + ENGAGEMENT + " f",
                            ids.get("w3") + " " + ENGAGEMENT + " f");
            assertThat(rows(c, "SELECT column_name FROM information_schema.columns WHERE table_name = 'wave' AND column_name = 'alerts_evaluated_at'"))
                    .as("the marker lives in alert's table only").isEmpty();
        });
    }

    private interface Step {
        void run(Connection c, Map<String, UUID> ids) throws SQLException;
    }

    /** {@link ScratchMigration} up to {@code stopBefore}, {@link #oldShape}, {@code before}, the rest, {@code after} in the tenant. */
    private static void migrateAround(String suffix, String stopBefore, Step before, Step after) throws Exception {
        try (ScratchMigration db = ScratchMigration.upTo(suffix, stopBefore)) {
            Connection c = db.owner();
            Map<String, UUID> ids = oldShape(c);
            before.run(c, ids);
            db.rest();
            exec(c, "SELECT set_config('app.tenant_id', ?, false)", TENANT.toString());
            after.run(c, ids);
        }
    }

    /** Three waves; SIGN_ABOVE_THRESHOLD JAPAN fired in each (resolved, acknowledged, open), the gap once (resolved). */
    private static Map<String, UUID> oldShape(Connection c) throws SQLException {
        c.setAutoCommit(false);
        exec(c, "SELECT set_config('app.tenant_id', ?, true)", TENANT.toString());
        ScratchMigration.Pulse pulse = ScratchMigration.pulse(c, TENANT, "Migration", ENGAGEMENT);
        UUID version = pulse.version();
        UUID schedule = pulse.schedule();
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            UUID wave = UUID.randomUUID();
            ids.put("w" + i, wave);
            exec(c, """
                    INSERT INTO wave (tenant_id, id, schedule_id, instrument_version_id, occurrence_date, kind, status, opens_at,
                                      closes_at, closed_at)
                    VALUES (?, ?, ?, ?, ?, 'SCHEDULED', 'CLOSED', now(), now(), now())
                    """, TENANT, wave, schedule, version, LocalDate.of(2025, 1, 1).plusWeeks(2L * i));
        }
        // Created in reverse order on purpose: the earliest wave's row keeps its id, not the first created.
        String[][] above = {{"a3", "w3", "72", "OPEN"}, {"a2", "w2", "70", "ACKNOWLEDGED"}, {"a1", "w1", "65", "RESOLVED"}};
        int minute = 0;
        for (String[] a : above) {
            UUID id = UUID.randomUUID();
            ids.put(a[0], id);
            exec(c, """
                    INSERT INTO alert (tenant_id, id, engagement_id, wave_id, rule, sign, side, severity, value, threshold, history,
                                       status, created_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by)
                    VALUES (?, ?, ?, ?, 'SIGN_ABOVE_THRESHOLD', 'EXCLUSION', 'JAPAN', 'HIGH', ?, 60, '{}', ?,
                            now() + make_interval(mins => ?), CASE WHEN ? <> 'OPEN' THEN now() END, CASE WHEN ? <> 'OPEN' THEN ?::uuid END,
                            CASE WHEN ? = 'RESOLVED' THEN now() END, CASE WHEN ? = 'RESOLVED' THEN ?::uuid END)
                    """, TENANT, id, ENGAGEMENT, ids.get(a[1]), Double.parseDouble(a[2]), a[3], minute++, a[3], a[3], USER, a[3], a[3], USER);
        }
        UUID g1 = UUID.randomUUID();
        ids.put("g1", g1);
        exec(c, """
                INSERT INTO alert (tenant_id, id, engagement_id, wave_id, rule, sign, side, severity, value, threshold, history,
                                   status, resolved_at, resolved_by)
                VALUES (?, ?, ?, ?, 'GAP_WIDENING', 'EXCLUSION', NULL, 'HIGH', 20, 15, '{5,10}', 'RESOLVED', now(), ?)
                """, TENANT, g1, ENGAGEMENT, ids.get("w2"), USER);
        exec(c, "INSERT INTO alert_note (tenant_id, id, alert_id, author_email, text, created_at) VALUES (?, ?, ?, 'c@x.example', 'first look', now())",
                TENANT, UUID.randomUUID(), ids.get("a1"));
        exec(c, "INSERT INTO alert_note (tenant_id, id, alert_id, author_email, text, created_at) VALUES (?, ?, ?, 'c@x.example', 'second look', now() + interval '1 hour')",
                TENANT, UUID.randomUUID(), ids.get("a2"));
        // The same consultant was mailed about two waves of the condition: both rows must survive the merge.
        for (String a : List.of("a1", "a2")) {
            exec(c, "INSERT INTO alert_mail_outbox (tenant_id, id, alert_id, user_id, email, status) VALUES (?, ?, ?, ?, 'c@x.example', 'SENT')",
                    TENANT, UUID.randomUUID(), ids.get(a), USER);
        }
        c.commit();
        c.setAutoCommit(true);
        return ids;
    }
}
