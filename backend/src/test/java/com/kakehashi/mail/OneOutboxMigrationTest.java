package com.kakehashi.mail;

import com.kakehashi.support.ScratchMigration;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.kakehashi.support.ScratchMigration.exec;
import static com.kakehashi.support.ScratchMigration.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Liquibase 0023 on a database with both outboxes: a scratch database migrated up to 0022, alert
 * mails in every status beside an invitation mail, then the rest of the changelog. Every alert mail
 * must arrive in mail_outbox as kind ALERT with all it had (status, attempts, error, times,
 * address), the invitation mail must be untouched, and the old rows stay, read-only.
 */
class OneOutboxMigrationTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final String ALERT_COLUMNS = "id, status, attempts, last_error, send_after, sent_at, created_at, alert_id, wave_id, user_id, email";

    @Test
    void everyAlertMailMovesIntoTheOneOutboxAndTheOldRowsStayReadOnly() throws Exception {
        String url;
        try (ScratchMigration db = ScratchMigration.upTo("_outbox", "0023")) {
            url = db.url();
            Connection c = db.owner();
            UUID invitationMail = bothOutboxes(c);
            List<Map<String, String>> alertMails = rows(c, "SELECT " + ALERT_COLUMNS + " FROM alert_mail_outbox ORDER BY id");
            Map<String, String> invitationRow = rows(c, "SELECT * FROM mail_outbox WHERE id = '" + invitationMail + "'").getFirst();

            db.rest();
            exec(c, "SELECT set_config('app.tenant_id', ?, false)", TENANT.toString());

            assertThat(alertMails).hasSize(3);
            assertThat(rows(c, "SELECT " + ALERT_COLUMNS + " FROM mail_outbox WHERE kind = 'ALERT' ORDER BY id"))
                    .as("every alert mail, field for field").isEqualTo(alertMails);
            Map<String, String> invitationAfter = rows(c, "SELECT * FROM mail_outbox WHERE id = '" + invitationMail + "'").getFirst();
            assertThat(invitationAfter).containsAllEntriesOf(invitationRow)
                    .containsEntry("alert_id", null).containsEntry("email", null);
            assertThat(rows(c, "SELECT " + ALERT_COLUMNS + " FROM alert_mail_outbox_before_0023 ORDER BY id"))
                    .as("the old rows are kept").isEqualTo(alertMails);
            assertThat(rows(c, "SELECT to_regclass('alert_mail_outbox') AS t").getFirst()).containsEntry("t", null);
        }
        try (Connection app = DriverManager.getConnection(url, OutboxRows.APP_ROLE, OutboxRows.APP_ROLE)) {
            exec(app, "SELECT set_config('app.tenant_id', ?, false)", TENANT.toString());
            assertThat(rows(app, "SELECT count(*) AS n FROM alert_mail_outbox_before_0023").getFirst()).containsEntry("n", "3");
            assertThatThrownBy(() -> exec(app, "DELETE FROM alert_mail_outbox_before_0023")).isInstanceOf(SQLException.class);
        }
    }

    /** One alert mail per status (one already retried), and a pending invitation mail; @return the invitation mail's id */
    private static UUID bothOutboxes(Connection c) throws SQLException {
        c.setAutoCommit(false);
        exec(c, "SELECT set_config('app.tenant_id', ?, true)", TENANT.toString());
        UUID engagement = UUID.randomUUID();
        ScratchMigration.Pulse pulse = ScratchMigration.pulse(c, TENANT, "Outbox migration", engagement);
        UUID version = pulse.version();
        UUID schedule = pulse.schedule();
        UUID wave = UUID.randomUUID();
        exec(c, """
                INSERT INTO wave (tenant_id, id, schedule_id, instrument_version_id, occurrence_date, kind, status, opens_at, closes_at)
                VALUES (?, ?, ?, ?, ?, 'SCHEDULED', 'OPEN', now(), now() + interval '7 days')
                """, TENANT, wave, schedule, version, LocalDate.of(2025, 1, 15));
        UUID alert = UUID.randomUUID();
        exec(c, """
                INSERT INTO alert (tenant_id, id, engagement_id, wave_id, opened_wave_id, rule, sign, side, severity, value, threshold)
                VALUES (?, ?, ?, ?, ?, 'SIGN_ABOVE_THRESHOLD', 'EXCLUSION', 'JAPAN', 'HIGH', 72, 60)
                """, TENANT, alert, engagement, wave, wave);
        String[][] mails = {
                {"PENDING", "2", "SocketException: refused", null},
                {"SENT", "1", null, "sent"},
                {"FAILED", "8", "SMTPSendFailedException: 550 <address>", null}};
        for (String[] mail : mails) {
            exec(c, """
                    INSERT INTO alert_mail_outbox (tenant_id, id, alert_id, wave_id, user_id, email, status, attempts, last_error,
                                                   send_after, sent_at, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now() + interval '5 minutes', CASE WHEN ?::text IS NOT NULL THEN now() END,
                            now() - interval '1 hour')
                    """, TENANT, UUID.randomUUID(), alert, wave, UUID.randomUUID(), "consultant-" + mail[0] + "@x.example",
                    mail[0], Integer.parseInt(mail[1]), mail[2], mail[3]);
        }
        UUID participant = UUID.randomUUID();
        exec(c, """
                INSERT INTO participant (tenant_id, id, email, display_name, side, level, language, time_zone)
                VALUES (?, ?, 'p@x.example', 'P', 'JAPAN', 'STAFF', 'ja', 'Asia/Tokyo')
                """, TENANT, participant);
        UUID invitation = UUID.randomUUID();
        exec(c, """
                INSERT INTO invitation (tenant_id, id, wave_id, participant_id, side, level, language, time_zone, send_at)
                VALUES (?, ?, ?, ?, 'JAPAN', 'STAFF', 'ja', 'Asia/Tokyo', now())
                """, TENANT, invitation, wave, participant);
        UUID invitationMail = UUID.randomUUID();
        exec(c, "INSERT INTO mail_outbox (tenant_id, id, invitation_id, kind, status, send_after) VALUES (?, ?, ?, 'INVITATION', 'PENDING', now())",
                TENANT, invitationMail, invitation);
        c.commit();
        c.setAutoCommit(true);
        exec(c, "SELECT set_config('app.tenant_id', ?, false)", TENANT.toString());
        return invitationMail;
    }
}
