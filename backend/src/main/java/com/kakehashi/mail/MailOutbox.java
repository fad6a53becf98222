package com.kakehashi.mail;

import com.kakehashi.invitation.InvitationService;
import com.kakehashi.invitation.InvitationView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Invitation and reminder mails for the console (the tenant in context; Row Level Security applies). */
@Singleton
public class MailOutbox {

    private final JdbcOperations jdbc;
    private final InvitationService invitations;

    MailOutbox(JdbcOperations jdbc, InvitationService invitations) {
        this.jdbc = jdbc;
        this.invitations = invitations;
    }

    @Transactional
    public List<OutboxEntry> list(@Nullable OutboxStatus status, int limit) {
        record ConsoleRow(UUID id, UUID invitationId, OutboxKind kind, OutboxStatus status, Instant sendAfter, int attempts,
                   String lastError, Instant sentAt) {
        }
        List<ConsoleRow> rows = jdbc.prepareStatement("""
                SELECT id, invitation_id, kind, status, send_after, attempts, last_error, sent_at
                FROM mail_outbox
                WHERE kind IN ('INVITATION', 'REMINDER') AND (CAST(? AS text) IS NULL OR status = ?)
                ORDER BY send_after DESC, id LIMIT ?
                """, ps -> {
            String wanted = status == null ? null : status.name();
            ps.setString(1, wanted);
            ps.setString(2, wanted);
            ps.setInt(3, limit);
            List<ConsoleRow> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp sent = rs.getTimestamp(8);
                    found.add(new ConsoleRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            OutboxKind.valueOf(rs.getString(3)), OutboxStatus.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getString(7),
                            sent == null ? null : sent.toInstant()));
                }
            }
            return found;
        });
        Map<UUID, InvitationView> invited = invitations.find(rows.stream().map(ConsoleRow::invitationId).distinct().toList());
        return rows.stream().map(r -> new OutboxEntry(r.id(), invited.get(r.invitationId()).waveId(), r.kind().name(), r.status().name(),
                r.sendAfter(), r.attempts(), r.lastError(), r.sentAt())).toList();
    }

    /** Mails of a wave still waiting in the outbox. */
    @Transactional
    public long pendingCount(UUID waveId) {
        List<UUID> ids = invitations.idsOfWave(waveId);
        return jdbc.prepareStatement("SELECT count(*) FROM mail_outbox WHERE status = 'PENDING' AND invitation_id = ANY (?)",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }
}
