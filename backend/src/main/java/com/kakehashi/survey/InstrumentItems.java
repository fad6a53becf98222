package com.kakehashi.survey;

import com.kakehashi.vocabulary.WarningSign;
import com.kakehashi.tenancy.TenantContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The items of a tenant's instrument versions (key: tenant, version, code). Plain SQL because a
 * draft's items are replaced as a whole; every statement names the tenant in context as well,
 * and Row Level Security scopes them again.
 */
@Singleton
class InstrumentItems {

    private static final String COLUMNS =
            "position, code, sign, audience, reverse_keyed, text_hq_en, text_hq_ja, text_japan_en, text_japan_ja, scale";

    private final JdbcOperations jdbc;

    InstrumentItems(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<InstrumentItemView> of(UUID versionId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM instrument_item WHERE tenant_id = ? AND version_id = ? "
                + "ORDER BY position", ps -> {
            ps.setObject(1, TenantContext.require());
            ps.setObject(2, versionId);
            return read(ps);
        });
    }

    /** Sign items only: outcome items never reach a score, gap or alert. */
    List<ItemKey> keys(Collection<UUID> versionIds) {
        return jdbc.prepareStatement("SELECT version_id, code, sign, reverse_keyed FROM instrument_item "
                + "WHERE tenant_id = ? AND version_id = ANY (?) AND scale = 'SIGN'", ps -> {
            ps.setObject(1, TenantContext.require());
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", versionIds.toArray()));
            List<ItemKey> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new ItemKey(rs.getObject(1, UUID.class), rs.getString(2), WarningSign.valueOf(rs.getString(3)),
                            rs.getBoolean(4)));
                }
            }
            return keys;
        });
    }

    List<OutcomeItem> outcomeItems(Collection<UUID> versionIds) {
        return jdbc.prepareStatement("SELECT version_id, code, reverse_keyed FROM instrument_item "
                + "WHERE tenant_id = ? AND version_id = ANY (?) AND scale = 'OUTCOME'", ps -> {
            ps.setObject(1, TenantContext.require());
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", versionIds.toArray()));
            List<OutcomeItem> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new OutcomeItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)));
                }
            }
            return result;
        });
    }

    void replace(UUID versionId, List<InstrumentItemView> items) {
        UUID tenantId = TenantContext.require();
        jdbc.prepareStatement("DELETE FROM instrument_item WHERE tenant_id = ? AND version_id = ?", ps -> {
            ps.setObject(1, tenantId);
            ps.setObject(2, versionId);
            return ps.executeUpdate();
        });
        if (items.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO instrument_item (tenant_id, version_id, " + COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            for (InstrumentItemView item : items) {
                ps.setObject(1, tenantId);
                ps.setObject(2, versionId);
                ps.setInt(3, item.position());
                ps.setString(4, item.code());
                ps.setString(5, item.sign() == null ? null : item.sign().name());
                ps.setString(6, item.audience().name());
                ps.setBoolean(7, item.reverseKeyed());
                ps.setString(8, item.textHqEn());
                ps.setString(9, item.textHqJa());
                ps.setString(10, item.textJapanEn());
                ps.setString(11, item.textJapanJa());
                ps.setString(12, item.scale().name());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    static List<InstrumentItemView> read(PreparedStatement ps) throws SQLException {
        List<InstrumentItemView> items = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String sign = rs.getString(3);
                items.add(new InstrumentItemView(rs.getInt(1), rs.getString(2), sign == null ? null : WarningSign.valueOf(sign),
                        Audience.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), ItemScale.valueOf(rs.getString(10))));
            }
        }
        return items;
    }
}
