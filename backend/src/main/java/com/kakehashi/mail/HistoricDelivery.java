package com.kakehashi.mail;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo's history: the invitation mails of a wave that lies in the past are recorded as sent
 * at their send time, with a link token minted and stored exactly as {@link OutboxBatch} does, but
 * nothing is delivered; the links go back to the caller instead of a mailbox. Reminders of such a
 * wave are cancelled. Both carry the note {@value #NOTE_SENT} / {@value #NOTE_CANCELLED} in
 * {@code last_error}, so the console's outbox says why. Never used outside the demo.
 */
@Singleton
public class HistoricDelivery {

    static final String NOTE_SENT = "demo history: recorded as sent, not delivered";
    static final String NOTE_CANCELLED = "demo history: not sent";

    /** What the mail would have carried: who (for the demo's seeded randomness only) and the link token. */
    public record HistoricLink(String email, Side side, Level level, String language, Instant sentAt, String token) {
    }

    private final JdbcOperations jdbc;
    private final OutboxStore store;

    HistoricDelivery(JdbcOperations jdbc, OutboxStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /**
     * Must join the transaction that opened the wave: its outbox rows are then never visible as
     * PENDING to the dispatcher, so not one historic mail reaches the demo mailbox.
     *
     * @return one link per invitation of the wave, ordered by address
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public List<HistoricLink> recordAsSent(UUID waveId) {
        // Plain per-table reads: right after the wave's rows were written the planner has no
        // statistics for them, and a four-table join took 60 ms instead of 1.
        Map<UUID, String> emails = jdbc.prepareStatement("SELECT id, email FROM participant", ps -> {
            Map<UUID, String> found = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
            return found;
        });
        Instant closesAt = jdbc.prepareStatement("SELECT closes_at FROM wave WHERE id = ?", ps -> {
            ps.setObject(1, waveId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        });
        Map<UUID, HistoricLink> links = jdbc.prepareStatement("""
                SELECT id, participant_id, side, level, language, send_at FROM invitation WHERE wave_id = ?
                """, ps -> {
            ps.setObject(1, waveId);
            Map<UUID, HistoricLink> found = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getObject(1, UUID.class), new HistoricLink(emails.get(rs.getObject(2, UUID.class)),
                            Side.valueOf(rs.getString(3)), Level.valueOf(rs.getString(4)), rs.getString(5),
                            rs.getTimestamp(6).toInstant(), InvitationTokens.mint()));
                }
            }
            return found;
        });
        List<OutboxStore.SentToken> tokens = new ArrayList<>(links.size());
        links.forEach((invitation, link) -> tokens.add(new OutboxStore.SentToken(InvitationTokens.hash(link.token()),
                invitation, closesAt)));
        store.insertTokens(tokens);
        UUID[] invitations = links.keySet().toArray(UUID[]::new);
        mark("""
                UPDATE mail_outbox SET status = 'SENT', sent_at = send_after, last_error = ?
                WHERE kind = 'INVITATION' AND status = 'PENDING' AND invitation_id = ANY (?::uuid[])
                """, NOTE_SENT, invitations);
        mark("""
                UPDATE mail_outbox SET status = 'CANCELLED', last_error = ?
                WHERE kind = 'REMINDER' AND status = 'PENDING' AND invitation_id = ANY (?::uuid[])
                """, NOTE_CANCELLED, invitations);
        return links.values().stream().sorted(Comparator.comparing(HistoricLink::email)).toList();
    }

    private void mark(String sql, String note, UUID[] invitations) {
        jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, note);
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", invitations));
            return ps.executeUpdate();
        });
    }
}
