package com.kakehashi.respond;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Plain SQL of the respondent page. {@link #token} resolves one token hash through the database
 * function {@code resolve_invitation_token} (no tenant needed; the token table itself is under RLS);
 * everything else runs inside the invitation's tenant, where Row Level Security scopes each table,
 * and new rows take their tenant from {@code current_tenant_id()}.
 */
@Singleton
class RespondStore {

    record TokenRow(UUID tenantId, UUID invitationId) {
    }

    private final JdbcOperations jdbc;

    RespondStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Expiry is judged by the application clock, like the wave's own window, not the database's. */
    @Transactional
    Optional<TokenRow> token(byte[] hash, Instant now) {
        return jdbc.prepareStatement("""
                SELECT tenant_id, invitation_id FROM resolve_invitation_token(?, ?)
                """, ps -> {
            ps.setBytes(1, hash);
            ps.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new TokenRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                        : Optional.empty();
            }
        });
    }

    /** In the tenant in context. */
    @Transactional
    Optional<Invitee> invitee(UUID invitationId) {
        return jdbc.prepareStatement("""
                SELECT i.id, i.wave_id, i.side, i.level, i.language, i.time_zone, i.send_at, i.responded,
                       w.status = 'OPEN', w.closes_at, w.instrument_version_id,
                       s.survey_title_en, s.survey_title_ja
                FROM invitation i
                JOIN wave w ON w.tenant_id = i.tenant_id AND w.id = i.wave_id
                JOIN pulse_schedule s ON s.tenant_id = w.tenant_id AND s.id = w.schedule_id
                WHERE i.id = ?
                """, ps -> {
            ps.setObject(1, invitationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Invitee(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        Side.valueOf(rs.getString(3)), Level.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), rs.getBoolean(8), rs.getBoolean(9), rs.getTimestamp(10).toInstant(),
                        rs.getObject(11, UUID.class), rs.getString(12), rs.getString(13)));
            }
        });
    }

    /**
     * One statement, so one round trip: the invitation is marked answered only if it was not (the
     * row lock makes a concurrent submission of the same token wait, re-check and update nothing),
     * and only then are the response and its answers stored, with nothing that leads back to the
     * invitation or the participant. Storing the response queues it for the insight rollups (trigger).
     *
     * @return false if the invitation had already been answered (nothing is stored)
     */
    @Transactional
    boolean record(UUID invitationId, UUID waveId, Side side, Level level, String language, DelayBucket delay,
                   Map<String, Integer> answers, String comment) {
        String[] codes = answers.keySet().toArray(String[]::new);
        Integer[] values = answers.values().toArray(Integer[]::new);
        return jdbc.prepareStatement("""
                WITH marked AS (
                    UPDATE invitation SET responded = true WHERE id = ? AND NOT responded RETURNING id),
                stored AS (
                    INSERT INTO response (tenant_id, id, wave_id, side, level, language, delay_bucket, comment)
                    SELECT current_tenant_id(), gen_random_uuid(), ?, ?, ?, ?, ?, ? FROM marked
                    RETURNING id),
                answered AS (
                    INSERT INTO response_answer (tenant_id, response_id, item_code, value)
                    SELECT current_tenant_id(), stored.id, a.code, a.value
                    FROM stored CROSS JOIN unnest(?::text[], ?::smallint[]) AS a(code, value))
                SELECT count(*) FROM stored
                """, (PreparedStatement ps) -> {
            ps.setObject(1, invitationId);
            ps.setObject(2, waveId);
            ps.setString(3, side.name());
            ps.setString(4, level.name());
            ps.setString(5, language);
            ps.setString(6, delay.name());
            ps.setString(7, comment);
            ps.setArray(8, ps.getConnection().createArrayOf("text", codes));
            ps.setArray(9, ps.getConnection().createArrayOf("integer", values));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        });
    }
}
