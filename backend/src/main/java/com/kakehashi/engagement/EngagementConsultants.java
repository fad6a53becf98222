package com.kakehashi.engagement;

import com.kakehashi.tenancy.TenantContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The engagement_consultant join table; Row Level Security scopes it to the tenant in context. */
@Singleton
class EngagementConsultants {

    private final JdbcOperations jdbc;

    EngagementConsultants(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, List<UUID>> all() {
        return jdbc.prepareStatement("SELECT engagement_id, user_id FROM engagement_consultant ORDER BY user_id", ps -> {
            Map<UUID, List<UUID>> result = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
                }
            }
            return result;
        });
    }

    List<UUID> of(UUID engagementId) {
        return all().getOrDefault(engagementId, List.of());
    }

    void replace(UUID engagementId, Set<UUID> consultants) {
        UUID tenantId = TenantContext.require();
        jdbc.prepareStatement("DELETE FROM engagement_consultant WHERE engagement_id = ?", ps -> {
            ps.setObject(1, engagementId);
            return ps.executeUpdate();
        });
        for (UUID consultant : consultants) {
            jdbc.prepareStatement("INSERT INTO engagement_consultant (tenant_id, engagement_id, user_id) VALUES (?, ?, ?)", ps -> {
                ps.setObject(1, tenantId);
                ps.setObject(2, engagementId);
                ps.setObject(3, consultant);
                return ps.executeUpdate();
            });
        }
    }
}
