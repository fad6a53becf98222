package com.kakehashi.wave;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Set-based SQL for the rows a wave creates: one invitation per active participant in the
 * audience, and its mails in the outbox, all in the caller's transaction. A wave for 100,000
 * participants is three statements, not 200,000. Rows take their tenant from
 * {@code current_tenant_id()}, the same setting Row Level Security checks them against.
 */
@Singleton
class InvitationWriter {

    private final JdbcOperations jdbc;

    InvitationWriter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the number of invitations created */
    int invite(UUID waveId, Set<Side> sides, Set<Level> levels, Map<Side, Instant> sendAt, Instant fallbackSendAt) {
        return jdbc.prepareStatement("""
                INSERT INTO invitation (tenant_id, id, wave_id, participant_id, side, level, language, time_zone, send_at)
                SELECT current_tenant_id(), gen_random_uuid(), ?, p.id, p.side, p.level, p.language, p.time_zone,
                       CASE p.side WHEN 'JAPAN' THEN ?::timestamptz WHEN 'HQ' THEN ?::timestamptz ELSE ?::timestamptz END
                FROM participant p
                WHERE p.active
                  AND (cardinality(?::text[]) = 0 OR p.side = ANY (?::text[]))
                  AND (cardinality(?::text[]) = 0 OR p.level = ANY (?::text[]))
                """, ps -> {
            Array sideArray = ps.getConnection().createArrayOf("text", names(sides));
            Array levelArray = ps.getConnection().createArrayOf("text", names(levels));
            ps.setObject(1, waveId);
            ps.setTimestamp(2, Timestamp.from(sendAt.getOrDefault(Side.JAPAN, fallbackSendAt)));
            ps.setTimestamp(3, Timestamp.from(sendAt.getOrDefault(Side.HQ, fallbackSendAt)));
            ps.setTimestamp(4, Timestamp.from(sendAt.getOrDefault(Side.REGIONAL, fallbackSendAt)));
            ps.setArray(5, sideArray);
            ps.setArray(6, sideArray);
            ps.setArray(7, levelArray);
            ps.setArray(8, levelArray);
            return ps.executeUpdate();
        });
    }

    /**
     * How many invitations {@link #invite} would create now, per side: the same audience rule, read
     * only. Counts, never who.
     */
    Map<Side, Long> audience(Set<Side> sides, Set<Level> levels) {
        return jdbc.prepareStatement("""
                SELECT p.side, count(*) FROM participant p
                WHERE p.active
                  AND (cardinality(?::text[]) = 0 OR p.side = ANY (?::text[]))
                  AND (cardinality(?::text[]) = 0 OR p.level = ANY (?::text[]))
                GROUP BY p.side
                """, ps -> {
            Array sideArray = ps.getConnection().createArrayOf("text", names(sides));
            Array levelArray = ps.getConnection().createArrayOf("text", names(levels));
            ps.setArray(1, sideArray);
            ps.setArray(2, sideArray);
            ps.setArray(3, levelArray);
            ps.setArray(4, levelArray);
            Map<Side, Long> counts = new EnumMap<>(Side.class);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(Side.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    /** The invitation mail at each invitation's send time, and one reminder per offset that falls before closing. */
    int queueMails(UUID waveId, List<Integer> reminderOffsetDays, Instant closesAt) {
        return jdbc.prepareStatement("""
                INSERT INTO mail_outbox (tenant_id, id, invitation_id, kind, status, send_after)
                SELECT current_tenant_id(), gen_random_uuid(), i.id, 'INVITATION', 'PENDING', i.send_at
                FROM invitation i WHERE i.wave_id = ?
                UNION ALL
                SELECT current_tenant_id(), gen_random_uuid(), i.id, 'REMINDER', 'PENDING',
                       i.send_at + make_interval(days => r.days)
                FROM invitation i CROSS JOIN unnest(?::int[]) AS r(days)
                WHERE i.wave_id = ? AND i.send_at + make_interval(days => r.days) < ?::timestamptz
                """, ps -> {
            ps.setObject(1, waveId);
            ps.setArray(2, ps.getConnection().createArrayOf("integer", reminderOffsetDays.toArray()));
            ps.setObject(3, waveId);
            ps.setTimestamp(4, Timestamp.from(closesAt));
            return ps.executeUpdate();
        });
    }

    /** Pending mails of a wave that closes early are not sent any more. */
    int cancelPendingMails(UUID waveId) {
        return jdbc.prepareStatement("""
                UPDATE mail_outbox SET status = 'CANCELLED'
                WHERE status = 'PENDING' AND invitation_id IN (SELECT id FROM invitation WHERE wave_id = ?)
                """, ps -> {
            ps.setObject(1, waveId);
            return ps.executeUpdate();
        });
    }

    Map<UUID, List<SideStats>> stats(List<UUID> waveIds) {
        if (waveIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("""
                SELECT wave_id, side, count(*), count(*) FILTER (WHERE responded)
                FROM invitation WHERE wave_id = ANY (?::uuid[]) GROUP BY wave_id, side
                """, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", waveIds.toArray()));
            Map<UUID, Map<Side, SideStats>> bySide = new java.util.HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Side side = Side.valueOf(rs.getString(2));
                    bySide.computeIfAbsent(rs.getObject(1, UUID.class), k -> new EnumMap<>(Side.class))
                            .put(side, SideStats.of(side, rs.getLong(3), rs.getLong(4)));
                }
            }
            Map<UUID, List<SideStats>> result = new java.util.HashMap<>();
            bySide.forEach((wave, sides) -> result.put(wave, new ArrayList<>(sides.values())));
            return result;
        });
    }

    private static String[] names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toArray(String[]::new);
    }
}
