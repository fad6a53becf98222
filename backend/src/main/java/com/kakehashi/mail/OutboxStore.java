package com.kakehashi.mail;

import com.kakehashi.tenancy.TenantContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * mail_outbox and invitation_token in plain SQL. Tenant tables are read under Row Level Security
 * (the tenant in context); the joins below only follow the composite keys.
 */
@Singleton
class OutboxStore {

    private final JdbcOperations jdbc;

    OutboxStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The global tenant registry: the dispatcher visits each tenant in turn. */
    List<UUID> tenantIds() {
        return jdbc.prepareStatement("SELECT id FROM tenant ORDER BY id", ps -> {
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }

    /**
     * Locks up to {@code limit} due PENDING rows of the tenant in context. SKIP LOCKED: rows another
     * dispatcher holds are left to it, so two replicas never send the same row at the same time.
     */
    List<OutboxMail> claimDue(int limit) {
        return jdbc.prepareStatement("""
                SELECT o.id, o.invitation_id, o.kind, o.send_after, o.attempts,
                       i.language, i.time_zone, i.responded, p.email, p.display_name,
                       w.status, w.closes_at, e.name
                FROM mail_outbox o
                JOIN invitation i ON i.tenant_id = o.tenant_id AND i.id = o.invitation_id
                JOIN wave w ON w.tenant_id = i.tenant_id AND w.id = i.wave_id
                JOIN pulse_schedule s ON s.tenant_id = w.tenant_id AND s.id = w.schedule_id
                JOIN engagement e ON e.tenant_id = s.tenant_id AND e.id = s.engagement_id
                LEFT JOIN participant p ON p.tenant_id = i.tenant_id AND p.id = i.participant_id
                WHERE o.status = 'PENDING' AND o.send_after <= now()
                ORDER BY o.send_after, o.id
                LIMIT ?
                FOR UPDATE OF o SKIP LOCKED""", ps -> {
            ps.setInt(1, limit);
            List<OutboxMail> due = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new OutboxMail(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            MailKind.valueOf(rs.getString(3)), instant(rs, 4), rs.getInt(5),
                            rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), instant(rs, 12), rs.getString(13)));
                }
            }
            return due;
        });
    }

    void markSent(UUID id, Instant sentAt) {
        update("UPDATE mail_outbox SET status = 'SENT', sent_at = ?, last_error = NULL WHERE id = ?", Timestamp.from(sentAt), id);
    }

    void markCancelled(UUID id, String reason) {
        update("UPDATE mail_outbox SET status = 'CANCELLED', last_error = ? WHERE id = ?", reason, id);
    }

    void markRetry(UUID id, int attempts, String error, Instant sendAfter) {
        update("UPDATE mail_outbox SET attempts = ?, last_error = ?, send_after = ? WHERE id = ?",
                attempts, error, Timestamp.from(sendAfter), id);
    }

    void markFailed(UUID id, int attempts, String error) {
        update("UPDATE mail_outbox SET status = 'FAILED', attempts = ?, last_error = ? WHERE id = ?", attempts, error, id);
    }

    /** The global token lookup: only the hash, the tenant and the invitation. */
    void insertToken(byte[] tokenHash, UUID invitationId, Instant expiresAt) {
        jdbc.prepareStatement("INSERT INTO invitation_token (token_hash, tenant_id, invitation_id, expires_at) VALUES (?, ?, ?, ?)", ps -> {
            ps.setBytes(1, tokenHash);
            ps.setObject(2, TenantContext.require());
            ps.setObject(3, invitationId);
            ps.setTimestamp(4, Timestamp.from(expiresAt));
            return ps.executeUpdate();
        });
    }

    /** {@link #insertToken} for many invitations in one batch (the demo's history: a wave at a time). */
    void insertTokens(java.util.Map<UUID, byte[]> hashByInvitation, Instant expiresAt) {
        jdbc.prepareStatement("INSERT INTO invitation_token (token_hash, tenant_id, invitation_id, expires_at) VALUES (?, ?, ?, ?)", ps -> {
            for (var entry : hashByInvitation.entrySet()) {
                ps.setBytes(1, entry.getValue());
                ps.setObject(2, TenantContext.require());
                ps.setObject(3, entry.getKey());
                ps.setTimestamp(4, Timestamp.from(expiresAt));
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    private void update(String sql, Object... parameters) {
        jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            int updated = ps.executeUpdate();
            if (updated != 1) {
                throw new IllegalStateException("outbox row not updated (" + updated + " rows)");
            }
            return updated;
        });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
