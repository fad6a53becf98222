package com.kakehashi.action;

import com.kakehashi.support.ScratchMigration;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static com.kakehashi.support.ScratchMigration.exec;
import static com.kakehashi.support.ScratchMigration.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Liquibase 0026 on a database with mail in the outbox: invitation and alert mails stay valid under the
 * widened kind check; the new tables refuse what the service refuses (an action without signs, a
 * dropped one without its reason, an owner who is both a user and a named person, an action notice
 * without its action, the same notice twice for one action, event and address).
 */
class ActionsMigrationTest {

    private static final UUID TENANT = UUID.randomUUID();

    @Test
    void mailQueuedBefore0026StaysValidAndTheNewTablesRefuseBrokenActionsAndDoubleNotices() throws Exception {
        try (ScratchMigration db = ScratchMigration.upTo("_actions", "0026")) {
            Connection c = db.owner();
            c.setAutoCommit(false);
            exec(c, "SELECT set_config('app.tenant_id', ?, true)", TENANT.toString());
            UUID engagement = UUID.randomUUID();
            ScratchMigration.Pulse pulse = ScratchMigration.pulse(c, TENANT, "Actions migration", engagement);
            UUID wave = UUID.randomUUID();
            exec(c, """
                    INSERT INTO wave (tenant_id, id, schedule_id, instrument_version_id, occurrence_date, kind, status, opens_at, closes_at)
                    VALUES (?, ?, ?, ?, ?, 'SCHEDULED', 'OPEN', now(), now() + interval '7 days')
                    """, TENANT, wave, pulse.schedule(), pulse.version(), LocalDate.of(2025, 1, 15));
            UUID alert = UUID.randomUUID();
            exec(c, """
                    INSERT INTO alert (tenant_id, id, engagement_id, wave_id, opened_wave_id, rule, sign, side, severity, value, threshold)
                    VALUES (?, ?, ?, ?, ?, 'SIGN_ABOVE_THRESHOLD', 'EXCLUSION', 'JAPAN', 'HIGH', 72, 60)
                    """, TENANT, alert, engagement, wave, wave);
            UUID alertMail = UUID.randomUUID();
            exec(c, """
                    INSERT INTO mail_outbox (tenant_id, id, kind, status, send_after, alert_id, wave_id, user_id, email)
                    VALUES (?, ?, 'ALERT', 'SENT', now(), ?, ?, ?, 'c@x.example')
                    """, TENANT, alertMail, alert, wave, UUID.randomUUID());
            c.commit();
            c.setAutoCommit(true);
            exec(c, "SELECT set_config('app.tenant_id', ?, false)", TENANT.toString());
            Map<String, String> before = rows(c, "SELECT * FROM mail_outbox WHERE id = '" + alertMail + "'").getFirst();

            db.rest();
            exec(c, "SELECT set_config('app.tenant_id', ?, false)", TENANT.toString());

            assertThat(rows(c, "SELECT * FROM mail_outbox WHERE id = '" + alertMail + "'").getFirst()).containsAllEntriesOf(before)
                    .containsEntry("action_id", null).containsEntry("action_event", null);
            UUID action = UUID.randomUUID();
            exec(c, """
                    INSERT INTO action (tenant_id, id, engagement_id, alert_id, title, language, signs, start_on, due_on, status,
                                        created_by, created_at, updated_at)
                    VALUES (?, ?, ?, ?, 'Pre-brief', 'en', '{EXCLUSION}', '2025-02-01', '2025-03-01', 'PROPOSED', ?, now(), now())
                    """, TENANT, action, engagement, alert, UUID.randomUUID());
            assertThatThrownBy(() -> exec(c, """
                    INSERT INTO action (tenant_id, id, engagement_id, title, language, signs, start_on, due_on, status,
                                        created_by, created_at, updated_at)
                    VALUES (?, ?, ?, 'No signs', 'en', '{}', '2025-02-01', '2025-03-01', 'PROPOSED', ?, now(), now())
                    """, TENANT, UUID.randomUUID(), engagement, UUID.randomUUID())).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> exec(c, "UPDATE action SET status = 'DROPPED', dropped_on = '2025-02-10' WHERE id = ?", action))
                    .as("dropped without a reason").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> exec(c, """
                    INSERT INTO action_owner (tenant_id, action_id, side, user_id, name, email, language)
                    VALUES (?, ?, 'HQ', ?, 'Both', 'both@x.example', 'en')
                    """, TENANT, action, UUID.randomUUID())).as("a user and a named person at once").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> exec(c, """
                    INSERT INTO mail_outbox (tenant_id, id, kind, status, send_after, email) VALUES (?, ?, 'ACTION', 'PENDING', now(), 'a@x.example')
                    """, TENANT, UUID.randomUUID())).as("an action notice without its action").isInstanceOf(SQLException.class);
            String notice = """
                    INSERT INTO mail_outbox (tenant_id, id, kind, status, send_after, action_id, action_event, email, language)
                    VALUES (?, ?, 'ACTION', 'PENDING', now(), ?, 'OVERDUE', 'sato@x.example', 'ja')
                    """;
            exec(c, notice, TENANT, UUID.randomUUID(), action);
            assertThatThrownBy(() -> exec(c, notice, TENANT, UUID.randomUUID(), action)).as("the same notice twice")
                    .isInstanceOf(SQLException.class);
            exec(c, "DELETE FROM alert WHERE id = ?", alert);
            assertThat(rows(c, "SELECT alert_id FROM action WHERE id = '" + action + "'").getFirst())
                    .as("an alert that goes leaves its action, unlinked").containsEntry("alert_id", null);
        }
    }
}
