package com.kakehashi.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Read side of the outbox for the console (the tenant in context; Row Level Security applies). */
@Singleton
public class MailOutbox {

    private final JdbcOperations jdbc;

    MailOutbox(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public List<OutboxEntry> list(@Nullable String status, int limit) {
        return jdbc.prepareStatement("""
                SELECT o.id, i.wave_id, o.kind, o.status, o.send_after, o.attempts, o.last_error, o.sent_at
                FROM mail_outbox o JOIN invitation i ON i.tenant_id = o.tenant_id AND i.id = o.invitation_id
                WHERE (CAST(? AS text) IS NULL OR o.status = ?)
                ORDER BY o.send_after DESC, o.id LIMIT ?
                """, ps -> {
            ps.setString(1, status);
            ps.setString(2, status);
            ps.setInt(3, limit);
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp sent = rs.getTimestamp(8);
                    entries.add(new OutboxEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getString(7),
                            sent == null ? null : sent.toInstant()));
                }
            }
            return entries;
        });
    }
}
