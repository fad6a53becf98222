package com.kakehashi.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the current row of a plain-SQL result; may throw what JDBC throws, unlike a {@code Function}. */
@FunctionalInterface
public interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
}
