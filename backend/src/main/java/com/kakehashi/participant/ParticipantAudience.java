package com.kakehashi.participant;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who a survey reaches, in the tenant in context: the active participants of some sides and levels
 * (empty sets mean all), with what an invitation keeps of them. No names, no addresses. For the
 * system's own work (a wave opening), so no caller.
 */
@Singleton
public class ParticipantAudience {

    /** What an invitation needs of a participant. */
    public record Member(UUID id, Side side, Level level, String language, String timeZone) {
    }

    private static final String WHERE = """
            WHERE p.active
              AND (cardinality(?::text[]) = 0 OR p.side = ANY (?::text[]))
              AND (cardinality(?::text[]) = 0 OR p.level = ANY (?::text[]))
            """;

    private final JdbcOperations jdbc;

    ParticipantAudience(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The members, each row held {@code FOR KEY SHARE} until the caller's transaction ends: the
     * caller writes rows that point at them (a wave's invitations), and an erasure, which locks the
     * row first ({@link ParticipantService#erase}), waits until those rows are committed instead of
     * deleting a member in between. Edits and deactivations do not wait for this lock.
     */
    @Transactional
    public List<Member> members(Set<Side> sides, Set<Level> levels) {
        return jdbc.prepareStatement("SELECT p.id, p.side, p.level, p.language, p.time_zone FROM participant p " + WHERE
                + "FOR KEY SHARE OF p", ps -> {
            bind(ps, sides, levels);
            List<Member> members = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(new Member(rs.getObject(1, UUID.class), Side.valueOf(rs.getString(2)), Level.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getString(5)));
                }
            }
            return members;
        });
    }

    /** How many {@link #members} there are now, per side: counts, never who. */
    @Transactional
    public Map<Side, Long> count(Set<Side> sides, Set<Level> levels) {
        return jdbc.prepareStatement("SELECT p.side, count(*) FROM participant p " + WHERE + "GROUP BY p.side", ps -> {
            bind(ps, sides, levels);
            Map<Side, Long> counts = new EnumMap<>(Side.class);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(Side.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    private static void bind(PreparedStatement ps, Set<Side> sides, Set<Level> levels) throws SQLException {
        Array sideArray = ps.getConnection().createArrayOf("text", sides.stream().map(Enum::name).toArray());
        Array levelArray = ps.getConnection().createArrayOf("text", levels.stream().map(Enum::name).toArray());
        ps.setArray(1, sideArray);
        ps.setArray(2, sideArray);
        ps.setArray(3, levelArray);
        ps.setArray(4, levelArray);
    }
}
