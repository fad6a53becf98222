package com.kakehashi.invitation;

import com.kakehashi.support.ScratchMigration;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.kakehashi.support.ScratchMigration.exec;
import static com.kakehashi.support.ScratchMigration.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liquibase 0030 on a database with links already mailed and alerts already evaluated: every token
 * still opens its form through the tenant-less lookup, an unknown one still resolves to nobody,
 * every evaluation row survives with an id of its own, and the new keys lead with tenant_id.
 */
class ShardReadyKeysMigrationTest {

    private static final UUID TENANT_A = UUID.randomUUID();
    private static final UUID TENANT_B = UUID.randomUUID();

    @Test
    void mailedLinksStillResolveAndEvaluationsKeepTheirRowsUnderTheTenantLedKeys() throws Exception {
        try (ScratchMigration db = ScratchMigration.upTo("_shardkeys", "0030")) {
            Connection c = db.owner();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            UUID invitationA = oldShapeRows(c, TENANT_A, "a-token");
            UUID invitationB = oldShapeRows(c, TENANT_B, "b-token");

            db.rest();

            try (Connection app = DriverManager.getConnection(db.url(), "kakehashi_app", "kakehashi_app")) {
                assertThat(resolve(app, "a-token", now)).containsExactly(Map.of("tenant_id", TENANT_A.toString(),
                        "invitation_id", invitationA.toString()));
                assertThat(resolve(app, "b-token", now)).containsExactly(Map.of("tenant_id", TENANT_B.toString(),
                        "invitation_id", invitationB.toString()));
                assertThat(resolve(app, "never-issued", now)).as("an unknown token reveals nothing").isEmpty();
                assertThat(resolve(app, "a-token", now.plus(30, ChronoUnit.DAYS))).as("expired").isEmpty();
            }
            for (UUID tenant : List.of(TENANT_A, TENANT_B)) {
                c.setAutoCommit(false);
                exec(c, "SELECT set_config('app.tenant_id', ?, true)", tenant.toString());
                List<Map<String, String>> evaluations = rows(c, "SELECT id, rule, sign FROM alert_evaluation ORDER BY rule");
                assertThat(evaluations).hasSize(2).allSatisfy(e -> assertThat(e.get("id")).isNotNull());
                assertThat(evaluations).extracting(e -> e.get("rule")).containsExactly("RESPONSE_RATE_DROP", "SIGN_ABOVE_THRESHOLD");
                assertThat(rows(c, "SELECT count(*) AS n FROM invitation_token WHERE tenant_id = current_tenant_id()").getFirst()).containsEntry("n", "1");
                c.commit();
            }
            c.setAutoCommit(true);
            assertThat(rows(c, """
                    SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
                    WHERE conrelid IN ('invitation_token'::regclass, 'alert_evaluation'::regclass) AND contype = 'p'
                    ORDER BY conname""")).extracting(r -> r.get("def"))
                    .containsExactly("PRIMARY KEY (tenant_id, id)", "PRIMARY KEY (tenant_id, token_hash)");
        }
    }

    /** A tenant with a wave, one invitation and its mailed token, and two evaluations, as they were before 0030. */
    private static UUID oldShapeRows(Connection c, UUID tenant, String token) throws Exception {
        c.setAutoCommit(false);
        exec(c, "SELECT set_config('app.tenant_id', ?, true)", tenant.toString());
        ScratchMigration.Pulse pulse = ScratchMigration.pulse(c, tenant, "Shard keys", UUID.randomUUID());
        UUID wave = UUID.randomUUID();
        exec(c, """
                INSERT INTO wave (tenant_id, id, schedule_id, instrument_version_id, occurrence_date, kind, status, opens_at, closes_at)
                VALUES (?, ?, ?, ?, ?, 'SCHEDULED', 'OPEN', now(), now() + interval '7 days')
                """, tenant, wave, pulse.schedule(), pulse.version(), LocalDate.of(2025, 1, 15));
        UUID invitation = UUID.randomUUID();
        exec(c, """
                INSERT INTO invitation (tenant_id, id, wave_id, side, level, language, time_zone, send_at)
                VALUES (?, ?, ?, 'JAPAN', 'STAFF', 'ja', 'Asia/Tokyo', now())
                """, tenant, invitation, wave);
        exec(c, "INSERT INTO invitation_token (token_hash, tenant_id, invitation_id, expires_at) VALUES (?, ?, ?, ?)",
                hash(token), tenant, invitation, Timestamp.from(Instant.now().plus(7, ChronoUnit.DAYS)));
        exec(c, """
                INSERT INTO alert_evaluation (tenant_id, wave_id, rule, sign, side, outcome, reason)
                VALUES (?, ?, 'SIGN_ABOVE_THRESHOLD', 'EXCLUSION', 'JAPAN', 'CLEAR', 'below'),
                       (?, ?, 'RESPONSE_RATE_DROP', NULL, NULL, 'NOT_TESTED', 'too few')
                """, tenant, wave, tenant, wave);
        c.commit();
        c.setAutoCommit(true);
        return invitation;
    }

    private static List<Map<String, String>> resolve(Connection app, String token, Instant at) throws Exception {
        try (var ps = app.prepareStatement("SELECT tenant_id, invitation_id FROM resolve_invitation_token(?, ?)")) {
            ps.setBytes(1, hash(token));
            ps.setTimestamp(2, Timestamp.from(at));
            try (var rs = ps.executeQuery()) {
                List<Map<String, String>> result = new java.util.ArrayList<>();
                while (rs.next()) {
                    result.add(Map.of("tenant_id", rs.getString(1), "invitation_id", rs.getString(2)));
                }
                return result;
            }
        }
    }

    private static byte[] hash(String token) throws SQLException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
