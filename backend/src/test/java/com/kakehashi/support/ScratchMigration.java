package com.kakehashi.support;

import com.kakehashi.bootstrap.DatabaseBootstrap;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scratch database for testing one migration on data in the old shape: recreated from zero,
 * migrated up to (not including) a change set, then — once the test has written its old-shape rows
 * through {@link #owner()} — migrated to the end with {@link #rest()}. Named after the test database
 * plus a suffix, so concurrent runs with their own {@code KAKEHASHI_TEST_DB} do not meet.
 */
public final class ScratchMigration implements AutoCloseable {

    private final String url;
    private final Connection owner;
    private final Liquibase liquibase;

    private ScratchMigration(String url, Connection owner, Liquibase liquibase) {
        this.url = url;
        this.owner = owner;
        this.liquibase = liquibase;
    }

    /** @param stopBefore the prefix of the first change set id not to run yet, e.g. "0023" */
    public static ScratchMigration upTo(String suffix, String stopBefore) throws Exception {
        String name = System.getenv().getOrDefault("KAKEHASHI_TEST_DB", "kakehashi_test") + suffix;
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("KAKEHASHI_DB_NAME", name);
        DatabaseBootstrap.fromEnvironment(env).recreateDatabase();
        String url = "jdbc:postgresql://" + env.getOrDefault("KAKEHASHI_DB_HOST", "127.0.0.1") + ":"
                + env.getOrDefault("KAKEHASHI_DB_PORT", "5432") + "/" + name;
        Connection owner = DriverManager.getConnection(url, env.getOrDefault("KAKEHASHI_DB_OWNER_USER", "kakehashi_owner"),
                env.getOrDefault("KAKEHASHI_DB_OWNER_PASSWORD", "kakehashi_owner"));
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(owner));
        Liquibase liquibase = new Liquibase("db/changelog/db.changelog-master.xml", new ClassLoaderResourceAccessor(), database);
        List<ChangeSet> all = liquibase.getDatabaseChangeLog().getChangeSets();
        int count = (int) all.stream().takeWhile(cs -> !cs.getId().startsWith(stopBefore)).count();
        liquibase.update(count, new Contexts(), new LabelExpression());
        return new ScratchMigration(url, owner, liquibase);
    }

    /** The owner's connection (it passes Row Level Security only where a change set lifts it). */
    public Connection owner() {
        return owner;
    }

    public String url() {
        return url;
    }

    /** The rest of the changelog; the owner's connection is in auto-commit afterwards. */
    public void rest() throws Exception {
        liquibase.update(new Contexts(), new LabelExpression());
        owner.setAutoCommit(true);
    }

    @Override
    public void close() throws Exception {
        try (owner) {
            liquibase.close();
        }
    }

    /** What every old-shape fixture starts from: a tenant's engagement and a published instrument's schedule. */
    public record Pulse(java.util.UUID version, java.util.UUID schedule) {
    }

    /**
     * Writes a tenant, its engagement, a published one-sign instrument and a fortnightly schedule, as
     * the owner, inside the caller's open transaction with the tenant set.
     */
    public static Pulse pulse(Connection c, java.util.UUID tenant, String tenantName, java.util.UUID engagement)
            throws SQLException {
        exec(c, "INSERT INTO tenant (id, name, hq_country, hq_time_zone, japan_subsidiary_name) VALUES (?, ?, 'DE', 'Europe/Berlin', 'KK')",
                tenant, tenantName + " " + tenant);
        exec(c, "INSERT INTO engagement (tenant_id, id, name, start_date, status) VALUES (?, ?, 'E', ?, 'ACTIVE')", tenant, engagement,
                java.time.LocalDate.of(2025, 1, 1));
        java.util.UUID instrument = java.util.UUID.randomUUID();
        java.util.UUID version = java.util.UUID.randomUUID();
        exec(c, "INSERT INTO instrument (tenant_id, id, name) VALUES (?, ?, 'Pulse')", tenant, instrument);
        exec(c, """
                INSERT INTO instrument_version (tenant_id, id, instrument_id, version_number, status, signs, published_at)
                VALUES (?, ?, ?, 1, 'PUBLISHED', '{EXCLUSION}', now())
                """, tenant, version, instrument);
        java.util.UUID schedule = java.util.UUID.randomUUID();
        exec(c, """
                INSERT INTO pulse_schedule (tenant_id, id, engagement_id, instrument_version_id, name, cadence, japan_send_time,
                                            hq_send_time, days_open, start_date)
                VALUES (?, ?, ?, ?, 'S', 'BIWEEKLY', '09:00', '09:00', 7, ?)
                """, tenant, schedule, engagement, version, java.time.LocalDate.of(2025, 1, 1));
        return new Pulse(version, schedule);
    }

    public static void exec(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.execute();
        }
    }

    /** Every row as column label → text value, in query order. */
    public static List<Map<String, String>> rows(Connection c, String sql) throws SQLException {
        List<Map<String, String>> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
                result.add(row);
            }
        }
        return result;
    }
}
