package com.kakehashi.lifecycle;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The two retention deletions the app role may not make itself (response and audit_event are
 * append-only for it): database functions from 0031 that run as the tables' owner and stay inside
 * the tenant in context (FORCE ROW LEVEL SECURITY).
 */
@Singleton
class RetentionStore {

    private final JdbcOperations jdbc;

    RetentionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    int clearComments(Instant closedBefore) {
        return call("SELECT retention_clear_comments(?)", closedBefore);
    }

    int purgeAudit(Instant occurredBefore) {
        return call("SELECT retention_purge_audit(?)", occurredBefore);
    }

    private int call(String sql, Instant cutOff) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setTimestamp(1, Timestamp.from(cutOff));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
