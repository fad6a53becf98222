package com.kakehashi.tenant;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * tenant_membership in plain SQL. The table is under Row Level Security like every tenant table
 * (0017): the members of a tenant and changes to them are read and written inside that tenant.
 * The questions asked before a tenant is entered (may this user enter it? which tenants are
 * theirs?) go through the database function {@code member_tenants(user)}, which answers for one
 * user at a time; nothing without a tenant can list the table.
 */
@Singleton
class MembershipStore {

    private final JdbcOperations jdbc;

    MembershipStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the user holds a membership of the tenant; whether the user is active is identity's to say. */
    boolean isMember(UUID tenantId, UUID userId) {
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM member_tenants(?) AS m(tenant_id) WHERE m.tenant_id = ?)", ps -> {
            ps.setObject(1, userId);
            ps.setObject(2, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /** In the tenant in context. */
    List<UUID> members(UUID tenantId) {
        return uuids("SELECT user_id FROM tenant_membership WHERE tenant_id = ? ORDER BY created_at", tenantId);
    }

    /** In the tenant in context: the members with the client-administrator permission. */
    java.util.Set<UUID> participantAdmins(UUID tenantId) {
        return new java.util.HashSet<>(uuids(
                "SELECT user_id FROM tenant_membership WHERE tenant_id = ? AND participant_admin", tenantId));
    }

    /** In the tenant in context. */
    boolean isParticipantAdmin(UUID tenantId, UUID userId) {
        return jdbc.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM tenant_membership WHERE tenant_id = ? AND user_id = ? AND participant_admin)",
                ps -> {
                    ps.setObject(1, tenantId);
                    ps.setObject(2, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getBoolean(1);
                    }
                });
    }

    /** In the tenant in context. @return true if the flag changed */
    boolean setParticipantAdmin(UUID tenantId, UUID userId, boolean granted) {
        return jdbc.prepareStatement(
                "UPDATE tenant_membership SET participant_admin = ? WHERE tenant_id = ? AND user_id = ? "
                        + "AND participant_admin <> ?", ps -> {
                    ps.setBoolean(1, granted);
                    ps.setObject(2, tenantId);
                    ps.setObject(3, userId);
                    ps.setBoolean(4, granted);
                    return ps.executeUpdate() == 1;
                });
    }

    List<UUID> tenantsOf(UUID userId) {
        return uuids("SELECT tenant_id FROM member_tenants(?) AS m(tenant_id)", userId);
    }

    /** In the tenant in context. @return true if the membership is new */
    boolean add(UUID tenantId, UUID userId) {
        return jdbc.prepareStatement(
                "INSERT INTO tenant_membership (tenant_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING", ps -> {
                    ps.setObject(1, tenantId);
                    ps.setObject(2, userId);
                    return ps.executeUpdate() == 1;
                });
    }

    /** In the tenant in context. */
    boolean remove(UUID tenantId, UUID userId) {
        return jdbc.prepareStatement("DELETE FROM tenant_membership WHERE tenant_id = ? AND user_id = ?", ps -> {
            ps.setObject(1, tenantId);
            ps.setObject(2, userId);
            return ps.executeUpdate() == 1;
        });
    }

    private List<UUID> uuids(String sql, UUID parameter) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, parameter);
            List<UUID> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getObject(1, UUID.class));
                }
            }
            return result;
        });
    }
}
