package com.kakehashi.insight;

import com.kakehashi.participant.Level;
import com.kakehashi.participant.Side;
import com.kakehashi.wave.WaveClosed;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionDefinition;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps the insight rollups (0009-insight.sql) of the tenant in context. {@link #record} adds one
 * response in the caller's transaction; {@link #recompute} rebuilds a wave from its raw responses.
 * Both run the same set-based SQL over a different source of answers, so an incremental rollup
 * equals a recomputation exactly (sums are numerics of scores rounded to 12 decimals).
 */
@Singleton
public class InsightRollups {

    /**
     * The answers: {@code respondent(response_id, side, level, has_comment)} and
     * {@code answer(response_id, side, level, sign, code, raw, x)} where x is the answer after
     * reverse keying. The first parameter of every statement is the wave.
     */
    private static final String FROM_SUBMISSION = """
            WITH params AS (SELECT ?::uuid AS wave_id),
            respondent AS (SELECT '00000000-0000-0000-0000-000000000000'::uuid AS response_id, ?::text AS side,
                                  ?::text AS level, ?::boolean AS has_comment, ?::text AS delay_bucket),
            answer AS (
                SELECT r.response_id, r.side, r.level, i.sign, i.code, v.value AS raw,
                       CASE WHEN i.reverse_keyed THEN 6 - v.value ELSE v.value END AS x
                FROM respondent r
                CROSS JOIN unnest(?::text[], ?::int[]) AS v(code, value)
                JOIN params p ON true
                JOIN wave w ON w.id = p.wave_id
                JOIN instrument_item i ON i.tenant_id = w.tenant_id AND i.version_id = w.instrument_version_id
                                      AND i.code = v.code)
            """;

    private static final String FROM_RESPONSES = """
            WITH params AS (SELECT ?::uuid AS wave_id),
            respondent AS (SELECT r.id AS response_id, r.side, r.level, r.comment IS NOT NULL AS has_comment,
                                  r.delay_bucket
                           FROM response r JOIN params p ON r.wave_id = p.wave_id),
            answer AS (
                SELECT r.response_id, r.side, r.level, i.sign, i.code, a.value AS raw,
                       CASE WHEN i.reverse_keyed THEN 6 - a.value ELSE a.value END AS x
                FROM respondent r
                JOIN response_answer a ON a.response_id = r.response_id
                JOIN params p ON true
                JOIN wave w ON w.id = p.wave_id
                JOIN instrument_item i ON i.tenant_id = w.tenant_id AND i.version_id = w.instrument_version_id
                                      AND i.code = a.item_code)
            """;

    /** The four segments a respondent counts in: the cell, its side, its level, everyone. */
    private static final String SEGMENTS = "(VALUES (s.side, s.level), (s.side, '*'), ('*', s.level), ('*', '*')) AS seg(side, level)";

    /** Rows are upserted in key order, so concurrent submissions lock shared rows in the same order (no deadlock). */
    private static final List<String> UPSERTS = List.of(
            // A respondent's sign score: (mean after reverse keying − 1) / 4 × 100 = 25 (Σx − m) / m.
            """
            INSERT INTO insight_sign_rollup (tenant_id, wave_id, side, level, sign, n, sum_score, sum_sq)
            SELECT current_tenant_id(), (SELECT wave_id FROM params), seg.side, seg.level, s.sign,
                   count(*), sum(s.score), sum(s.score * s.score)
            FROM (SELECT response_id, side, level, sign,
                         round((25 * (sum(x) - count(*)))::numeric / count(*), 12) AS score
                  FROM answer GROUP BY response_id, side, level, sign) s
            CROSS JOIN LATERAL %s
            GROUP BY seg.side, seg.level, s.sign
            ORDER BY seg.side, seg.level, s.sign
            ON CONFLICT (tenant_id, wave_id, side, level, sign) DO UPDATE
            SET n = insight_sign_rollup.n + EXCLUDED.n,
                sum_score = insight_sign_rollup.sum_score + EXCLUDED.sum_score,
                sum_sq = insight_sign_rollup.sum_sq + EXCLUDED.sum_sq
            """.formatted(SEGMENTS),
            """
            INSERT INTO insight_item_rollup (tenant_id, wave_id, side, level, item_code, sign, n, sum_value, sum_sq)
            SELECT current_tenant_id(), (SELECT wave_id FROM params), seg.side, seg.level, s.code, s.sign,
                   count(*), sum(s.x), sum(s.x * s.x)
            FROM answer s
            CROSS JOIN LATERAL %s
            GROUP BY seg.side, seg.level, s.code, s.sign
            ORDER BY seg.side, seg.level, s.code
            ON CONFLICT (tenant_id, wave_id, side, level, item_code) DO UPDATE
            SET n = insight_item_rollup.n + EXCLUDED.n,
                sum_value = insight_item_rollup.sum_value + EXCLUDED.sum_value,
                sum_sq = insight_item_rollup.sum_sq + EXCLUDED.sum_sq
            """.formatted(SEGMENTS),
            """
            INSERT INTO insight_item_pair_rollup (tenant_id, wave_id, side, sign, item_a, item_b, n, sum_ab)
            SELECT current_tenant_id(), (SELECT wave_id FROM params), a.side, a.sign, a.code, b.code,
                   count(*), sum(a.x * b.x)
            FROM answer a JOIN answer b ON b.response_id = a.response_id AND b.sign = a.sign AND a.code < b.code
            GROUP BY a.side, a.sign, a.code, b.code
            ORDER BY a.side, a.code, b.code
            ON CONFLICT (tenant_id, wave_id, side, item_a, item_b) DO UPDATE
            SET n = insight_item_pair_rollup.n + EXCLUDED.n,
                sum_ab = insight_item_pair_rollup.sum_ab + EXCLUDED.sum_ab
            """,
            """
            INSERT INTO insight_silence_rollup (tenant_id, wave_id, side, responses, answers, neutral_answers, comments,
                                                delay_under_1h, delay_under_1d, delay_under_3d, delay_later)
            SELECT current_tenant_id(), (SELECT wave_id FROM params), r.side, count(*),
                   coalesce(sum(c.answers), 0), coalesce(sum(c.neutral), 0), count(*) FILTER (WHERE r.has_comment),
                   count(*) FILTER (WHERE r.delay_bucket = 'UNDER_1H'), count(*) FILTER (WHERE r.delay_bucket = 'UNDER_1D'),
                   count(*) FILTER (WHERE r.delay_bucket = 'UNDER_3D'), count(*) FILTER (WHERE r.delay_bucket = 'LATER')
            FROM respondent r
            LEFT JOIN (SELECT response_id, count(*) AS answers, count(*) FILTER (WHERE raw = 3) AS neutral
                       FROM answer GROUP BY response_id) c ON c.response_id = r.response_id
            GROUP BY r.side
            ORDER BY r.side
            ON CONFLICT (tenant_id, wave_id, side) DO UPDATE
            SET responses = insight_silence_rollup.responses + EXCLUDED.responses,
                answers = insight_silence_rollup.answers + EXCLUDED.answers,
                neutral_answers = insight_silence_rollup.neutral_answers + EXCLUDED.neutral_answers,
                comments = insight_silence_rollup.comments + EXCLUDED.comments,
                delay_under_1h = insight_silence_rollup.delay_under_1h + EXCLUDED.delay_under_1h,
                delay_under_1d = insight_silence_rollup.delay_under_1d + EXCLUDED.delay_under_1d,
                delay_under_3d = insight_silence_rollup.delay_under_3d + EXCLUDED.delay_under_3d,
                delay_later = insight_silence_rollup.delay_later + EXCLUDED.delay_later
            """);

    private static final List<String> TABLES = List.of("insight_sign_rollup", "insight_item_rollup",
            "insight_item_pair_rollup", "insight_silence_rollup");

    private final JdbcOperations jdbc;

    InsightRollups(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds one stored response to its wave's rollups. Must run in the transaction that stored the
     * response (so the rollups never count a response that was rolled back, or miss one).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(UUID waveId, Side side, Level level, String delayBucket, Map<String, Integer> answers,
                       boolean withComment) {
        String[] codes = answers.keySet().toArray(String[]::new);
        Integer[] values = answers.values().toArray(Integer[]::new);
        for (String upsert : UPSERTS) {
            jdbc.prepareStatement(FROM_SUBMISSION + upsert, (PreparedStatement ps) -> {
                ps.setObject(1, waveId);
                ps.setString(2, side.name());
                ps.setString(3, level.name());
                ps.setBoolean(4, withComment);
                ps.setString(5, delayBucket);
                ps.setArray(6, ps.getConnection().createArrayOf("text", codes));
                ps.setArray(7, ps.getConnection().createArrayOf("integer", values));
                return ps.executeUpdate();
            });
        }
    }

    /** A closed wave's rollups are rebuilt from its raw responses: the final numbers. */
    @EventListener
    void onWaveClosed(WaveClosed event) {
        recompute(event.waveId());
    }

    /** Rebuilds a wave's rollups from its raw responses; running it twice changes nothing. */
    @Transactional
    public void recompute(UUID waveId) {
        for (String table : TABLES) {
            jdbc.prepareStatement("DELETE FROM " + table + " WHERE wave_id = ?", ps -> {
                ps.setObject(1, waveId);
                return ps.executeUpdate();
            });
        }
        for (String upsert : UPSERTS) {
            jdbc.prepareStatement(FROM_RESPONSES + upsert, ps -> {
                ps.setObject(1, waveId);
                return ps.executeUpdate();
            });
        }
    }
}
