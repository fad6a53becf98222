package com.kakehashi.insight;

import com.kakehashi.wave.WaveStatus;
import com.kakehashi.wave.WaveSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads rollups (never raw responses) and wave metadata of the tenant in context; callers hold the transaction. */
@Singleton
class InsightStore {

    /** A wave as insight reads it from the wave feature. */
    record WaveRow(UUID id, LocalDate occurrenceDate, WaveStatus status, Instant closesAt) {

        static WaveRow of(WaveSummary wave) {
            return new WaveRow(wave.id(), wave.occurrenceDate(), wave.status(), wave.closesAt());
        }
    }

    record SignRow(UUID waveId, Segment segment, String sign, long n, BigDecimal sum, BigDecimal sumSq) {
    }

    record ItemRow(UUID waveId, Segment segment, String code, String sign, long n, long sum, long sumSq) {
    }

    record PairRow(UUID waveId, String side, String sign, String a, String b, long n, long sumAb) {
    }

    /** delays: responses per delay bucket, UNDER_1H, UNDER_1D, UNDER_3D, LATER. */
    record SilenceRow(UUID waveId, String side, long responses, long answers, long neutral, long comments, long[] delays) {
    }

    record InvitedRow(UUID waveId, String side, long invited) {
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final JdbcOperations jdbc;

    InsightStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<SignRow> signs(List<UUID> waves) {
        return byWaves("SELECT wave_id, side, level, sign, n, sum_score, sum_sq FROM insight_sign_rollup WHERE wave_id = ANY(?)",
                waves, rs -> new SignRow(rs.getObject(1, UUID.class), Segment.of(rs.getString(2), rs.getString(3)),
                        rs.getString(4), rs.getLong(5), rs.getBigDecimal(6), rs.getBigDecimal(7)));
    }

    List<ItemRow> items(List<UUID> waves) {
        return byWaves("SELECT wave_id, side, level, item_code, sign, n, sum_value, sum_sq FROM insight_item_rollup WHERE wave_id = ANY(?)",
                waves, rs -> new ItemRow(rs.getObject(1, UUID.class), Segment.of(rs.getString(2), rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
    }

    List<PairRow> pairs(List<UUID> waves) {
        return byWaves("SELECT wave_id, side, sign, item_a, item_b, n, sum_ab FROM insight_item_pair_rollup WHERE wave_id = ANY(?)",
                waves, rs -> new PairRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getLong(7)));
    }

    List<SilenceRow> silence(List<UUID> waves) {
        return byWaves("SELECT wave_id, side, responses, answers, neutral_answers, comments, delay_under_1h, delay_under_1d, "
                        + "delay_under_3d, delay_later FROM insight_silence_rollup WHERE wave_id = ANY(?)",
                waves, rs -> new SilenceRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), new long[]{rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)}));
    }

    /** The one read of raw responses: comment texts of one side (callers check k first). No timestamps exist. */
    List<InsightViews.Comment> comments(UUID waveId, String side) {
        return jdbc.prepareStatement("SELECT comment, language FROM response WHERE wave_id = ? AND side = ? AND comment IS NOT NULL",
                ps -> {
                    ps.setObject(1, waveId);
                    ps.setString(2, side);
                    return list(ps, rs -> new InsightViews.Comment(rs.getString(1), rs.getString(2)));
                });
    }

    /** A stored comment with the group it belongs to; read only to be counted (see {@link CarefulWordingFigures}). */
    record CommentRow(UUID waveId, String side, String level, String text, String language) {
    }

    /** Comments of the given (closed) waves, for the careful-wording counts; never returned to a caller. */
    List<CommentRow> commentsOf(List<UUID> waves) {
        return byWaves("SELECT wave_id, side, level, comment, language FROM response WHERE wave_id = ANY(?) AND comment IS NOT NULL",
                waves, rs -> new CommentRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
    }

    /** Of these waves, those with at least one stored comment (retention clears them; the rollups keep the count). */
    java.util.Set<UUID> wavesWithComments(List<UUID> waves) {
        return java.util.Set.copyOf(byWaves("""
                SELECT w.id FROM unnest(?::uuid[]) AS w(id)
                WHERE EXISTS (SELECT 1 FROM response r WHERE r.wave_id = w.id AND r.comment IS NOT NULL)
                """, waves, rs -> rs.getObject(1, UUID.class)));
    }

    private <T> List<T> byWaves(String sql, List<UUID> waves, RowMapper<T> mapper) {
        if (waves.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement(sql, (PreparedStatement ps) -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", waves.toArray()));
            return list(ps, mapper);
        });
    }

    private static <T> List<T> list(PreparedStatement ps, RowMapper<T> mapper) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
        }
        return rows;
    }
}
