package com.kakehashi.mail;

import com.kakehashi.jdbc.ParameterBinder;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * mail_outbox in plain SQL, for the tenant in context (Row Level Security applies; new rows take
 * their tenant from {@code current_tenant_id()}). Whether a row is due is decided by the
 * application's clock, passed in, never the database's {@code now()}.
 */
@Singleton
class OutboxStore {

    /** An invitation to mail: when its invitation is due. */
    record Addressee(UUID invitationId, Instant sendAt) {
    }

    /**
     * The PENDING mails due at some instant, and since when the longest-waiting PENDING mail has been
     * due — counting the time it spent backing off after failed attempts.
     */
    record Due(long mails, Optional<Instant> oldest) {
    }

    private final JdbcOperations jdbc;

    OutboxStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks up to {@code limit} PENDING rows of any kind due at {@code now}, oldest first, from the
     * per-tenant due index. SKIP LOCKED: rows another worker or replica holds are left to it, so no
     * row is sent by two at the same time.
     */
    List<QueuedMail> claimDue(int limit, Instant now) {
        return jdbc.prepareStatement("""
                SELECT id, kind, send_after, attempts, invitation_id, alert_id, wave_id, user_id, email, action_id, action_event, language
                FROM mail_outbox
                WHERE tenant_id = current_tenant_id() AND status = 'PENDING' AND send_after <= ?
                ORDER BY send_after, id
                LIMIT ?
                FOR UPDATE SKIP LOCKED""", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, limit);
            List<QueuedMail> due = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new QueuedMail(rs.getObject(1, UUID.class), OutboxKind.valueOf(rs.getString(2)),
                            rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                            rs.getObject(7, UUID.class), rs.getObject(8, UUID.class), rs.getString(9), rs.getObject(10, UUID.class),
                            rs.getString(11), rs.getString(12)));
                }
            }
            return due;
        });
    }

    /**
     * The tenant's PENDING mails due at {@code now}, and the oldest time any PENDING mail was first
     * due, backing-off retries included (the per-tenant PENDING index narrows both).
     */
    Due due(Instant now) {
        return jdbc.prepareStatement("""
                SELECT count(*) FILTER (WHERE send_after <= ?), min(coalesce(waiting_since, send_after)) FROM mail_outbox
                WHERE tenant_id = current_tenant_id() AND status = 'PENDING' AND coalesce(waiting_since, send_after) <= ?""", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(2);
                return new Due(rs.getLong(1), Optional.ofNullable(oldest).map(Timestamp::toInstant));
            }
        });
    }

    /**
     * The invitation mail at each invitation's send time, and one reminder per offset that falls
     * before closing, in one statement.
     */
    int queue(List<Addressee> addressees, List<Integer> reminderOffsetDays, Instant closesAt) {
        if (addressees.isEmpty()) {
            return 0;
        }
        UUID[] ids = new UUID[addressees.size()];
        String[] sendAt = new String[addressees.size()];
        for (int i = 0; i < addressees.size(); i++) {
            ids[i] = addressees.get(i).invitationId();
            sendAt[i] = addressees.get(i).sendAt().toString();
        }
        return jdbc.prepareStatement("""
                WITH i AS (SELECT t.id, t.send_at::timestamptz AS send_at FROM unnest(?::uuid[], ?::text[]) AS t(id, send_at))
                INSERT INTO mail_outbox (tenant_id, id, invitation_id, kind, status, send_after)
                SELECT current_tenant_id(), gen_random_uuid(), i.id, 'INVITATION', 'PENDING', i.send_at FROM i
                UNION ALL
                SELECT current_tenant_id(), gen_random_uuid(), i.id, 'REMINDER', 'PENDING', i.send_at + make_interval(days => r.days)
                FROM i CROSS JOIN unnest(?::int[]) AS r(days)
                WHERE i.send_at + make_interval(days => r.days) < ?::timestamptz
                """, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids));
            ps.setArray(2, ps.getConnection().createArrayOf("text", sendAt));
            ps.setArray(3, ps.getConnection().createArrayOf("integer", reminderOffsetDays.toArray()));
            ps.setTimestamp(4, Timestamp.from(closesAt));
            return ps.executeUpdate();
        });
    }

    /** Once per alert, wave and consultant: a second queueing of the same mail changes nothing. @return true if queued now */
    boolean queueAlert(UUID alertId, UUID waveId, UUID userId, String email, Instant sendAfter) {
        return update("""
                INSERT INTO mail_outbox (tenant_id, id, kind, status, send_after, alert_id, wave_id, user_id, email)
                VALUES (current_tenant_id(), ?, 'ALERT', 'PENDING', ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, alert_id, user_id, wave_id) WHERE kind = 'ALERT' DO NOTHING
                """, ps -> {
            ps.setObject(1, UUID.randomUUID());
            ps.setTimestamp(2, Timestamp.from(sendAfter));
            ps.setObject(3, alertId);
            ps.setObject(4, waveId);
            ps.setObject(5, userId);
            ps.setString(6, email);
        }) == 1;
    }

    /** Once per action, event and address: a second queueing of the same notice changes nothing. @return true if queued now */
    boolean queueAction(UUID actionId, String event, UUID userId, String email, String language, Instant sendAfter) {
        return update("""
                INSERT INTO mail_outbox (tenant_id, id, kind, status, send_after, action_id, action_event, user_id, email, language)
                VALUES (current_tenant_id(), ?, 'ACTION', 'PENDING', ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, action_id, action_event, email) WHERE kind = 'ACTION' DO NOTHING
                """, ps -> {
            ps.setObject(1, UUID.randomUUID());
            ps.setTimestamp(2, Timestamp.from(sendAfter));
            ps.setObject(3, actionId);
            ps.setString(4, event);
            ps.setObject(5, userId);
            ps.setString(6, email);
            ps.setString(7, language);
        }) == 1;
    }

    /** @return how many PENDING mails of these invitations were cancelled */
    int cancelPending(Collection<UUID> invitationIds, String reason) {
        return invitationIds.isEmpty() ? 0 : update("""
                UPDATE mail_outbox SET status = 'CANCELLED', last_error = ?
                WHERE status = 'PENDING' AND invitation_id = ANY (?)""", ps -> {
            ps.setString(1, reason);
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", invitationIds.toArray()));
        });
    }

    /** One statement for a round's sent rows (all locked by this transaction, so all must change). */
    void markSent(List<UUID> ids, Instant sentAt) {
        if (ids.isEmpty()) {
            return;
        }
        expect(ids.size(), update("""
                UPDATE mail_outbox SET status = 'SENT', sent_at = ?, last_error = NULL
                WHERE tenant_id = current_tenant_id() AND id = ANY (?)""", ps -> {
            ps.setTimestamp(1, Timestamp.from(sentAt));
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", ids.toArray()));
        }));
    }

    void markCancelled(List<UUID> ids, String reason) {
        if (ids.isEmpty()) {
            return;
        }
        expect(ids.size(), update("""
                UPDATE mail_outbox SET status = 'CANCELLED', last_error = ?
                WHERE tenant_id = current_tenant_id() AND id = ANY (?)""", ps -> {
            ps.setString(1, reason);
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", ids.toArray()));
        }));
    }

    void markRetry(UUID id, int attempts, String error, Instant sendAfter) {
        // waiting_since keeps the first due time, so the backlog's age survives the backoff.
        expect(1, update("""
                UPDATE mail_outbox SET attempts = ?, last_error = ?, waiting_since = coalesce(waiting_since, send_after), send_after = ?
                WHERE id = ?""", ps -> {
            ps.setInt(1, attempts);
            ps.setString(2, error);
            ps.setTimestamp(3, Timestamp.from(sendAfter));
            ps.setObject(4, id);
        }));
    }

    void markFailed(UUID id, int attempts, String error) {
        expect(1, update("UPDATE mail_outbox SET status = 'FAILED', attempts = ?, last_error = ? WHERE id = ?", ps -> {
            ps.setInt(1, attempts);
            ps.setString(2, error);
            ps.setObject(3, id);
        }));
    }

    /** The demo's history: a past wave's invitation mails as sent at their send time, its reminders as never sent. */
    void recordHistoric(Collection<UUID> invitationIds, String sentNote, String cancelledNote) {
        UUID[] ids = invitationIds.toArray(UUID[]::new);
        update("""
                UPDATE mail_outbox SET status = 'SENT', sent_at = send_after, last_error = ?
                WHERE kind = 'INVITATION' AND status = 'PENDING' AND invitation_id = ANY (?::uuid[])""", ps -> {
            ps.setString(1, sentNote);
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", ids));
        });
        update("""
                UPDATE mail_outbox SET status = 'CANCELLED', last_error = ?
                WHERE kind = 'REMINDER' AND status = 'PENDING' AND invitation_id = ANY (?::uuid[])""", ps -> {
            ps.setString(1, cancelledNote);
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", ids));
        });
    }

    /** The demo's history: an action's notice of this event, queued just now, as sent when the event happened. */
    int recordHistoricAction(UUID actionId, String event, Instant sentAt, String sentNote) {
        return update("""
                UPDATE mail_outbox SET status = 'SENT', send_after = ?, sent_at = ?, last_error = ?
                WHERE kind = 'ACTION' AND status = 'PENDING' AND action_id = ? AND action_event = ?""", ps -> {
            ps.setTimestamp(1, Timestamp.from(sentAt));
            ps.setTimestamp(2, Timestamp.from(sentAt));
            ps.setString(3, sentNote);
            ps.setObject(4, actionId);
            ps.setString(5, event);
        });
    }


    private int update(String sql, ParameterBinder binder) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            return ps.executeUpdate();
        });
    }

    private static void expect(int rows, int updated) {
        if (updated != rows) {
            throw new IllegalStateException("outbox: " + updated + " rows written, expected " + rows);
        }
    }
}
