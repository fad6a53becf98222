package com.kakehashi.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Checks that read the catalog instead of a list of tables, so a table added later is checked too. */
final class Catalog {

    private Catalog() {
    }

    /** Rows of the tenant in every table with a tenant_id column (read as the superuser: no RLS). */
    static Map<String, Long> rowsOf(Connection admin, UUID tenant) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : tenantTables(admin)) {
            try (PreparedStatement ps = admin.prepareStatement("SELECT count(*) FROM \"" + table + "\" WHERE tenant_id = ?")) {
                ps.setObject(1, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rows.put(table, rs.getLong(1));
                }
            }
        }
        return rows;
    }

    static List<String> tenantTables(Connection admin) throws SQLException {
        return strings(admin, """
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                ORDER BY 1""");
    }

    /** "table.column" of every textual column, in every table of the schema, whose value contains the needle. */
    static List<String> columnsContaining(Connection admin, String needle) throws SQLException {
        List<String> columns = strings(admin, """
                SELECT c.relname || '.' || a.attname FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                  AND (a.atttypid IN ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype, 'json'::regtype,
                                      'jsonb'::regtype, 'text[]'::regtype, 'bytea'::regtype))
                ORDER BY 1""");
        List<String> hits = new ArrayList<>();
        for (String column : columns) {
            String[] parts = column.split("\\.");
            String expression = "\"" + parts[1] + "\"";
            try (PreparedStatement ps = admin.prepareStatement("SELECT EXISTS (SELECT 1 FROM \"" + parts[0] + "\" WHERE "
                    + "position(lower(?) IN lower(" + (isBytea(admin, parts)
                    ? "encode(" + expression + ", 'escape')" : expression + "::text") + ")) > 0)")) {
                ps.setString(1, needle);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        hits.add(column);
                    }
                }
            }
        }
        return hits;
    }

    private static boolean isBytea(Connection admin, String[] column) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement("""
                SELECT a.atttypid = 'bytea'::regtype FROM pg_attribute a
                WHERE a.attrelid = ('public.' || quote_ident(?))::regclass AND a.attname = ?""")) {
            ps.setString(1, column[0]);
            ps.setString(2, column[1]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static List<String> strings(Connection admin, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = admin.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
