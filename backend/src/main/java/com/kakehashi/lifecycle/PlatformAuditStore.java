package com.kakehashi.lifecycle;

import com.kakehashi.identity.Caller;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** platform_audit_event: what happened to whole tenants, kept after the tenant is gone. */
@Singleton
class PlatformAuditStore {

    private final JdbcOperations jdbc;

    PlatformAuditStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void record(Caller actor, Instant at, String action, UUID tenantId, String tenantName, String detailJson) {
        jdbc.prepareStatement("""
                INSERT INTO platform_audit_event (id, occurred_at, actor_id, actor_email, action, subject_tenant, subject_name, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                """, ps -> {
            ps.setObject(1, UUID.randomUUID());
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setObject(3, actor.id());
            ps.setString(4, actor.email());
            ps.setString(5, action);
            ps.setObject(6, tenantId);
            ps.setString(7, tenantName);
            ps.setString(8, detailJson);
            return ps.executeUpdate();
        });
    }

    List<PlatformAuditEntry> latest(int limit) {
        return jdbc.prepareStatement("""
                SELECT id, occurred_at, actor_id, actor_email, action, subject_tenant, subject_name, detail::text
                FROM platform_audit_event ORDER BY occurred_at DESC, id LIMIT ?
                """, ps -> {
            ps.setInt(1, limit);
            List<PlatformAuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new PlatformAuditEntry(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class),
                            rs.getString(7), rs.getString(8)));
                }
            }
            return entries;
        });
    }

    /** The tenant's rows, deleted by the 0031 function as their owner; returns the rows per table as JSON. */
    String offboard(UUID tenantId) {
        return jdbc.prepareStatement("SELECT offboard_tenant(?)::text", ps -> {
            ps.setObject(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
