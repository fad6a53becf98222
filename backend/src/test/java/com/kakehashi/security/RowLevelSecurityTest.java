package com.kakehashi.security;

import com.kakehashi.support.Fixtures;
import com.kakehashi.tenant.TenantView;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Below the API: plain JDBC as the application's own database role. A query that forgets its
 * tenant filter must still see only the tenant set in app.tenant_id, and the schema must keep
 * every tenant table under that rule.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityTest {

    private static final String APP_ROLE = "kakehashi_app";
    private static final String OWNER_ROLE = "kakehashi_owner";
    /**
     * Keys of tenant tables that deliberately do not lead with tenant_id: a membership names a user,
     * who is global (app_user is a reference table under Citus, see CitusDistributionTest).
     */
    private static final Set<String> KEYS_WITHOUT_TENANT_ID = Set.of("tenant_membership.tenant_membership_user_id_fkey");
    private static final String RLS_VIOLATION = "42501";

    @Inject
    Fixtures fixtures;

    @Value("${datasources.default.url}")
    String databaseUrl;

    UUID tenantA;
    UUID tenantB;

    @BeforeAll
    void twoTenantsWithParticipants() throws SQLException {
        tenantA = fixtures.tenant("RlsA").id();
        tenantB = fixtures.tenant("RlsB").id();
        try (Connection app = appConnection()) {
            insertParticipants(app, tenantA, 3);
            insertParticipants(app, tenantB, 2);
        }
    }

    private Connection appConnection() throws SQLException {
        return DriverManager.getConnection(databaseUrl, APP_ROLE, APP_ROLE);
    }

    private static void setTenant(Connection connection, Object tenantId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
            statement.setString(1, tenantId == null ? "" : tenantId.toString());
            statement.execute();
        }
    }

    private static void insertParticipants(Connection app, UUID tenant, int count) throws SQLException {
        setTenant(app, tenant);
        for (int i = 0; i < count; i++) {
            insertParticipant(app, tenant, UUID.randomUUID());
        }
        setTenant(app, null);
    }

    private static int insertParticipant(Connection app, UUID tenant, UUID id) throws SQLException {
        try (PreparedStatement insert = app.prepareStatement("""
                INSERT INTO participant (tenant_id, id, email, display_name, side, level, language, time_zone)
                VALUES (?, ?, ?, 'RLS person', 'JAPAN', 'STAFF', 'ja', 'Asia/Tokyo')""")) {
            insert.setObject(1, tenant);
            insert.setObject(2, id);
            insert.setString(3, "p-" + id + "@rls.example");
            return insert.executeUpdate();
        }
    }

    private static List<UUID> tenantIdsOfAllParticipants(Connection app) throws SQLException {
        List<UUID> tenants = new ArrayList<>();
        try (Statement statement = app.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM participant")) {
            while (rs.next()) {
                tenants.add(rs.getObject("tenant_id", UUID.class));
            }
        }
        return tenants;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void selectWithoutWhereReturnsOnlyTheRowsOfTheTenantInTheSetting() throws SQLException {
        try (Connection app = appConnection()) {
            setTenant(app, tenantA);
            assertThat(tenantIdsOfAllParticipants(app)).hasSize(3).containsOnly(tenantA);

            setTenant(app, tenantB);
            assertThat(tenantIdsOfAllParticipants(app)).hasSize(2).containsOnly(tenantB);
        }
    }

    @Test
    void selectWithoutATenantSetReturnsNoRows() throws SQLException {
        try (Connection app = appConnection()) {
            assertThat(tenantIdsOfAllParticipants(app)).isEmpty();
            setTenant(app, tenantA);
            setTenant(app, null);
            assertThat(tenantIdsOfAllParticipants(app)).isEmpty();
        }
    }

    @Test
    void everyTenantTableReadsEmptyWithoutATenant() throws SQLException {
        try (Connection app = appConnection()) {
            for (String table : tenantTables(app)) {
                assertThat(count(app, "SELECT count(*) FROM " + table)).as(table).isZero();
            }
        }
    }

    @Test
    void insertWithAnotherTenantsIdIsRejected() throws SQLException {
        try (Connection app = appConnection()) {
            setTenant(app, tenantA);

            assertThatThrownBy(() -> insertParticipant(app, tenantB, UUID.randomUUID()))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(RLS_VIOLATION));
            setTenant(app, tenantB);
            assertThat(tenantIdsOfAllParticipants(app)).hasSize(2);
        }
    }

    @Test
    void insertWithoutATenantSetIsRejected() throws SQLException {
        try (Connection app = appConnection()) {
            assertThatThrownBy(() -> insertParticipant(app, tenantA, UUID.randomUUID()))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(RLS_VIOLATION));
        }
    }

    @Test
    void updateAndDeleteCannotReachAnotherTenantsRows() throws SQLException {
        try (Connection app = appConnection()) {
            setTenant(app, tenantA);
            try (Statement statement = app.createStatement()) {
                assertThat(statement.executeUpdate("UPDATE participant SET display_name = 'hijacked' WHERE tenant_id = '" + tenantB + "'")).isZero();
                assertThat(statement.executeUpdate("DELETE FROM participant WHERE tenant_id = '" + tenantB + "'")).isZero();
            }
            setTenant(app, tenantB);
            assertThat(count(app, "SELECT count(*) FROM participant WHERE display_name = 'RLS person'")).isEqualTo(2);
        }
    }

    @Test
    void rowCannotBeMovedToAnotherTenant() throws SQLException {
        try (Connection app = appConnection()) {
            setTenant(app, tenantA);
            UUID id = UUID.randomUUID();
            insertParticipant(app, tenantA, id);
            try (Statement statement = app.createStatement()) {
                assertThatThrownBy(() -> statement.executeUpdate(
                        "UPDATE participant SET tenant_id = '" + tenantB + "' WHERE id = '" + id + "'"))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(RLS_VIOLATION));
                statement.executeUpdate("DELETE FROM participant WHERE id = '" + id + "'");
            }
        }
    }

    @Test
    void appRoleCannotSwitchRowLevelSecurityOff() throws SQLException {
        try (Connection app = appConnection(); Statement statement = app.createStatement()) {
            statement.execute("SET row_security = off");
            // With row_security off PostgreSQL refuses any query a policy would filter, rather than show all rows.
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM participant").close())
                    .isInstanceOf(SQLException.class);
        }
    }

    // ---- catalog checks: every tenant table, present and future ----

    private static List<String> tenantTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
                SELECT c.relname FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                ORDER BY c.relname""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    @Test
    void catalogFindsTheKnownTenantTables() throws SQLException {
        try (Connection app = appConnection()) {
            assertThat(tenantTables(app)).contains("participant", "engagement", "engagement_consultant", "audit_event",
                    "instrument", "instrument_version", "instrument_item", "pulse_schedule", "wave", "invitation",
                    "mail_outbox", "response", "response_answer", "initiative", "initiative_milestone", "decision",
                    "invitation_token", "tenant_membership");
        }
    }

    @Test
    void everyTenantTableHasForcedRowLevelSecurityAndAPolicy() throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection app = appConnection(); PreparedStatement statement = app.prepareStatement("""
                SELECT c.relrowsecurity, c.relforcerowsecurity,
                       (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relname = ?""")) {
            for (String table : tenantTables(app)) {
                statement.setString(1, table);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        problems.add(table + ": row level security not enabled");
                    }
                    if (!rs.getBoolean(2)) {
                        problems.add(table + ": row level security not forced");
                    }
                    if (rs.getLong(3) == 0) {
                        problems.add(table + ": no policy");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyOfATenantTableLeadsWithTenantId() throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection app = appConnection()) {
            List<String> tables = tenantTables(app);
            try (Statement statement = app.createStatement(); ResultSet rs = statement.executeQuery("""
                    SELECT c.relname, con.conname, con.contype, first_col.attname, ref.relname
                    FROM pg_constraint con
                    JOIN pg_class c ON c.oid = con.conrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    JOIN pg_attribute first_col ON first_col.attrelid = con.conrelid AND first_col.attnum = con.conkey[1]
                    LEFT JOIN pg_class ref ON ref.oid = con.confrelid
                    WHERE n.nspname = 'public' AND con.contype IN ('p', 'u', 'f')""")) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    if (tables.contains(table) && !"tenant_id".equals(rs.getString(4))
                            && !KEYS_WITHOUT_TENANT_ID.contains(table + "." + rs.getString(2))) {
                        problems.add(table + "." + rs.getString(2) + " (" + rs.getString(3) + ", first column "
                                + rs.getString(4) + (rs.getString(5) == null ? "" : ", references " + rs.getString(5)) + ")");
                    }
                }
            }
            try (Statement statement = app.createStatement(); ResultSet rs = statement.executeQuery("""
                    SELECT c.relname, i.relname, first_col.attname, pg_get_indexdef(ix.indexrelid)
                    FROM pg_index ix
                    JOIN pg_class c ON c.oid = ix.indrelid
                    JOIN pg_class i ON i.oid = ix.indexrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    LEFT JOIN pg_attribute first_col ON first_col.attrelid = ix.indrelid AND first_col.attnum = ix.indkey[0]
                    WHERE n.nspname = 'public' AND ix.indisunique""")) {
                while (rs.next()) {
                    if (tables.contains(rs.getString(1)) && !"tenant_id".equals(rs.getString(3))
                            && !KEYS_WITHOUT_TENANT_ID.contains(rs.getString(1) + "." + rs.getString(2))) {
                        problems.add(rs.getString(1) + "." + rs.getString(2) + " (unique index: " + rs.getString(4) + ")");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void foreignKeysFromTenantTablesToGlobalTablesUseTenantIdOnly() throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection app = appConnection()) {
            List<String> tables = tenantTables(app);
            try (Statement statement = app.createStatement(); ResultSet rs = statement.executeQuery("""
                    SELECT c.relname, con.conname, ref.relname,
                           array_to_string(ARRAY(SELECT a.attname FROM unnest(con.conkey) k
                               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k), ',')
                    FROM pg_constraint con
                    JOIN pg_class c ON c.oid = con.conrelid
                    JOIN pg_class ref ON ref.oid = con.confrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND con.contype = 'f' AND ref.relname IN ('tenant', 'app_user')""")) {
                while (rs.next()) {
                    if (tables.contains(rs.getString(1)) && !"tenant_id".equals(rs.getString(4))
                            && !KEYS_WITHOUT_TENANT_ID.contains(rs.getString(1) + "." + rs.getString(2))) {
                        problems.add(rs.getString(1) + "." + rs.getString(2) + " references " + rs.getString(3)
                                + " by (" + rs.getString(4) + ")");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void appRoleIsNoSuperuserCannotBypassRowLevelSecurityAndOwnsNothing() throws SQLException {
        try (Connection app = appConnection(); Statement statement = app.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = '" + APP_ROLE + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean("rolsuper")).as("superuser").isFalse();
                assertThat(rs.getBoolean("rolbypassrls")).as("bypassrls").isFalse();
                assertThat(rs.getBoolean("rolcreaterole")).as("createrole").isFalse();
                assertThat(rs.getBoolean("rolcreatedb")).as("createdb").isFalse();
            }
            assertThat(count(app, "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
                    + "WHERE r.rolname = '" + APP_ROLE + "'")).as("relations owned by the app role").isZero();
            assertThat(count(app, "SELECT count(*) FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba "
                    + "WHERE r.rolname = '" + APP_ROLE + "' AND d.datname = current_database()")).as("owns the database").isZero();
            assertThat(count(app, "SELECT count(*) FROM pg_roles WHERE rolname <> '" + APP_ROLE + "' "
                    + "AND pg_has_role('" + APP_ROLE + "', oid, 'MEMBER')")).as("roles the app role may become").isZero();
        }
    }

    @Test
    void appRoleCannotChangeTheAuditTrail() throws SQLException {
        try (Connection app = appConnection(); Statement statement = app.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_event"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(RLS_VIOLATION));
        }
    }

    @Test
    void tablesAreOwnedByTheMigrationOwner() throws SQLException {
        try (Connection app = appConnection()) {
            for (String table : tenantTables(app)) {
                try (PreparedStatement statement = app.prepareStatement(
                        "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = ? AND relnamespace = 'public'::regnamespace")) {
                    statement.setString(1, table);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        assertThat(rs.getString(1)).as(table).isEqualTo(OWNER_ROLE);
                    }
                }
            }
        }
    }
}
