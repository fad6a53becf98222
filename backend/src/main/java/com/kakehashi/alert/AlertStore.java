package com.kakehashi.alert;

import com.kakehashi.participant.Side;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of the alert tables for the tenant in context (Row Level Security scopes every statement); callers hold the transaction. */
@Singleton
class AlertStore {

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** A due mail with what it says. */
    record DueMail(UUID id, String email, int attempts, AlertView alert) {
    }

    private static final String ALERT_COLUMNS = """
            a.id, a.engagement_id, a.wave_id, w.occurrence_date, a.rule, a.sign, a.side, a.severity, a.value, a.threshold,
            a.history, a.status, a.created_at, a.updated_at, a.acknowledged_at, a.acknowledged_by, a.resolved_at, a.resolved_by
            """;

    private final JdbcOperations jdbc;

    AlertStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AlertSettings> settings() {
        return list("""
                SELECT risk_threshold, worsening_waves, worsening_step, gap_waves, gap_threshold, response_rate_drop,
                       neutral_share_threshold FROM alert_settings
                """, ps -> { }, rs -> new AlertSettings(rs.getDouble(1), rs.getInt(2), rs.getDouble(3), rs.getInt(4),
                rs.getDouble(5), rs.getDouble(6), rs.getDouble(7))).stream().findFirst();
    }

    void saveSettings(AlertSettings s) {
        update("""
                INSERT INTO alert_settings (tenant_id, risk_threshold, worsening_waves, worsening_step, gap_waves, gap_threshold,
                                            response_rate_drop, neutral_share_threshold)
                VALUES (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET risk_threshold = EXCLUDED.risk_threshold,
                    worsening_waves = EXCLUDED.worsening_waves, worsening_step = EXCLUDED.worsening_step,
                    gap_waves = EXCLUDED.gap_waves, gap_threshold = EXCLUDED.gap_threshold,
                    response_rate_drop = EXCLUDED.response_rate_drop,
                    neutral_share_threshold = EXCLUDED.neutral_share_threshold, updated_at = now()
                """, ps -> {
            ps.setDouble(1, s.riskThreshold());
            ps.setInt(2, s.worseningWaves());
            ps.setDouble(3, s.worseningStep());
            ps.setInt(4, s.gapWaves());
            ps.setDouble(5, s.gapThreshold());
            ps.setDouble(6, s.responseRateDrop());
            ps.setDouble(7, s.neutralSharePercent());
        });
    }

    Optional<UUID> engagementOfWave(UUID waveId) {
        return list("""
                SELECT s.engagement_id FROM wave w JOIN pulse_schedule s ON s.tenant_id = w.tenant_id AND s.id = w.schedule_id
                WHERE w.id = ?
                """, ps -> ps.setObject(1, waveId), rs -> rs.getObject(1, UUID.class)).stream().findFirst();
    }

    /** Marks a closed wave's rules as run; an open wave stays unmarked. */
    void markEvaluated(UUID waveId) {
        update("UPDATE wave SET alerts_evaluated_at = now() WHERE id = ? AND status = 'CLOSED'", ps -> ps.setObject(1, waveId));
    }

    /** Closed waves whose rules never ran to the end, oldest first. */
    List<UUID> unevaluatedWaves(int limit) {
        return list("""
                SELECT id FROM wave WHERE status = 'CLOSED' AND alerts_evaluated_at IS NULL
                ORDER BY occurrence_date, closed_at, id LIMIT ?
                """, ps -> ps.setInt(1, limit), rs -> rs.getObject(1, UUID.class));
    }

    /**
     * The occurrence date from which the last {@code count} closed waves of the engagement, up to
     * and including the given one, are found; empty if there are fewer.
     */
    Optional<java.time.LocalDate> windowStart(UUID engagementId, UUID waveId, int count) {
        return list("""
                SELECT w.occurrence_date FROM wave w
                JOIN pulse_schedule s ON s.tenant_id = w.tenant_id AND s.id = w.schedule_id
                WHERE s.engagement_id = ? AND w.status = 'CLOSED'
                  AND w.occurrence_date <= (SELECT occurrence_date FROM wave WHERE id = ?)
                ORDER BY w.occurrence_date DESC LIMIT 1 OFFSET ?
                """, ps -> {
            ps.setObject(1, engagementId);
            ps.setObject(2, waveId);
            ps.setInt(3, count - 1);
        }, rs -> rs.getObject(1, java.time.LocalDate.class)).stream().findFirst();
    }

    /** @return the new alert's id, or empty if this (wave, rule, sign, side) already has one */
    Optional<UUID> insert(UUID engagementId, UUID waveId, AlertRules.Finding f) {
        UUID id = UUID.randomUUID();
        int inserted = update("""
                INSERT INTO alert (tenant_id, id, engagement_id, wave_id, rule, sign, side, severity, value, threshold, history)
                VALUES (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT alert_once DO NOTHING
                """, ps -> {
            ps.setObject(1, id);
            ps.setObject(2, engagementId);
            ps.setObject(3, waveId);
            ps.setString(4, f.rule().name());
            ps.setString(5, f.sign());
            ps.setString(6, f.side() == null ? null : f.side().name());
            ps.setString(7, f.severity());
            ps.setDouble(8, f.value());
            ps.setDouble(9, f.threshold());
            ps.setArray(10, ps.getConnection().createArrayOf("float8", f.history().toArray()));
        });
        return inserted == 0 ? Optional.empty() : Optional.of(id);
    }

