package com.kakehashi.support;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plain SQL as the application's own database role inside one tenant: for fixtures the API
 * cannot make and for checks below the API. Row Level Security applies exactly as in production.
 */
@Singleton
public class AppRoleSql {

    public static final String APP_ROLE = "kakehashi_app";

    private final String databaseUrl;

    AppRoleSql(@Value("${datasources.default.url}") String databaseUrl) {
        this.databaseUrl = databaseUrl;
    }

    public Connection connection(UUID tenant) throws SQLException {
        Connection connection = DriverManager.getConnection(databaseUrl, APP_ROLE, APP_ROLE);
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
            statement.setString(1, tenant.toString());
            statement.execute();
        }
        return connection;
    }

    /** @return the number of rows changed */
    public int update(UUID tenant, String sql, Object... parameters) throws SQLException {
        try (Connection connection = connection(tenant); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** Every row as column name → text value, in query order. */
    public List<Map<String, String>> rows(UUID tenant, String sql, Object... parameters) throws SQLException {
        try (Connection connection = connection(tenant); PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rs = statement.executeQuery()) {
            List<Map<String, String>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.put(rs.getMetaData().getColumnName(c), rs.getString(c));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
