package com.kakehashi.lifecycle;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The tenant's tables as the catalog lists them: every table with a {@code tenant_id} column. Export
 * and offboarding both read this list instead of naming tables, so a table a later migration adds
 * is exported and deleted without anyone remembering to.
 */
@Singleton
class TenantTables {

    /** A column whose values are secrets (credentials, token hashes): never exported. */
    static boolean secret(String column) {
        String name = column.toLowerCase(Locale.ROOT);
        return name.endsWith("_hash") || name.contains("password") || name.contains("secret");
    }

    record Table(String name, List<String> columns, List<String> keyColumns) {

        List<String> exported() {
            return columns.stream().filter(c -> !secret(c)).toList();
        }

        List<String> excluded() {
            return columns.stream().filter(TenantTables::secret).toList();
        }
    }

    private final JdbcOperations jdbc;

    TenantTables(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<Table> list() {
        return jdbc.prepareStatement("""
                SELECT c.relname,
                       (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
                        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
                       (SELECT array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum))
                        FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                        WHERE i.indrelid = c.oid AND i.indisprimary) AS key_columns
                FROM pg_class c
                JOIN pg_namespace ns ON ns.oid = c.relnamespace
                WHERE ns.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = c.oid AND t.attname = 'tenant_id' AND NOT t.attisdropped)
                ORDER BY c.relname
                """, ps -> {
            List<Table> tables = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(new Table(rs.getString(1), strings(rs, 2), strings(rs, 3)));
                }
            }
            return tables;
        });
    }

    /** Rows of the tenant left in every tenant table (Row Level Security narrows to the tenant in context too). */
    long rowsOf(UUID tenantId) {
        long total = 0;
        for (Table table : list()) {
            total += jdbc.prepareStatement("SELECT count(*) FROM " + quote(table.name()) + " WHERE tenant_id = ?", ps -> {
                ps.setObject(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
        return total;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static List<String> strings(ResultSet rs, int column) throws java.sql.SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
