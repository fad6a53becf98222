package com.kakehashi.respond;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

/**
 * Plain SQL of the respondent page: the anonymous response and its answers, inside the
 * invitation's tenant, where Row Level Security scopes each table and new rows take their tenant
 * from {@code current_tenant_id()}.
 */
@Singleton
class RespondStore {

    private final JdbcOperations jdbc;

    RespondStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One statement, so one round trip: the response and its answers, with nothing that leads back
     * to the invitation or the participant. Storing the response queues it for the insight rollups
     * (trigger).
     */
    @Transactional
    void record(UUID waveId, Side side, Level level, String language, DelayBucket delay,
                Map<String, Integer> answers, String comment) {
        String[] codes = answers.keySet().toArray(String[]::new);
        Integer[] values = answers.values().toArray(Integer[]::new);
        jdbc.prepareStatement("""
                WITH stored AS (
                    INSERT INTO response (tenant_id, id, wave_id, side, level, language, delay_bucket, comment)
                    VALUES (current_tenant_id(), gen_random_uuid(), ?, ?, ?, ?, ?, ?)
                    RETURNING id),
                answered AS (
                    INSERT INTO response_answer (tenant_id, response_id, item_code, value)
                    SELECT current_tenant_id(), stored.id, a.code, a.value
                    FROM stored CROSS JOIN unnest(?::text[], ?::smallint[]) AS a(code, value))
                SELECT count(*) FROM stored
                """, (PreparedStatement ps) -> {
            ps.setObject(1, waveId);
            ps.setString(2, side.name());
            ps.setString(3, level.name());
            ps.setString(4, language);
            ps.setString(5, delay.name());
            ps.setString(6, comment);
            ps.setArray(7, ps.getConnection().createArrayOf("text", codes));
            ps.setArray(8, ps.getConnection().createArrayOf("integer", values));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
