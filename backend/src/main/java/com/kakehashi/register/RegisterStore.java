package com.kakehashi.register;

import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** register_item, register_version and register_approval in plain SQL; Row Level Security scopes them to the tenant in context. */
@Singleton
class RegisterStore {

    record ItemRow(UUID id, String title, RegisterArea area, List<WarningSign> signs, int currentVersion, Instant createdAt) {
    }

    record VersionRow(UUID itemId, int version, Classification classification, String rationale, UUID authoredBy,
                      Instant authoredAt) {
    }

    record ApprovalRow(UUID id, UUID itemId, int version, Side side, ApprovalDecision decision, String comment,
                       String approverName, UUID recordedBy, Instant recordedAt) {
    }

    private final JdbcOperations jdbc;

    RegisterStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Every item of the tenant, or the one with {@code itemId} when it is given. */
    List<ItemRow> items(UUID itemId) {
        String sql = "SELECT id, title, area, signs, current_version, created_at FROM register_item"
                + (itemId == null ? "" : " WHERE id = ?") + " ORDER BY created_at, id";
        return jdbc.prepareStatement(sql, ps -> {
            if (itemId != null) {
                ps.setObject(1, itemId);
            }
            List<ItemRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array signs = rs.getArray(4);
                    List<WarningSign> parsed = Arrays.stream((String[]) signs.getArray()).map(WarningSign::valueOf).toList();
                    rows.add(new ItemRow(rs.getObject(1, UUID.class), rs.getString(2), RegisterArea.valueOf(rs.getString(3)),
                            parsed, rs.getInt(5), instant(rs.getTimestamp(6))));
                }
            }
            return rows;
        });
    }

    /** The item's current version number, locked until the transaction ends: changes and approvals of one item queue. */
    Optional<Integer> lockCurrentVersion(UUID itemId) {
        return jdbc.prepareStatement("SELECT current_version FROM register_item WHERE id = ? FOR UPDATE", ps -> {
            ps.setObject(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        });
    }

    List<VersionRow> versions(UUID itemId) {
        String sql = "SELECT item_id, version, classification, rationale, authored_by, authored_at FROM register_version"
                + (itemId == null ? "" : " WHERE item_id = ?") + " ORDER BY item_id, version";
        return jdbc.prepareStatement(sql, ps -> {
            if (itemId != null) {
                ps.setObject(1, itemId);
            }
            List<VersionRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new VersionRow(rs.getObject(1, UUID.class), rs.getInt(2), Classification.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getObject(5, UUID.class), instant(rs.getTimestamp(6))));
                }
            }
            return rows;
        });
    }

    /** Oldest first, so the last one of a side and version is that side's latest word. */
    List<ApprovalRow> approvals(UUID itemId) {
        String sql = "SELECT id, item_id, version, side, decision, comment, approver_name, recorded_by, recorded_at"
                + " FROM register_approval" + (itemId == null ? "" : " WHERE item_id = ?") + " ORDER BY recorded_at, seq";
        return jdbc.prepareStatement(sql, ps -> {
            if (itemId != null) {
                ps.setObject(1, itemId);
            }
            List<ApprovalRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ApprovalRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                            Side.valueOf(rs.getString(4)), ApprovalDecision.valueOf(rs.getString(5)), rs.getString(6),
                            rs.getString(7), rs.getObject(8, UUID.class), instant(rs.getTimestamp(9))));
                }
            }
            return rows;
        });
    }

    void insertItem(UUID id, String title, RegisterArea area, List<WarningSign> signs, UUID createdBy, Instant at) {
        jdbc.prepareStatement("""
                INSERT INTO register_item (tenant_id, id, title, area, signs, current_version, created_by, created_at)
                VALUES (current_tenant_id(), ?, ?, ?, ?, 1, ?, ?)""", ps -> {
            ps.setObject(1, id);
            ps.setString(2, title);
            ps.setString(3, area.name());
            ps.setArray(4, ps.getConnection().createArrayOf("text", signs.stream().map(Enum::name).toArray()));
            ps.setObject(5, createdBy);
            ps.setTimestamp(6, Timestamp.from(at));
            return ps.executeUpdate();
        });
    }

    void insertVersion(UUID itemId, int version, Classification classification, String rationale, UUID authoredBy, Instant at) {
        jdbc.prepareStatement("""
                INSERT INTO register_version (tenant_id, item_id, version, classification, rationale, authored_by, authored_at)
                VALUES (current_tenant_id(), ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, itemId);
            ps.setInt(2, version);
            ps.setString(3, classification.name());
            ps.setString(4, rationale);
            ps.setObject(5, authoredBy);
            ps.setTimestamp(6, Timestamp.from(at));
            return ps.executeUpdate();
        });
        if (version > 1) {
            jdbc.prepareStatement("UPDATE register_item SET current_version = ? WHERE id = ?", ps -> {
                ps.setInt(1, version);
                ps.setObject(2, itemId);
                return ps.executeUpdate();
            });
        }
    }

    void insertApproval(UUID id, UUID itemId, int version, Side side, ApprovalDecision decision, String comment,
                        String approverName, UUID recordedBy, Instant at) {
        jdbc.prepareStatement("""
                INSERT INTO register_approval (tenant_id, id, item_id, version, side, decision, comment, approver_name,
                                               recorded_by, recorded_at)
                VALUES (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            set(ps, id, itemId, version, side, decision, comment, approverName, recordedBy, at);
            return ps.executeUpdate();
        });
    }

    boolean deleteItem(UUID itemId) {
        return jdbc.prepareStatement("DELETE FROM register_item WHERE id = ?", ps -> {
            ps.setObject(1, itemId);
            return ps.executeUpdate() == 1;
        });
    }

    private static void set(PreparedStatement ps, UUID id, UUID itemId, int version, Side side, ApprovalDecision decision,
                            String comment, String approverName, UUID recordedBy, Instant at) throws SQLException {
        ps.setObject(1, id);
        ps.setObject(2, itemId);
        ps.setInt(3, version);
        ps.setString(4, side.name());
        ps.setString(5, decision.name());
        ps.setString(6, comment);
        ps.setString(7, approverName);
        ps.setObject(8, recordedBy);
        ps.setTimestamp(9, Timestamp.from(at));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
