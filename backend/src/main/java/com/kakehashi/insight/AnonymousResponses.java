package com.kakehashi.insight;

import com.kakehashi.tenancy.TenantContext;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The anonymous answer store ({@code response}, {@code response_answer}) of the tenant in context,
 * where Row Level Security scopes each table and new rows take their tenant from
 * {@code current_tenant_id()}. Insight owns it because insight is all that reads answers; the
 * respondent page decides whether a submission may be stored and hands it over here.
 */
@Singleton
public class AnonymousResponses {

    private final JdbcOperations jdbc;
    private final ApplicationEventPublisher<ResponseRecorded> recorded;

    AnonymousResponses(JdbcOperations jdbc, ApplicationEventPublisher<ResponseRecorded> recorded) {
        this.jdbc = jdbc;
        this.recorded = recorded;
    }

    /**
     * Stores the response and its answers in one statement (one round trip), inside the caller's
     * transaction, so the submission stays atomic with whatever the caller marked. The insert
     * queues the response for the rollups (trigger, same transaction); they are folded after
     * commit, so submissions of one wave do not queue behind the rollup rows they would all update
     * (dashboards may lag an open wave by the fold delay).
     */
    @Transactional
    public void record(AnonymousResponse response) {
        String[] codes = response.answers().keySet().toArray(String[]::new);
        Integer[] values = response.answers().values().toArray(Integer[]::new);
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
            ps.setObject(1, response.waveId());
            ps.setString(2, response.side().name());
            ps.setString(3, response.level().name());
            ps.setString(4, response.language());
            ps.setString(5, response.delay().name());
            ps.setString(6, response.comment());
            ps.setArray(7, ps.getConnection().createArrayOf("text", codes));
            ps.setArray(8, ps.getConnection().createArrayOf("integer", values));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        recorded.publishEvent(new ResponseRecorded(TenantContext.require()));
    }
}
