package com.kakehashi.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Sets a plain-SQL statement's parameters; may throw what JDBC throws, unlike a {@code Consumer}. */
@FunctionalInterface
public interface ParameterBinder {
    void bind(PreparedStatement ps) throws SQLException;
}
