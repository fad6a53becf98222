package com.kakehashi.invitation;

import com.kakehashi.jdbc.ParameterBinder;
import com.kakehashi.jdbc.RowReader;
import com.kakehashi.jdbc.Sql;
import com.kakehashi.participant.ParticipantAudience;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * invitation and invitation_token in plain SQL, for the tenant in context (Row Level Security
 * scopes every statement; new rows take their tenant from {@code current_tenant_id()}). Set-based:
 * a wave for 100,000 participants is one statement, not 100,000. Callers hold the transaction.
 */
@Singleton
class InvitationStore {

    private static final String COLUMNS = "id, wave_id, participant_id, side, level, language, time_zone, send_at, responded";

    private final JdbcOperations jdbc;

    InvitationStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** One invitation per member, sent at their side's time; one statement however many. */
    int invite(UUID waveId, List<ParticipantAudience.Member> members, Map<Side, Instant> sendAt, Instant fallbackSendAt) {
        if (members.isEmpty()) {
            return 0;
        }
        int n = members.size();
        UUID[] ids = new UUID[n];
        String[] sides = new String[n];
        String[] levels = new String[n];
        String[] languages = new String[n];
        String[] zones = new String[n];
        for (int i = 0; i < n; i++) {
            ParticipantAudience.Member member = members.get(i);
            ids[i] = member.id();
            sides[i] = member.side().name();
            levels[i] = member.level().name();
            languages[i] = member.language();
            zones[i] = member.timeZone();
        }
        return jdbc.prepareStatement("""
                INSERT INTO invitation (tenant_id, id, wave_id, participant_id, side, level, language, time_zone, send_at)
                SELECT current_tenant_id(), gen_random_uuid(), ?, m.id, m.side, m.level, m.language, m.time_zone,
                       CASE m.side WHEN 'JAPAN' THEN ?::timestamptz WHEN 'HQ' THEN ?::timestamptz ELSE ?::timestamptz END
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) AS m(id, side, level, language, time_zone)
                """, ps -> {
            ps.setObject(1, waveId);
            ps.setTimestamp(2, Timestamp.from(sendAt.getOrDefault(Side.JAPAN, fallbackSendAt)));
            ps.setTimestamp(3, Timestamp.from(sendAt.getOrDefault(Side.HQ, fallbackSendAt)));
            ps.setTimestamp(4, Timestamp.from(sendAt.getOrDefault(Side.REGIONAL, fallbackSendAt)));
            ps.setArray(5, ps.getConnection().createArrayOf("uuid", ids));
            ps.setArray(6, ps.getConnection().createArrayOf("text", sides));
            ps.setArray(7, ps.getConnection().createArrayOf("text", levels));
            ps.setArray(8, ps.getConnection().createArrayOf("text", languages));
            ps.setArray(9, ps.getConnection().createArrayOf("text", zones));
            return ps.executeUpdate();
        });
    }

