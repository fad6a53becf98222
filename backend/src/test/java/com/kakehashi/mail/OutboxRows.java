package com.kakehashi.mail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fixture rows for the mail tests, written as the application's own role in plain SQL (the wave
 * and alert features write them in production): participant, engagement, schedule, wave, invitation,
 * alert, outbox.
 */
final class OutboxRows implements AutoCloseable {

    static final String APP_ROLE = "kakehashi_app";

    private final Connection connection;
    final UUID tenantId;

    OutboxRows(String databaseUrl, UUID tenantId) throws SQLException {
        this.connection = DriverManager.getConnection(databaseUrl, APP_ROLE, APP_ROLE);
        this.tenantId = tenantId;
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
            statement.setString(1, tenantId.toString());
            statement.execute();
        }
    }

    record Wave(UUID id, Instant closesAt) {
    }

    static final String INTERNAL_ENGAGEMENT = "Post-restructuring alignment 2026";

    /** The engagement's internal name is {@link #INTERNAL_ENGAGEMENT}; mails must show {@code surveyTitle} instead. */
    Wave wave(String surveyTitle, Instant closesAt) throws SQLException {
        UUID engagement = UUID.randomUUID();
        execute("INSERT INTO engagement (tenant_id, id, name, start_date, status) VALUES (?, ?, ?, ?, 'ACTIVE')",
                tenantId, engagement, INTERNAL_ENGAGEMENT, LocalDate.of(2026, 1, 1));
        UUID instrument = UUID.randomUUID();
        UUID version = UUID.randomUUID();
        execute("INSERT INTO instrument (tenant_id, id, name) VALUES (?, ?, 'Pulse')", tenantId, instrument);
        execute("""
                INSERT INTO instrument_version (tenant_id, id, instrument_id, version_number, status, signs, published_at)
                VALUES (?, ?, ?, 1, 'PUBLISHED', '{EXCLUSION}', now())""", tenantId, version, instrument);
        UUID schedule = UUID.randomUUID();
        execute("""
                INSERT INTO pulse_schedule (tenant_id, id, engagement_id, instrument_version_id, name, cadence,
                    japan_send_time, hq_send_time, days_open, start_date, survey_title_en, survey_title_ja)
                VALUES (?, ?, ?, ?, 'Pulse', 'BIWEEKLY', ?, ?, 5, ?, ?, ?)""",
                tenantId, schedule, engagement, version, LocalTime.of(10, 0), LocalTime.of(9, 0), LocalDate.of(2026, 1, 1),
                surveyTitle, surveyTitle);
        UUID wave = UUID.randomUUID();
        execute("""
                INSERT INTO wave (tenant_id, id, schedule_id, instrument_version_id, occurrence_date, kind, status, opens_at, closes_at)
                VALUES (?, ?, ?, ?, ?, 'MANUAL', 'OPEN', ?, ?)""",
                tenantId, wave, schedule, version, LocalDate.of(2026, 11, 23),
                Timestamp.from(Instant.now().minusSeconds(3600)), Timestamp.from(closesAt));
        return new Wave(wave, closesAt);
    }

    /** A participant and their invitation to the wave; returns the invitation id. */
    UUID invitation(Wave wave, String email, String name, String language, String timeZone) throws SQLException {
        UUID participant = UUID.randomUUID();
        execute("""
                INSERT INTO participant (tenant_id, id, email, display_name, side, level, language, time_zone)
                VALUES (?, ?, ?, ?, ?, 'STAFF', ?, ?)""",
                tenantId, participant, email, name, "ja".equals(language) ? "JAPAN" : "HQ", language, timeZone);
        UUID invitation = UUID.randomUUID();
        execute("""
                INSERT INTO invitation (tenant_id, id, wave_id, participant_id, side, level, language, time_zone, send_at)
                VALUES (?, ?, ?, ?, ?, 'STAFF', ?, ?, now())""",
                tenantId, invitation, wave.id(), participant, "ja".equals(language) ? "JAPAN" : "HQ", language, timeZone);
        return invitation;
    }

    /** A due outbox row; returns its id. */
    UUID outbox(UUID invitation, String kind, Instant sendAfter) throws SQLException {
        UUID id = UUID.randomUUID();
        execute("INSERT INTO mail_outbox (tenant_id, id, invitation_id, kind, status, send_after) VALUES (?, ?, ?, ?, 'PENDING', ?)",
                tenantId, id, invitation, kind, Timestamp.from(sendAfter));
        return id;
    }

    /**
     * An alert raised in the wave and its mail to a consultant, due at {@code sendAfter}; returns the
     * mail's id. The wave is recorded as alert saw it close (alert_wave), or the alert is not found.
     */
    UUID alertMail(Wave wave, String email, Instant sendAfter) throws SQLException {
        execute("""
                INSERT INTO alert_wave (tenant_id, wave_id, engagement_id, occurrence_date, closes_at, closed_at)
                SELECT w.tenant_id, w.id, s.engagement_id, w.occurrence_date, w.closes_at, w.closes_at
                FROM wave w JOIN pulse_schedule s ON s.tenant_id = w.tenant_id AND s.id = w.schedule_id WHERE w.id = ?
                ON CONFLICT DO NOTHING""", wave.id());
        UUID alert = UUID.randomUUID();
        execute("""
                INSERT INTO alert (tenant_id, id, engagement_id, wave_id, opened_wave_id, rule, sign, side, severity, value, threshold)
                SELECT ?, ?, s.engagement_id, w.id, w.id, 'SIGN_ABOVE_THRESHOLD', 'EXCLUSION', 'JAPAN', 'HIGH', 72, 60
                FROM wave w JOIN pulse_schedule s ON s.tenant_id = w.tenant_id AND s.id = w.schedule_id WHERE w.id = ?""",
                tenantId, alert, wave.id());
        UUID id = UUID.randomUUID();
        execute("""
                INSERT INTO mail_outbox (tenant_id, id, kind, status, send_after, alert_id, wave_id, user_id, email)
                VALUES (?, ?, 'ALERT', 'PENDING', ?, ?, ?, ?, ?)""",
                tenantId, id, Timestamp.from(sendAfter), alert, wave.id(), UUID.randomUUID(), email);
        return id;
    }

    void execute(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    record Row(UUID id, String status, int attempts, String lastError, Instant sendAfter, Instant sentAt) {
    }

    Row row(UUID outboxId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, status, attempts, last_error, send_after, sent_at FROM mail_outbox WHERE id = ?")) {
            statement.setObject(1, outboxId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no outbox row " + outboxId);
                }
                Timestamp sent = rs.getTimestamp(6);
                return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), sent == null ? null : sent.toInstant());
            }
        }
    }

    List<String> statuses() throws SQLException {
        List<String> statuses = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT status FROM mail_outbox ORDER BY id");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                statuses.add(rs.getString(1));
            }
        }
        return statuses;
    }

    long count(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
