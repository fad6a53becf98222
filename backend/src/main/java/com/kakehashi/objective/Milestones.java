package com.kakehashi.objective;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** initiative_milestone in plain SQL; Row Level Security scopes it to the tenant in context. */
@Singleton
class Milestones {

    private final JdbcOperations jdbc;

    Milestones(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, List<MilestoneDetails>> all() {
        return jdbc.prepareStatement(
                "SELECT initiative_id, name, planned_on, actual_on FROM initiative_milestone ORDER BY initiative_id, position",
                ps -> {
                    Map<UUID, List<MilestoneDetails>> result = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Date actual = rs.getDate(4);
                            result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                                    .add(new MilestoneDetails(rs.getString(2), rs.getDate(3).toLocalDate(),
                                            actual == null ? null : actual.toLocalDate()));
                        }
                    }
                    return result;
                });
    }

    void replace(UUID initiativeId, List<MilestoneDetails> milestones) {
        jdbc.prepareStatement("DELETE FROM initiative_milestone WHERE initiative_id = ?", ps -> {
            ps.setObject(1, initiativeId);
            return ps.executeUpdate();
        });
        for (int i = 0; i < milestones.size(); i++) {
            MilestoneDetails m = milestones.get(i);
            int position = i;
            jdbc.prepareStatement("""
                    INSERT INTO initiative_milestone (tenant_id, initiative_id, position, name, planned_on, actual_on)
                    VALUES (current_tenant_id(), ?, ?, ?, ?, ?)""", ps -> {
                ps.setObject(1, initiativeId);
                ps.setInt(2, position);
                ps.setString(3, m.name().trim());
                ps.setObject(4, m.plannedOn());
                ps.setObject(5, m.actualOn());
                return ps.executeUpdate();
            });
        }
    }
}
