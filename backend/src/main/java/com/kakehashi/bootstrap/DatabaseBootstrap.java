package com.kakehashi.bootstrap;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Creates the database and its two roles on a local server when they are missing: the migration
 * owner, and the app role that owns nothing and cannot bypass Row Level Security. Needs a
 * superuser connection, so it runs only for the demo, tests, or KAKEHASHI_DB_BOOTSTRAP=true; in
 * production a DBA runs infra/postgres/bootstrap.sql once instead.
 */
public final class DatabaseBootstrap {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String adminUrl;
    private final String adminUser;
    private final String adminPassword;
    private final String database;
    private final String ownerRole;
    private final String ownerPassword;
    private final String appRole;
    private final String appPassword;

    public DatabaseBootstrap(String adminUrl, String adminUser, String adminPassword, String database,
                             String ownerRole, String ownerPassword, String appRole, String appPassword) {
        this.adminUrl = adminUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.database = identifier(database);
        this.ownerRole = identifier(ownerRole);
        this.ownerPassword = ownerPassword;
        this.appRole = identifier(appRole);
        this.appPassword = appPassword;
    }

    public static DatabaseBootstrap fromEnvironment(Map<String, String> env) {
        String host = env.getOrDefault("KAKEHASHI_DB_HOST", "127.0.0.1");
        String port = env.getOrDefault("KAKEHASHI_DB_PORT", "5432");
        return new DatabaseBootstrap(
                "jdbc:postgresql://" + host + ":" + port + "/postgres",
                env.getOrDefault("KAKEHASHI_DB_ADMIN_USER", "postgres"),
                env.getOrDefault("KAKEHASHI_DB_ADMIN_PASSWORD", ""),
                env.getOrDefault("KAKEHASHI_DB_NAME", "kakehashi"),
                env.getOrDefault("KAKEHASHI_DB_OWNER_USER", "kakehashi_owner"),
                env.getOrDefault("KAKEHASHI_DB_OWNER_PASSWORD", "kakehashi_owner"),
                env.getOrDefault("KAKEHASHI_DB_APP_USER", "kakehashi_app"),
                env.getOrDefault("KAKEHASHI_DB_APP_PASSWORD", "kakehashi_app"));
    }

    public void ensureDatabaseAndRoles() {
        try (Connection admin = DriverManager.getConnection(adminUrl, adminUser, adminPassword)) {
            ensureRole(admin, ownerRole, ownerPassword, "NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
            ensureRole(admin, appRole, appPassword, "NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT");
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("CREATE DATABASE " + database + " OWNER " + ownerRole + " ENCODING 'UTF8' TEMPLATE template0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare database " + database + " at " + adminUrl
                    + " as " + adminUser + ": " + e.getMessage(), e);
        }
    }

    /** Drops and recreates the database: for test runs only, which want a schema built from zero. */
    public void recreateDatabase() {
        try (Connection admin = DriverManager.getConnection(adminUrl, adminUser, adminPassword);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + database + ": " + e.getMessage(), e);
        }
        ensureDatabaseAndRoles();
    }

    private static void ensureRole(Connection admin, String role, String password, String attributes) throws SQLException {
        String verb = exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role) ? "ALTER" : "CREATE";
        try (Statement statement = admin.createStatement()) {
            statement.execute(verb + " ROLE " + role + " LOGIN " + attributes + " PASSWORD " + literal(password));
        }
    }

    private static boolean exists(Connection admin, String sql, String value) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement(sql)) {
            statement.setString(1, value);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case SQL identifier: " + name);
        }
        return name;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