    void queueMail(UUID alertId, UUID userId, String email) {
        update("""
                INSERT INTO alert_mail_outbox (tenant_id, id, alert_id, user_id, email) VALUES (current_tenant_id(), ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT alert_mail_once DO NOTHING
                """, ps -> {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, alertId);
            ps.setObject(3, userId);
            ps.setString(4, email);
        });
    }

    List<AlertView> list(@Nullable AlertStatus status) {
        return list("SELECT " + ALERT_COLUMNS + """
                FROM alert a JOIN wave w ON w.tenant_id = a.tenant_id AND w.id = a.wave_id
                WHERE (?::text IS NULL OR a.status = ?::text)
                ORDER BY a.created_at DESC, a.id
                """, ps -> {
            ps.setString(1, status == null ? null : status.name());
            ps.setString(2, status == null ? null : status.name());
        }, AlertStore::alert);
    }

    /** With {@code lock}, the row is locked for an update in this transaction. */
    Optional<AlertView> find(UUID id, boolean lock) {
        return list("SELECT " + ALERT_COLUMNS + """
                FROM alert a JOIN wave w ON w.tenant_id = a.tenant_id AND w.id = a.wave_id
                WHERE a.id = ?
                """ + (lock ? " FOR UPDATE OF a" : ""), ps -> ps.setObject(1, id), AlertStore::alert).stream().findFirst();
    }

    List<AlertView.Note> notes(UUID alertId) {
        return list("SELECT id, author_id, author_email, text, created_at FROM alert_note WHERE alert_id = ? ORDER BY created_at, id",
                ps -> ps.setObject(1, alertId), rs -> new AlertView.Note(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
    }

    void acknowledge(UUID id, UUID by) {
        update("""
                UPDATE alert SET status = 'ACKNOWLEDGED', acknowledged_at = now(), acknowledged_by = ?, updated_at = now()
                WHERE id = ?
                """, ps -> {
            ps.setObject(1, by);
            ps.setObject(2, id);
        });
    }

    void resolve(UUID id, UUID by) {
        update("UPDATE alert SET status = 'RESOLVED', resolved_at = now(), resolved_by = ?, updated_at = now() WHERE id = ?", ps -> {
            ps.setObject(1, by);
            ps.setObject(2, id);
        });
    }

    void addNote(UUID alertId, UUID authorId, String author, String text) {
        update("INSERT INTO alert_note (tenant_id, id, alert_id, author_id, author_email, text) VALUES (current_tenant_id(), ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, alertId);
                    ps.setObject(3, authorId);
                    ps.setString(4, author);
                    ps.setString(5, text);
                });
        update("UPDATE alert SET updated_at = now() WHERE id = ?", ps -> ps.setObject(1, alertId));
    }

    // ---- mail outbox ----

    /** Due PENDING rows, locked; a second dispatcher skips them (SKIP LOCKED). */
    List<DueMail> claimDue(int limit, Instant now) {
        return list("SELECT o.id, o.email, o.attempts, " + ALERT_COLUMNS + """
                FROM alert_mail_outbox o
                JOIN alert a ON a.tenant_id = o.tenant_id AND a.id = o.alert_id
                JOIN wave w ON w.tenant_id = a.tenant_id AND w.id = a.wave_id
                WHERE o.status = 'PENDING' AND o.send_after <= ?
                ORDER BY o.send_after, o.id
                LIMIT ?
                FOR UPDATE OF o SKIP LOCKED
                """, ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, limit);
        }, rs -> new DueMail(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), alert(rs, 3)));
    }

    void markSent(UUID id) {
        update("UPDATE alert_mail_outbox SET status = 'SENT', sent_at = now(), attempts = attempts + 1 WHERE id = ?",
                ps -> ps.setObject(1, id));
    }

    void markRetry(UUID id, int attempts, String error, Instant sendAfter) {
        update("UPDATE alert_mail_outbox SET attempts = ?, last_error = ?, send_after = ? WHERE id = ?", ps -> {
            ps.setInt(1, attempts);
            ps.setString(2, error);
            ps.setTimestamp(3, Timestamp.from(sendAfter));
            ps.setObject(4, id);
        });
    }

    void markFailed(UUID id, int attempts, String error) {
        update("UPDATE alert_mail_outbox SET status = 'FAILED', attempts = ?, last_error = ? WHERE id = ?", ps -> {
            ps.setInt(1, attempts);
            ps.setString(2, error);
            ps.setObject(3, id);
        });
    }

    // ---- plumbing ----

    private static AlertView alert(ResultSet rs) throws SQLException {
        return alert(rs, 0);
    }

    private static AlertView alert(ResultSet rs, int o) throws SQLException {
        Array history = rs.getArray(o + 11);
        Double[] values = history == null ? new Double[0] : (Double[]) history.getArray();
        String side = rs.getString(o + 7);
        return new AlertView(rs.getObject(o + 1, UUID.class), rs.getObject(o + 2, UUID.class), rs.getObject(o + 3, UUID.class),
                rs.getObject(o + 4, LocalDate.class), AlertRule.valueOf(rs.getString(o + 5)), rs.getString(o + 6),
                side == null ? null : Side.valueOf(side), rs.getString(o + 8), rs.getDouble(o + 9), rs.getDouble(o + 10),
                Arrays.asList(values), AlertStatus.valueOf(rs.getString(o + 12)), instant(rs, o + 13), instant(rs, o + 14),
                instant(rs, o + 15), rs.getObject(o + 16, UUID.class), instant(rs, o + 17), rs.getObject(o + 18, UUID.class),
                List.of());
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private <T> List<T> list(String sql, Binder binder, RowMapper<T> mapper) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        });
    }

    private int update(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            return ps.executeUpdate();
        });
    }
}
