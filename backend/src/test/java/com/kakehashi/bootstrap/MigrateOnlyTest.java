package com.kakehashi.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollout's two halves on real PostgreSQL: `migrate` (the Kubernetes Job, the compose one-shot
 * service) builds the schema as the owner and exits 0; an app context with KAKEHASHI_MIGRATE=false
 * then runs on that schema with the app role only, with no owner pool at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrateOnlyTest {

    private String database;
    private String url;

    @BeforeAll
    void scratchDatabase() {
        database = System.getenv().getOrDefault("KAKEHASHI_TEST_DB", "kakehashi_test") + "_migrate";
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("KAKEHASHI_DB_NAME", database);
        DatabaseBootstrap.fromEnvironment(env).recreateDatabase();
        url = "jdbc:postgresql://127.0.0.1:5432/" + database + "?stringtype=unspecified";
    }

    @Test
    void migrateModeBuildsTheSchemaAsTheOwnerAndExitsZeroTwice() throws SQLException {
        assertThat(MigrateOnly.run(Map.of("datasources.owner.url", url), "test")).isZero();
        // A second Job (a re-run rollout) finds nothing to do and still succeeds.
        assertThat(MigrateOnly.run(Map.of("datasources.owner.url", url), "test")).isZero();

        try (Connection c = DriverManager.getConnection(url, "kakehashi_owner", "kakehashi_owner");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT (SELECT count(*) FROM databasechangelog) AS applied,
                            (SELECT tableowner FROM pg_tables WHERE tablename = 'tenant') AS owner,
                            (SELECT count(*) FROM databasechangeloglock WHERE locked) AS locks
                     """)) {
            rs.next();
            assertThat(rs.getInt("applied")).isPositive();
            assertThat(rs.getString("owner")).isEqualTo("kakehashi_owner");
            assertThat(rs.getInt("locks")).as("the lock is released when the Job exits").isZero();
        }
    }

    @Test
    void migrateModeFailsWithExitOneWhenTheOwnerCannotConnect() {
        // The local server trusts every password, so an unknown role stands for bad credentials.
        assertThat(MigrateOnly.run(Map.of("datasources.owner.url", url, "datasources.owner.username", "no_such_role"), "test"))
                .isEqualTo(1);
    }

    @Test
    void anAppThatDoesNotMigrateHasNoOwnerPoolAndServesFromTheMigratedSchema() throws SQLException {
        assertThat(MigrateOnly.run(Map.of("datasources.owner.url", url), "test")).isZero();
        Map<String, Object> pod = new HashMap<>();
        pod.put("datasources.default.url", url);
        pod.put("datasources.owner.enabled", "false");
        pod.put("liquibase.datasources.owner.enabled", "false");
        // Proves the owner's settings are not needed: a pod without them still starts.
        pod.put("datasources.owner.username", "nobody");
        pod.put("datasources.owner.password", "no-such-password");
        pod.put("micronaut.server.port", -1);
        try (ApplicationContext app = ApplicationContext.run(pod, "test")) {
            assertThat(app.findBean(DataSource.class, Qualifiers.byName("owner"))).isEmpty();
            try (Connection c = DelegatingDataSource.unwrapDataSource(app.getBean(DataSource.class)).getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_user, count(*) FROM tenant")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("kakehashi_app");
            }
        }
    }

    @Test
    void migrateIsTheFirstArgumentOnly() {
        assertThat(MigrateOnly.requested(new String[] {"migrate"})).isTrue();
        assertThat(MigrateOnly.requested(new String[] {})).isFalse();
        assertThat(MigrateOnly.requested(new String[] {"-Dx=migrate"})).isFalse();
        assertThat(StartupChecks.migratesAtStart(Map.of())).isTrue();
        assertThat(StartupChecks.migratesAtStart(Map.of("KAKEHASHI_MIGRATE", "false"))).isFalse();
    }
}