    List<InvitationCount> counts(Collection<UUID> waveIds) {
        if (waveIds.isEmpty()) {
            return List.of();
        }
        return list("""
                SELECT wave_id, side, count(*), count(*) FILTER (WHERE responded)
                FROM invitation WHERE wave_id = ANY (?::uuid[]) GROUP BY wave_id, side
                """, ps -> ps.setArray(1, uuids(ps, waveIds)), rs -> new InvitationCount(rs.getObject(1, UUID.class),
                Side.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4)));
    }

    List<InvitationView> ofWave(UUID waveId) {
        return list("SELECT " + COLUMNS + " FROM invitation WHERE wave_id = ?", ps -> ps.setObject(1, waveId),
                InvitationStore::view);
    }

    List<InvitationView> find(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("SELECT " + COLUMNS + " FROM invitation WHERE id = ANY (?::uuid[])", ps -> ps.setArray(1, uuids(ps, ids)),
                InvitationStore::view);
    }

    List<UUID> idsOfWave(UUID waveId) {
        return list("SELECT id FROM invitation WHERE wave_id = ?", ps -> ps.setObject(1, waveId),
                rs -> rs.getObject(1, UUID.class));
    }

    List<UUID> idsOfParticipant(UUID participantId) {
        return list("SELECT id FROM invitation WHERE participant_id = ?", ps -> ps.setObject(1, participantId),
                rs -> rs.getObject(1, UUID.class));
    }

    /** The invitation is marked answered only if it was not; the row lock makes a concurrent answer wait and re-check. */
    boolean markResponded(UUID invitationId) {
        return jdbc.prepareStatement("UPDATE invitation SET responded = true WHERE id = ? AND NOT responded", ps -> {
            ps.setObject(1, invitationId);
            return ps.executeUpdate() == 1;
        });
    }

    /** One multi-row INSERT: only the hash, the tenant and the invitation, valid until {@code expiresAt}. */
    void insertTokens(List<IssuedToken> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        byte[][] hashes = new byte[tokens.size()][];
        UUID[] invitations = new UUID[tokens.size()];
        String[] expiries = new String[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            hashes[i] = InvitationTokens.hash(tokens.get(i).token());
            invitations[i] = tokens.get(i).invitationId();
            expiries[i] = tokens.get(i).expiresAt().toString();
        }
        jdbc.prepareStatement("""
                INSERT INTO invitation_token (token_hash, tenant_id, invitation_id, expires_at)
                SELECT t.hash, ?, t.invitation, t.expires::timestamptz
                FROM unnest(?::bytea[], ?::uuid[], ?::text[]) AS t(hash, invitation, expires)""", ps -> {
            ps.setObject(1, TenantContext.require());
            ps.setArray(2, ps.getConnection().createArrayOf("bytea", hashes));
            ps.setArray(3, ps.getConnection().createArrayOf("uuid", invitations));
            ps.setArray(4, ps.getConnection().createArrayOf("text", expiries));
            int inserted = ps.executeUpdate();
            if (inserted != tokens.size()) {
                throw new IllegalStateException(inserted + " tokens stored, expected " + tokens.size());
            }
            return inserted;
        });
    }

    int deleteTokensOfWaves(Collection<UUID> waveIds) {
        return jdbc.prepareStatement("""
                DELETE FROM invitation_token WHERE invitation_id IN (SELECT id FROM invitation WHERE wave_id = ANY (?))
                """, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", waveIds.toArray()));
            return ps.executeUpdate();
        });
    }

    int deleteTokensOfParticipant(UUID participantId) {
        return jdbc.prepareStatement("""
                DELETE FROM invitation_token WHERE invitation_id IN (SELECT id FROM invitation WHERE participant_id = ?)
                """, ps -> {
            ps.setObject(1, participantId);
            return ps.executeUpdate();
        });
    }

    /**
     * Through the database function {@code resolve_invitation_token}: no tenant needed (the token
     * table itself is under RLS). Expiry is judged by the application's clock, passed in.
     */
    Optional<TokenOwner> resolve(byte[] hash, Instant now) {
        return list("SELECT tenant_id, invitation_id FROM resolve_invitation_token(?, ?)", ps -> {
            ps.setBytes(1, hash);
            ps.setTimestamp(2, Timestamp.from(now));
        }, rs -> new TokenOwner(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).stream().findFirst();
    }



    private <T> List<T> list(String sql, ParameterBinder binder, RowReader<T> reader) {
        return Sql.list(jdbc, sql, binder, reader);
    }

    private static InvitationView view(ResultSet rs) throws SQLException {
        return new InvitationView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                Side.valueOf(rs.getString(4)), Level.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant(), rs.getBoolean(9));
    }

    private static Array uuids(PreparedStatement ps, Collection<UUID> ids) throws SQLException {
        return ps.getConnection().createArrayOf("uuid", ids.toArray());
    }

}
