package com.kakehashi.insight;

import com.kakehashi.survey.InstrumentService;
import com.kakehashi.survey.ItemKey;
import com.kakehashi.wave.WaveClosed;
import com.kakehashi.wave.WaveService;
import com.kakehashi.wave.WaveWindow;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps the insight rollups (0009-insight.sql) of the tenant in context. Every stored response is
 * queued in {@code insight_pending} by a trigger (0012); {@link #foldPending} moves a batch of
 * queued responses into the rollups and {@link #recompute} rebuilds a wave from its raw responses.
 * Both run the same set-based SQL over a different source of responses, so folded rollups equal a
 * recomputation exactly (sums are numerics of scores rounded to 12 decimals).
 * <p>
 * Folding happens after the submission has committed (see {@link RollupFolder}), so during an open
 * wave the rollups lag the responses by the fold delay; a closed wave's rollups are final.
 * Folds and recomputations of one tenant take the same transaction-scoped advisory lock: they never
 * upsert the same rows concurrently (no deadlocks), and a recomputation never races a fold.
 */
@Singleton
public class InsightRollups {

    /** The four segments a respondent counts in: the cell, its side, its level, everyone. */
    private static final String SEGMENTS = "(VALUES (s.side, s.level), (s.side, '*'), ('*', s.level), ('*', '*')) AS seg(side, level)";

    /**
     * What other features own, handed in as arrays read through their services in the same
     * transaction: the scoring key of every item each folded wave asked, from the wave's instrument
     * version (wave) and that version's items (survey). Published versions never change, so the
     * keys cannot go stale.
     */
    private static final String KEYS = """
            WITH item_key AS (SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::boolean[])
                                       AS k(wave_id, code, sign, reverse_keyed)),
            """;

    /**
     * Responses taken off the queue in this statement (their queue rows are deleted), only of the
     * waves whose keys were handed in: a response of another wave, committed after they were read,
     * stays queued for the next fold.
     */
    private static final String FROM_QUEUE = """
            claimed AS (
                DELETE FROM insight_pending
                WHERE response_id IN (SELECT response_id FROM insight_pending
                                      WHERE wave_id = ANY (?::uuid[])
                                      ORDER BY response_id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING response_id),
            respondent AS (SELECT r.id AS response_id, r.wave_id, r.side, r.level,
                                  r.comment IS NOT NULL AS has_comment, r.delay_bucket
                           FROM response r
                           WHERE r.id IN (SELECT response_id FROM claimed)),
            """;

    /** A wave's responses that are not queued (queued ones are folded right after). */
    private static final String FROM_WAVE = """
            respondent AS (SELECT r.id AS response_id, r.wave_id, r.side, r.level,
                                  r.comment IS NOT NULL AS has_comment, r.delay_bucket
                           FROM response r
                           WHERE r.wave_id = ?::uuid
                             AND NOT EXISTS (SELECT 1 FROM insight_pending p WHERE p.response_id = r.id)),
            """;

    /**
     * {@code answer(response_id, wave_id, side, level, sign, code, raw, x)} where x is the answer
     * after reverse keying, then one upsert per rollup table, all in one statement. Rows are
     * upserted in key order.
     */
    private static final String FOLD = """
            given AS MATERIALIZED (
                -- Fenced off from the keys: a plan cached while the tables were small must not join
                -- every stored answer to the (small) key array before it meets the batch.
                SELECT r.response_id, r.wave_id, r.side, r.level, a.item_code, a.value
                FROM respondent r
                JOIN response_answer a ON a.response_id = r.response_id),
            answer AS (
                SELECT g.response_id, g.wave_id, g.side, g.level, k.sign, k.code, g.value AS raw,
                       CASE WHEN k.reverse_keyed THEN 6 - g.value ELSE g.value END AS x
                FROM given g
                JOIN item_key k ON k.wave_id = g.wave_id AND k.code = g.item_code),
            signs AS (
                -- A respondent's sign score: (mean after reverse keying − 1) / 4 × 100 = 25 (Σx − m) / m.
                -- Summed per cell first, then the (few) cell sums per segment: sorts stay small.
                INSERT INTO insight_sign_rollup (tenant_id, wave_id, side, level, sign, n, sum_score, sum_sq)
                SELECT current_tenant_id(), s.wave_id, seg.side, seg.level, s.sign,
                       sum(s.n), sum(s.sum_score), sum(s.sum_sq)
                FROM (SELECT wave_id, side, level, sign, count(*) AS n, sum(score) AS sum_score, sum(score * score) AS sum_sq
                      FROM (SELECT response_id, wave_id, side, level, sign,
                                   round((25 * (sum(x) - count(*)))::numeric / count(*), 12) AS score
                            FROM answer GROUP BY response_id, wave_id, side, level, sign) r
                      GROUP BY wave_id, side, level, sign) s
                CROSS JOIN LATERAL %1$s
                GROUP BY s.wave_id, seg.side, seg.level, s.sign
                ORDER BY s.wave_id, seg.side, seg.level, s.sign
                ON CONFLICT (tenant_id, wave_id, side, level, sign) DO UPDATE
                SET n = insight_sign_rollup.n + EXCLUDED.n,
                    sum_score = insight_sign_rollup.sum_score + EXCLUDED.sum_score,
                    sum_sq = insight_sign_rollup.sum_sq + EXCLUDED.sum_sq
                RETURNING 1),
            items AS (
                INSERT INTO insight_item_rollup (tenant_id, wave_id, side, level, item_code, sign, n, sum_value, sum_sq)
                SELECT current_tenant_id(), s.wave_id, seg.side, seg.level, s.code, s.sign,
                       sum(s.n), sum(s.sum_x), sum(s.sum_sq)
                FROM (SELECT wave_id, side, level, code, sign, count(*) AS n, sum(x) AS sum_x, sum(x * x) AS sum_sq
                      FROM answer GROUP BY wave_id, side, level, code, sign) s
                CROSS JOIN LATERAL %1$s
                GROUP BY s.wave_id, seg.side, seg.level, s.code, s.sign
                ORDER BY s.wave_id, seg.side, seg.level, s.code
                ON CONFLICT (tenant_id, wave_id, side, level, item_code) DO UPDATE
                SET n = insight_item_rollup.n + EXCLUDED.n,
                    sum_value = insight_item_rollup.sum_value + EXCLUDED.sum_value,
                    sum_sq = insight_item_rollup.sum_sq + EXCLUDED.sum_sq
                RETURNING 1),
            pairs AS (
                -- Pairs within each respondent's sign, from arrays: linear in the answers (a self-join
                -- of the answer CTE is planned as a nested loop, quadratic in the batch).
                INSERT INTO insight_item_pair_rollup (tenant_id, wave_id, side, sign, item_a, item_b, n, sum_ab)
                SELECT current_tenant_id(), g.wave_id, g.side, g.sign, a.code, b.code, count(*), sum(a.x * b.x)
                FROM (SELECT wave_id, side, sign, array_agg(code ORDER BY code) AS codes, array_agg(x ORDER BY code) AS xs
                      FROM answer GROUP BY response_id, wave_id, side, sign) g
                CROSS JOIN LATERAL unnest(g.codes, g.xs) AS a(code, x)
                CROSS JOIN LATERAL unnest(g.codes, g.xs) AS b(code, x)
                WHERE a.code < b.code
                GROUP BY g.wave_id, g.side, g.sign, a.code, b.code
                ORDER BY g.wave_id, g.side, a.code, b.code
                ON CONFLICT (tenant_id, wave_id, side, item_a, item_b) DO UPDATE
                SET n = insight_item_pair_rollup.n + EXCLUDED.n,
                    sum_ab = insight_item_pair_rollup.sum_ab + EXCLUDED.sum_ab
                RETURNING 1),
            silence AS (
                INSERT INTO insight_silence_rollup (tenant_id, wave_id, side, responses, answers, neutral_answers, comments,
                                                    delay_under_1h, delay_under_1d, delay_under_3d, delay_later)
                SELECT current_tenant_id(), r.wave_id, r.side, r.responses, coalesce(c.answers, 0), coalesce(c.neutral, 0),
                       r.comments, r.under_1h, r.under_1d, r.under_3d, r.later
                FROM (SELECT wave_id, side, count(*) AS responses, count(*) FILTER (WHERE has_comment) AS comments,
                             count(*) FILTER (WHERE delay_bucket = 'UNDER_1H') AS under_1h,
                             count(*) FILTER (WHERE delay_bucket = 'UNDER_1D') AS under_1d,
                             count(*) FILTER (WHERE delay_bucket = 'UNDER_3D') AS under_3d,
                             count(*) FILTER (WHERE delay_bucket = 'LATER') AS later
                      FROM respondent GROUP BY wave_id, side) r
                -- Joined after grouping (a few rows each side), not per respondent: linear in the batch.
                LEFT JOIN (SELECT wave_id, side, count(*) AS answers, count(*) FILTER (WHERE raw = 3) AS neutral
                           FROM answer GROUP BY wave_id, side) c ON c.wave_id = r.wave_id AND c.side = r.side
                ORDER BY r.wave_id, r.side
                ON CONFLICT (tenant_id, wave_id, side) DO UPDATE
                SET responses = insight_silence_rollup.responses + EXCLUDED.responses,
                    answers = insight_silence_rollup.answers + EXCLUDED.answers,
                    neutral_answers = insight_silence_rollup.neutral_answers + EXCLUDED.neutral_answers,
                    comments = insight_silence_rollup.comments + EXCLUDED.comments,
                    delay_under_1h = insight_silence_rollup.delay_under_1h + EXCLUDED.delay_under_1h,
                    delay_under_1d = insight_silence_rollup.delay_under_1d + EXCLUDED.delay_under_1d,
                    delay_under_3d = insight_silence_rollup.delay_under_3d + EXCLUDED.delay_under_3d,
                    delay_later = insight_silence_rollup.delay_later + EXCLUDED.delay_later
                RETURNING 1)
            SELECT count(*) FROM respondent
            """.formatted(SEGMENTS);

    private static final String FOLD_QUEUED = KEYS + FROM_QUEUE + FOLD;
    private static final String FOLD_WAVE = KEYS + FROM_WAVE + FOLD;

    /** Serialises folds and recomputations per tenant (class id, then a hash of the tenant). */
    private static final String LOCK = "SELECT pg_advisory_xact_lock(20261123, hashtext(current_tenant_id()::text))";

    private static final List<String> TABLES = List.of("insight_sign_rollup", "insight_item_rollup",
            "insight_item_pair_rollup", "insight_silence_rollup");

    /** Responses folded per statement: large enough to amortise the hot rows, small enough to keep locks short. */
    static final int BATCH = 1000;

    private final JdbcOperations jdbc;
    private final WaveService waves;
    private final InstrumentService instruments;

    InsightRollups(JdbcOperations jdbc, WaveService waves, InstrumentService instruments) {
        this.jdbc = jdbc;
        this.waves = waves;
        this.instruments = instruments;
    }

    /** How many responses of the tenant in context wait in the queue (the rollups lag them). */
    long pendingCount() {
        return jdbc.prepareStatement("SELECT count(*) FROM insight_pending", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Folds up to {@link #BATCH} queued responses of the tenant in context into its rollups.
     *
     * @return how many were folded (fewer than {@link #BATCH}: the queue was empty after them)
     */
    @Transactional
    public int foldPending() {
        lock();
        List<UUID> queued = jdbc.prepareStatement("SELECT DISTINCT wave_id FROM insight_pending", ps -> {
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
        return queued.isEmpty() ? 0 : foldQueued(keys(queued), BATCH);
    }

    /** A closed wave's rollups are rebuilt from its raw responses: the final numbers. */
    @EventListener
    void onWaveClosed(WaveClosed event) {
        recompute(event.waveId());
    }

    /**
     * Rebuilds a wave's rollups from its raw responses; running it twice changes nothing. Responses
     * queued but not yet folded are left out of the rebuild and then folded (leaving the queue), so
     * a response committed while this runs is counted once, by this or by a later fold.
     */
    @Transactional
    public void recompute(UUID waveId) {
        lock();
        for (String table : TABLES) {
            jdbc.prepareStatement("DELETE FROM " + table + " WHERE wave_id = ?", ps -> {
                ps.setObject(1, waveId);
                return ps.executeUpdate();
            });
        }
        Keys keys = keys(List.of(waveId));
        jdbc.prepareStatement(FOLD_WAVE, ps -> {
            int next = keys.bind(ps);
            ps.setObject(next, waveId);
            return count(ps.executeQuery());
        });
        foldQueued(keys, Integer.MAX_VALUE);
    }

    private int foldQueued(Keys keys, int limit) {
        return jdbc.prepareStatement(FOLD_QUEUED, ps -> {
            int next = keys.bind(ps);
            ps.setArray(next, ps.getConnection().createArrayOf("uuid", keys.waves()));
            ps.setInt(next + 1, limit);
            return count(ps.executeQuery());
        });
    }

    /** The {@link #KEYS} of the given waves of the tenant in context; an unknown wave is left out. */
    private Keys keys(List<UUID> waveIds) {
        Map<UUID, WaveWindow> windows = waves.windows(waveIds);
        Map<UUID, List<ItemKey>> byVersion = instruments.itemKeys(
                        windows.values().stream().map(WaveWindow::instrumentVersionId).distinct().toList())
                .stream().collect(Collectors.groupingBy(ItemKey::versionId));
        List<UUID> itemWaves = new ArrayList<>();
        List<ItemKey> items = new ArrayList<>();
        windows.values().forEach(wave -> byVersion.getOrDefault(wave.instrumentVersionId(), List.of()).forEach(item -> {
            itemWaves.add(wave.id());
            items.add(item);
        }));
        return new Keys(windows.keySet().toArray(UUID[]::new), itemWaves.toArray(UUID[]::new),
                items.stream().map(ItemKey::code).toArray(String[]::new),
                items.stream().map(k -> k.sign().name()).toArray(String[]::new),
                items.stream().map(ItemKey::reverseKeyed).toArray(Boolean[]::new));
    }

    /** The arrays bound to {@link #KEYS} (one row per wave and item) and the waves they cover. */
    private record Keys(UUID[] waves, UUID[] itemWaves, String[] codes, String[] signs, Boolean[] reverseKeyed) {

        /** @return the index of the next parameter */
        int bind(PreparedStatement ps) throws SQLException {
            Connection connection = ps.getConnection();
            ps.setArray(1, connection.createArrayOf("uuid", itemWaves));
            ps.setArray(2, connection.createArrayOf("text", codes));
            ps.setArray(3, connection.createArrayOf("text", signs));
            ps.setArray(4, connection.createArrayOf("boolean", reverseKeyed));
            return 5;
        }
    }

    private void lock() {
        jdbc.prepareStatement(LOCK, ps -> {
            ps.executeQuery().close();
            return null;
        });
    }

    private static int count(ResultSet rs) throws SQLException {
        try (rs) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
