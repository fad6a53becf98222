package com.kakehashi.alert;

import com.kakehashi.jdbc.ParameterBinder;
import com.kakehashi.jdbc.RowReader;
import com.kakehashi.jdbc.Sql;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.wave.WaveClosed;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of the alert tables for the tenant in context (Row Level Security scopes every statement); callers hold the transaction. */
@Singleton
class AlertStore {



    private static final String ALERT_COLUMNS = """
            a.id, a.engagement_id, a.wave_id, w.occurrence_date, a.rule, a.sign, a.side, a.severity, a.value, a.threshold,
            a.opened_wave_id, ow.occurrence_date, a.clear_waves, a.status, a.resolved_reason, a.created_at, a.updated_at,
            a.acknowledged_at, a.acknowledged_by, a.resolved_at, a.resolved_by
            """;
    private static final String ALERT_FROM = """
            FROM alert a JOIN alert_wave w ON w.tenant_id = a.tenant_id AND w.wave_id = a.wave_id
            JOIN alert_wave ow ON ow.tenant_id = a.tenant_id AND ow.wave_id = a.opened_wave_id
            """;

    private final JdbcOperations jdbc;
    private final Clock clock;

    AlertStore(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<AlertSettings> settings() {
        return list("""
                SELECT risk_threshold, worsening_waves, gap_waves, gap_threshold, response_rate_drop, neutral_share_threshold,
                       alpha, minimum_effect, minimum_n, clear_waves, correction FROM alert_settings
                """, ps -> { }, rs -> new AlertSettings(rs.getDouble(1), rs.getInt(2), rs.getInt(3), rs.getDouble(4),
                rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getInt(9), rs.getInt(10),
                AlertSettings.Correction.valueOf(rs.getString(11)))).stream().findFirst();
    }

    void saveSettings(AlertSettings s) {
        update("""
                INSERT INTO alert_settings (tenant_id, risk_threshold, worsening_waves, gap_waves, gap_threshold,
                                            response_rate_drop, neutral_share_threshold, alpha, minimum_effect, minimum_n,
                                            clear_waves, correction, updated_at)
                VALUES (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET risk_threshold = EXCLUDED.risk_threshold,
                    worsening_waves = EXCLUDED.worsening_waves, gap_waves = EXCLUDED.gap_waves,
                    gap_threshold = EXCLUDED.gap_threshold, response_rate_drop = EXCLUDED.response_rate_drop,
                    neutral_share_threshold = EXCLUDED.neutral_share_threshold, alpha = EXCLUDED.alpha,
                    minimum_effect = EXCLUDED.minimum_effect, minimum_n = EXCLUDED.minimum_n,
                    clear_waves = EXCLUDED.clear_waves, correction = EXCLUDED.correction, updated_at = EXCLUDED.updated_at
                """, ps -> {
            ps.setDouble(1, s.riskThreshold());
            ps.setInt(2, s.worseningWaves());
            ps.setInt(3, s.gapWaves());
            ps.setDouble(4, s.gapThreshold());
            ps.setDouble(5, s.responseRateDrop());
            ps.setDouble(6, s.neutralSharePercent());
            ps.setDouble(7, s.alpha());
            ps.setDouble(8, s.minimumEffect());
            ps.setInt(9, s.minimumN());
            ps.setInt(10, s.clearWaves());
            ps.setString(11, s.correction().name());
            ps.setTimestamp(12, now());
        });
    }

    Optional<UUID> engagementOfWave(UUID waveId) {
        return list("""
                SELECT engagement_id FROM alert_wave WHERE wave_id = ?
                """, ps -> ps.setObject(1, waveId), rs -> rs.getObject(1, UUID.class)).stream().findFirst();
    }

    /** A closed wave as the wave feature announced it; announced twice, it is recorded once. */
    void recordClosed(WaveClosed wave) {
        update("""
                INSERT INTO alert_wave (tenant_id, wave_id, engagement_id, occurrence_date, closes_at, closed_at)
                VALUES (current_tenant_id(), ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, wave_id) DO NOTHING
                """, ps -> {
            ps.setObject(1, wave.waveId());
            ps.setObject(2, wave.engagementId());
            ps.setObject(3, wave.occurrenceDate());
            ps.setTimestamp(4, Timestamp.from(wave.closesAt()));
            ps.setTimestamp(5, wave.closedAt() == null ? null : Timestamp.from(wave.closedAt()));
        });
    }

    /** Marks a closed wave's rules as run. */
    void markEvaluated(UUID waveId) {
        update("UPDATE alert_wave SET evaluated_at = ? WHERE wave_id = ?", ps -> {
            ps.setTimestamp(1, now());
            ps.setObject(2, waveId);
        });
    }

    /** Closed waves whose rules never ran to the end, oldest first. */
    List<UUID> unevaluatedWaves(int limit) {
        return list("""
                SELECT wave_id FROM alert_wave WHERE evaluated_at IS NULL
                ORDER BY occurrence_date, closed_at, wave_id LIMIT ?
                """, ps -> ps.setInt(1, limit), rs -> rs.getObject(1, UUID.class));
    }

    private static final String ENGAGEMENT_WAVES = """
            FROM alert_wave x JOIN alert_wave me ON me.wave_id = ?
            WHERE x.engagement_id = ? AND x.wave_id <> me.wave_id
            """;

    /** Whether a closed wave of the engagement that comes before this one has not been evaluated yet. */
    boolean earlierUnevaluated(UUID engagementId, UUID waveId) {
        return !list("SELECT 1 " + ENGAGEMENT_WAVES + """
                AND x.evaluated_at IS NULL
                AND (x.occurrence_date, x.closes_at, x.wave_id) < (me.occurrence_date, me.closes_at, me.wave_id) LIMIT 1
                """, ps -> {
            ps.setObject(1, waveId);
            ps.setObject(2, engagementId);
        }, rs -> 1).isEmpty();
    }

    /** Whether a closed wave of the engagement that comes after this one has been evaluated already. */
    boolean laterEvaluated(UUID engagementId, UUID waveId) {
        return !list("SELECT 1 " + ENGAGEMENT_WAVES + """
                AND x.evaluated_at IS NOT NULL
                AND (x.occurrence_date, x.closes_at, x.wave_id) > (me.occurrence_date, me.closes_at, me.wave_id) LIMIT 1
                """, ps -> {
            ps.setObject(1, waveId);
            ps.setObject(2, engagementId);
        }, rs -> 1).isEmpty();
    }

    /**
     * The occurrence date from which the last {@code count} closed waves of the engagement, up to
     * and including the given one, are found; empty if there are fewer.
     */
    Optional<LocalDate> windowStart(UUID engagementId, UUID waveId, int count) {
        return list("""
                SELECT occurrence_date FROM alert_wave
                WHERE engagement_id = ? AND occurrence_date <= (SELECT occurrence_date FROM alert_wave WHERE wave_id = ?)
                ORDER BY occurrence_date DESC LIMIT 1 OFFSET ?
                """, ps -> {
            ps.setObject(1, engagementId);
            ps.setObject(2, waveId);
            ps.setInt(3, count - 1);
        }, rs -> rs.getObject(1, LocalDate.class)).stream().findFirst();
    }

    // ---- evaluations ----

    void replaceEvaluations(UUID waveId, List<AlertRules.Test> tests, List<UUID> alertIds) {
        update("DELETE FROM alert_evaluation WHERE wave_id = ?", ps -> ps.setObject(1, waveId));
        jdbc.prepareStatement("""
                INSERT INTO alert_evaluation (tenant_id, wave_id, rule, sign, side, outcome, reason, value, low, high, effect,
                                              p, p_adjusted, alert_id)
                VALUES (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, ps -> {
            for (int i = 0; i < tests.size(); i++) {
                AlertRules.Test t = tests.get(i);
                ps.setObject(1, waveId);
                ps.setString(2, t.rule().name());
                ps.setString(3, t.sign());
                ps.setString(4, t.side() == null ? null : t.side().name());
                ps.setString(5, t.outcome().name());
                ps.setString(6, t.reason());
                setNumber(ps, 7, t.value());
                setNumber(ps, 8, t.low());
                setNumber(ps, 9, t.high());
                setNumber(ps, 10, t.effect());
                setNumber(ps, 11, t.p());
                setNumber(ps, 12, t.pAdjusted());
                ps.setObject(13, alertIds.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
            return null;
        });
    }

    List<AlertEvaluationView> evaluationsOfWave(UUID waveId) {
        return list("SELECT " + EVALUATION_COLUMNS + """
                FROM alert_evaluation e JOIN alert_wave w ON w.tenant_id = e.tenant_id AND w.wave_id = e.wave_id
                WHERE e.wave_id = ? ORDER BY e.rule, e.sign NULLS FIRST, e.side NULLS FIRST
                """, ps -> ps.setObject(1, waveId), AlertStore::evaluation);
    }

    /** Every evaluation of the alert's condition in its engagement since it opened, oldest first. */
    List<AlertEvaluationView> evaluationsOfAlert(UUID alertId) {
        return list("SELECT " + EVALUATION_COLUMNS + """
                FROM alert a
                JOIN alert_wave ow ON ow.tenant_id = a.tenant_id AND ow.wave_id = a.opened_wave_id
                JOIN alert_evaluation e ON e.tenant_id = a.tenant_id AND e.rule = a.rule
                     AND e.sign IS NOT DISTINCT FROM a.sign AND e.side IS NOT DISTINCT FROM a.side
                JOIN alert_wave w ON w.tenant_id = e.tenant_id AND w.wave_id = e.wave_id AND w.engagement_id = a.engagement_id
                WHERE a.id = ? AND w.occurrence_date >= ow.occurrence_date
                ORDER BY w.occurrence_date, w.wave_id
                """, ps -> ps.setObject(1, alertId), AlertStore::evaluation);
    }

    private static final String EVALUATION_COLUMNS = """
            e.wave_id, w.occurrence_date, e.rule, e.sign, e.side, e.outcome, e.reason, e.value, e.low, e.high, e.effect,
            e.p, e.p_adjusted, e.alert_id
            """;

    private static AlertEvaluationView evaluation(ResultSet rs) throws SQLException {
        String side = rs.getString(5);
        return new AlertEvaluationView(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                AlertRule.valueOf(rs.getString(3)), rs.getString(4), side == null ? null : Side.valueOf(side),
                rs.getString(6), rs.getString(7), number(rs, 8), number(rs, 9), number(rs, 10), number(rs, 11),
                number(rs, 12), number(rs, 13), rs.getObject(14, UUID.class));
    }

    // ---- conditions ----

    /** A condition's state as the evaluation needs it. */
    record Condition(UUID id, int clearWaves) {
    }

    /** The open (OPEN or ACKNOWLEDGED) condition of this key, locked for the update. */
    Optional<Condition> openCondition(UUID engagementId, AlertRules.Test t) {
        return list("""
                SELECT id, clear_waves FROM alert
                WHERE engagement_id = ? AND rule = ? AND sign IS NOT DISTINCT FROM ? AND side IS NOT DISTINCT FROM ?
                  AND status <> 'RESOLVED'
                FOR UPDATE
                """, ps -> bindKey(ps, engagementId, t), rs -> new Condition(rs.getObject(1, UUID.class), rs.getInt(2)))
                .stream().findFirst();
    }

    /** The keys ({@link AlertRules#key}) of the engagement's open conditions. */
    java.util.Set<String> openKeys(UUID engagementId) {
        return new java.util.HashSet<>(list("SELECT rule, sign, side FROM alert WHERE engagement_id = ? AND status <> 'RESOLVED'",
                ps -> ps.setObject(1, engagementId), rs -> {
                    String side = rs.getString(3);
                    return AlertRules.key(AlertRule.valueOf(rs.getString(1)), rs.getString(2),
                            side == null ? null : Side.valueOf(side));
                }));
    }

    /** Whether this wave has already been applied to a condition of this key (evaluation is then a no-op for it). */
    boolean observed(UUID engagementId, AlertRules.Test t, UUID waveId) {
        return !list("""
                SELECT 1 FROM alert a JOIN alert_observation o ON o.tenant_id = a.tenant_id AND o.alert_id = a.id
                WHERE a.engagement_id = ? AND a.rule = ? AND a.sign IS NOT DISTINCT FROM ? AND a.side IS NOT DISTINCT FROM ?
                  AND o.wave_id = ? AND o.outcome <> 'CONTEXT'
                LIMIT 1
                """, ps -> {
            bindKey(ps, engagementId, t);
            ps.setObject(5, waveId);
        }, rs -> 1).isEmpty();
    }

    /**
     * The condition of this key whose observed waves span the given date (a wave evaluated after
     * later ones), if any.
     */
    Optional<UUID> conditionSpanning(UUID engagementId, AlertRules.Test t, UUID waveId) {
        return list("""
                SELECT a.id FROM alert a
                JOIN alert_observation o ON o.tenant_id = a.tenant_id AND o.alert_id = a.id
                JOIN alert_wave ow ON ow.tenant_id = o.tenant_id AND ow.wave_id = o.wave_id
                JOIN alert_wave me ON me.wave_id = ?
                WHERE a.engagement_id = ? AND a.rule = ? AND a.sign IS NOT DISTINCT FROM ? AND a.side IS NOT DISTINCT FROM ?
                  AND o.outcome <> 'CONTEXT'
                GROUP BY a.id, me.occurrence_date
                HAVING min(ow.occurrence_date) <= me.occurrence_date AND max(ow.occurrence_date) >= me.occurrence_date
                LIMIT 1
                """, ps -> {
            ps.setObject(1, waveId);
            ps.setObject(2, engagementId);
            ps.setString(3, t.rule().name());
            ps.setString(4, t.sign());
            ps.setString(5, t.side() == null ? null : t.side().name());
        }, rs -> rs.getObject(1, UUID.class)).stream().findFirst();
    }

    /** @return the new condition's id, or empty if the key already has an open one (a concurrent evaluation) */
    Optional<UUID> open(UUID engagementId, UUID waveId, AlertRules.Test t) {
        UUID id = UUID.randomUUID();
        int inserted = update("""
                INSERT INTO alert (tenant_id, id, engagement_id, wave_id, opened_wave_id, rule, sign, side, severity, value,
                                   threshold, created_at, updated_at)
                VALUES (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, engagement_id, rule, sign, side) WHERE status <> 'RESOLVED' DO NOTHING
                """, ps -> {
            ps.setObject(1, id);
            ps.setObject(2, engagementId);
            ps.setObject(3, waveId);
            ps.setObject(4, waveId);
            ps.setString(5, t.rule().name());
            ps.setString(6, t.sign());
            ps.setString(7, t.side() == null ? null : t.side().name());
            ps.setString(8, t.severity().name());
            ps.setDouble(9, t.value());
            ps.setDouble(10, t.threshold());
            Timestamp now = now();
            ps.setTimestamp(11, now);
            ps.setTimestamp(12, now);
        });
        return inserted == 0 ? Optional.empty() : Optional.of(id);
    }

    /** The test's verdict on an open condition in this wave. */
    void observe(UUID alertId, UUID waveId, AlertRules.Test t) {
        update("""
                INSERT INTO alert_observation (tenant_id, alert_id, wave_id, outcome, value, low, high, effect, p, p_adjusted)
                VALUES (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, alert_id, wave_id) DO NOTHING
                """, ps -> {
            ps.setObject(1, alertId);
            ps.setObject(2, waveId);
            ps.setString(3, t.outcome().name());
            setNumber(ps, 4, t.value());
            setNumber(ps, 5, t.low());
            setNumber(ps, 6, t.high());
            setNumber(ps, 7, t.effect());
            setNumber(ps, 8, t.p());
            setNumber(ps, 9, t.pAdjusted());
        });
    }

    /** An earlier wave the opening test read: its value only. */
    void observeContext(UUID alertId, AlertRules.WaveValue point) {
        update("""
                INSERT INTO alert_observation (tenant_id, alert_id, wave_id, outcome, value, low, high)
                VALUES (current_tenant_id(), ?, ?, 'CONTEXT', ?, ?, ?)
                ON CONFLICT (tenant_id, alert_id, wave_id) DO NOTHING
                """, ps -> {
            ps.setObject(1, alertId);
            ps.setObject(2, point.waveId());
            ps.setDouble(3, point.value());
            setNumber(ps, 4, point.low());
            setNumber(ps, 5, point.high());
        });
    }

    /** The wave's outcome on an open condition: latest wave and value, clear waves so far, resolved by itself at {@code resolve}. */
    void advance(UUID alertId, UUID waveId, @Nullable Double value, int clearWaves, boolean resolve) {
        update("""
                UPDATE alert SET wave_id = ?, value = COALESCE(?, value), clear_waves = ?, updated_at = ?,
                       status = CASE WHEN ? THEN 'RESOLVED' ELSE status END,
                       resolved_reason = CASE WHEN ? THEN 'AUTO' ELSE resolved_reason END,
                       resolved_at = CASE WHEN ? THEN ? ELSE resolved_at END
                WHERE id = ?
                """, ps -> {
            Timestamp now = now();
            ps.setObject(1, waveId);
            setNumber(ps, 2, value);
            ps.setInt(3, clearWaves);
            ps.setTimestamp(4, now);
            ps.setBoolean(5, resolve);
            ps.setBoolean(6, resolve);
            ps.setBoolean(7, resolve);
            ps.setTimestamp(8, now);
            ps.setObject(9, alertId);
        });
    }

    List<AlertView> list(@Nullable AlertStatus status) {
        return withHistory(list("SELECT " + ALERT_COLUMNS + ALERT_FROM + """
                WHERE (?::text IS NULL OR a.status = ?::text)
                ORDER BY a.created_at DESC, a.id
                """, ps -> {
            ps.setString(1, status == null ? null : status.name());
            ps.setString(2, status == null ? null : status.name());
        }, rs -> alert(rs, 0)));
    }

    /** With {@code lock}, the row is locked for an update in this transaction. */
    Optional<AlertView> find(UUID id, boolean lock) {
        return withHistory(list("SELECT " + ALERT_COLUMNS + ALERT_FROM + "WHERE a.id = ?" + (lock ? " FOR UPDATE OF a" : ""),
                ps -> ps.setObject(1, id), rs -> alert(rs, 0))).stream().findFirst();
    }

    List<AlertView.Note> notes(UUID alertId) {
        return list("SELECT id, author_id, author_email, text, created_at FROM alert_note WHERE alert_id = ? ORDER BY created_at, id",
                ps -> ps.setObject(1, alertId), rs -> new AlertView.Note(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
    }

    void acknowledge(UUID id, UUID by) {
        update("""
                UPDATE alert SET status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?, updated_at = ?
                WHERE id = ?
                """, ps -> {
            Timestamp now = now();
            ps.setTimestamp(1, now);
            ps.setObject(2, by);
            ps.setTimestamp(3, now);
            ps.setObject(4, id);
        });
    }

    void resolve(UUID id, UUID by) {
        update("""
                UPDATE alert SET status = 'RESOLVED', resolved_reason = 'PERSON', resolved_at = ?, resolved_by = ?,
                       updated_at = ?
                WHERE id = ?
                """, ps -> {
            Timestamp now = now();
            ps.setTimestamp(1, now);
            ps.setObject(2, by);
            ps.setTimestamp(3, now);
            ps.setObject(4, id);
        });
    }

    void addNote(UUID alertId, UUID authorId, String author, String text) {
        Timestamp now = now();
        update("""
                INSERT INTO alert_note (tenant_id, id, alert_id, author_id, author_email, text, created_at)
                VALUES (current_tenant_id(), ?, ?, ?, ?, ?, ?)
                """, ps -> {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, alertId);
            ps.setObject(3, authorId);
            ps.setString(4, author);
            ps.setString(5, text);
            ps.setTimestamp(6, now);
        });
        update("UPDATE alert SET updated_at = ? WHERE id = ?", ps -> {
            ps.setTimestamp(1, now);
            ps.setObject(2, alertId);
        });
    }

    // ---- plumbing ----

    /** The row without its history (and so without its sentence); {@link #withHistory} completes it. */
    private static AlertView alert(ResultSet rs, int o) throws SQLException {
        String side = rs.getString(o + 7);
        String reason = rs.getString(o + 15);
        return new AlertView(rs.getObject(o + 1, UUID.class), rs.getObject(o + 2, UUID.class), rs.getObject(o + 3, UUID.class),
                rs.getObject(o + 4, LocalDate.class), AlertRule.valueOf(rs.getString(o + 5)), rs.getString(o + 6),
                side == null ? null : Side.valueOf(side), rs.getString(o + 8), rs.getDouble(o + 9), rs.getDouble(o + 10),
                rs.getObject(o + 11, UUID.class), rs.getObject(o + 12, LocalDate.class), List.of(), rs.getInt(o + 13),
                AlertStatus.valueOf(rs.getString(o + 14)), reason == null ? null : AlertView.ResolvedReason.valueOf(reason),
                "", "", instant(rs, o + 16), instant(rs, o + 17), instant(rs, o + 18), rs.getObject(o + 19, UUID.class),
                instant(rs, o + 20), rs.getObject(o + 21, UUID.class), List.of());
    }

    /** The alerts with their observations, oldest wave first, and the sentence those make. */
    private List<AlertView> withHistory(List<AlertView> alerts) {
        if (alerts.isEmpty()) {
            return alerts;
        }
        java.util.Map<UUID, List<AlertView.HistoryPoint>> history = new java.util.HashMap<>();
        jdbc.prepareStatement("""
                SELECT o.alert_id, o.wave_id, w.occurrence_date, o.value, o.low, o.high, o.outcome, o.effect, o.p, o.p_adjusted
                FROM alert_observation o JOIN alert_wave w ON w.tenant_id = o.tenant_id AND w.wave_id = o.wave_id
                WHERE o.alert_id = ANY (?)
                ORDER BY w.occurrence_date, w.closes_at, w.wave_id
                """, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", alerts.stream().map(AlertView::id).distinct().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String outcome = rs.getString(7);
                    history.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new AlertView.HistoryPoint(
                            rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class), number(rs, 4), number(rs, 5),
                            number(rs, 6), AlertRules.Verdict.FIRED.name().equals(outcome), outcome, number(rs, 8), number(rs, 9), number(rs, 10)));
                }
            }
            return null;
        });
        List<AlertView> result = new ArrayList<>();
        for (AlertView a : alerts) {
            List<AlertView.HistoryPoint> points = List.copyOf(history.getOrDefault(a.id(), List.of()));
            String[] summary = AlertSummary.of(a.rule(), a.sign(), a.side(), a.threshold(), a.openedOn(), points, a.status(),
                    a.resolvedReason());
            result.add(new AlertView(a.id(), a.engagementId(), a.waveId(), a.occurrenceDate(), a.rule(), a.sign(), a.side(),
                    a.severity(), a.value(), a.threshold(), a.openedWaveId(), a.openedOn(), points, a.clearWaves(), a.status(),
                    a.resolvedReason(), summary[0], summary[1], a.createdAt(), a.updatedAt(), a.acknowledgedAt(),
                    a.acknowledgedBy(), a.resolvedAt(), a.resolvedBy(), a.notes()));
        }
        return result;
    }

    private static void bindKey(PreparedStatement ps, UUID engagementId, AlertRules.Test t) throws SQLException {
        ps.setObject(1, engagementId);
        ps.setString(2, t.rule().name());
        ps.setString(3, t.sign());
        ps.setString(4, t.side() == null ? null : t.side().name());
    }

    private static @Nullable Double number(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static void setNumber(PreparedStatement ps, int index, @Nullable Double value) throws SQLException {
        if (value == null || !Double.isFinite(value)) {
            ps.setNull(index, java.sql.Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private <T> List<T> list(String sql, ParameterBinder binder, RowReader<T> reader) {
        return Sql.list(jdbc, sql, binder, reader);
    }

    private int update(String sql, ParameterBinder binder) {
        return Sql.update(jdbc, sql, binder);
    }
}
