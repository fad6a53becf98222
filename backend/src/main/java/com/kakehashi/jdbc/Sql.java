package com.kakehashi.jdbc;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain-SQL statements on the connection of the current transaction, for the stores that write their
 * own SQL. The SQL itself stays in the store that owns its tables (SqlOwnershipTest).
 */
public final class Sql {

    private Sql() {
    }

    public static <T> List<T> list(JdbcOperations jdbc, String sql, ParameterBinder binder, RowReader<T> reader) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        });
    }

    /** @return the number of rows changed */
    public static int update(JdbcOperations jdbc, String sql, ParameterBinder binder) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            return ps.executeUpdate();
        });
    }
}
