package com.kakehashi.security;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.invitation.InvitationTokens;
import com.kakehashi.schedule.ScheduleView;
import com.kakehashi.support.Api;
import com.kakehashi.support.AppRoleSql;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.PulseFixtures;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.TenantView;
import com.kakehashi.wave.WaveService;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * invitation_token and tenant_membership under Row Level Security (0017), below the API as the
 * application's own role, and the product paths that read them before a tenant is known: the
 * respondent page (token lookup) and login, /me and the tenant filter (memberships).
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "kakehashi.respond.requests-per-minute", value = "100000")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenAndMembershipIsolationTest {

    private static final String RLS_VIOLATION = "42501";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;
    @Inject
    PulseFixtures pulse;
    @Inject
    WaveService waves;
    @Inject
    AppRoleSql appSql;

    @Value("${datasources.default.url}")
    String databaseUrl;

    Api api;
    TenantView tenantA;
    TenantView tenantB;
    UserView consultantA;
    UserView executiveB;
    /** Link tokens minted for every invitation of one wave per tenant. */
    List<String> tokensA;
    List<String> tokensB;

    @BeforeAll
    void twoTenantsWithMembersAndMintedLinks() throws SQLException {
        api = new Api(server.getURL(), json);
        tenantA = fixtures.tenant("TokenA");
        tenantB = fixtures.tenant("TokenB");
        consultantA = fixtures.memberOf(tenantA, Role.CONSULTANT);
        fixtures.memberOf(tenantA, Role.EXECUTIVE);
        executiveB = fixtures.memberOf(tenantB, Role.EXECUTIVE);
        tokensA = mintedLinks(tenantA, 3);
        tokensB = mintedLinks(tenantB, 2);
    }

    /** A launched wave and one token per invitation, stored as the mail dispatcher stores them. */
    private List<String> mintedLinks(TenantView tenant, int japan) throws SQLException {
        UserView operator = fixtures.operator();
        Caller caller = new Caller(operator.id(), operator.email(), Role.OPERATOR);
        UUID version = pulse.surveyReady(tenant.id(), caller, japan, 0);
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), caller, version, LocalDate.now().plusDays(30), List.of());
        UUID wave = TenantContext.callAs(tenant.id(), () -> waves.launchNow(caller, schedule.id())).id();
        List<String> tokens = new ArrayList<>();
        for (Map<String, String> invitation : appSql.rows(tenant.id(), "SELECT id FROM invitation WHERE wave_id = ?", wave)) {
            String token = UUID.randomUUID() + "-" + UUID.randomUUID();
            appSql.update(tenant.id(), "INSERT INTO invitation_token (token_hash, tenant_id, invitation_id, expires_at) "
                            + "VALUES (?, ?, ?, ?)", InvitationTokens.hash(token), tenant.id(), UUID.fromString(invitation.get("id")),
                    Timestamp.from(Instant.now().plus(Duration.ofDays(5))));
            tokens.add(token);
        }
        assertThat(tokens).hasSize(japan);
        return tokens;
    }

    private Connection appWithoutTenant() throws SQLException {
        return DriverManager.getConnection(databaseUrl, AppRoleSql.APP_ROLE, AppRoleSql.APP_ROLE);
    }

    private static List<UUID> tenantIds(Connection connection, String table) throws SQLException {
        List<UUID> tenants = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT tenant_id FROM " + table);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                tenants.add(rs.getObject(1, UUID.class));
            }
        }
        return tenants;
    }

    private static List<List<Object>> rows(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        row.add(rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static int execute(Connection connection, String sql) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    // ---- below the API ----

    @Test
    void appRoleWithoutATenantReadsNoTokenAndNoMembership() throws SQLException {
        try (Connection app = appWithoutTenant()) {
            assertThat(tenantIds(app, "invitation_token")).isEmpty();
            assertThat(tenantIds(app, "tenant_membership")).isEmpty();
        }
    }

    @Test
    void appRoleInATenantSeesOnlyThatTenantsTokensAndMemberships() throws SQLException {
        try (Connection inA = appSql.connection(tenantA.id()); Connection inB = appSql.connection(tenantB.id())) {
            assertThat(tenantIds(inA, "invitation_token")).hasSize(tokensA.size()).containsOnly(tenantA.id());
            assertThat(tenantIds(inA, "tenant_membership")).hasSize(2).containsOnly(tenantA.id());
            assertThat(tenantIds(inB, "invitation_token")).hasSize(tokensB.size()).containsOnly(tenantB.id());
            assertThat(tenantIds(inB, "tenant_membership")).hasSize(1).containsOnly(tenantB.id());
        }
    }

    @Test
    void appRoleCannotWriteATokenOrMembershipIntoAnotherTenant() throws SQLException {
        UserView stranger = fixtures.user(Role.CONSULTANT);
        try (Connection inA = appSql.connection(tenantA.id())) {
            assertThatThrownBy(() -> rows(inA, "INSERT INTO tenant_membership (tenant_id, user_id) VALUES (?, ?) RETURNING 1",
                    tenantB.id(), stranger.id()))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(RLS_VIOLATION));
            assertThat(execute(inA, "UPDATE tenant_membership SET user_id = user_id WHERE tenant_id = '" + tenantB.id() + "'")).isZero();
            assertThat(execute(inA, "DELETE FROM invitation_token WHERE tenant_id = '" + tenantB.id() + "'")).isZero();
        }
        try (Connection inB = appSql.connection(tenantB.id())) {
            assertThat(tenantIds(inB, "invitation_token")).hasSize(tokensB.size());
        }
    }

    @Test
    void tokenLookupResolvesExactlyTheOneHashItIsGivenWithoutATenant() throws SQLException {
        try (Connection app = appWithoutTenant()) {
            List<List<Object>> found = rows(app, "SELECT tenant_id, invitation_id FROM resolve_invitation_token(?, now())",
                    InvitationTokens.hash(tokensB.getFirst()));
            assertThat(found).hasSize(1);
            assertThat(found.getFirst().getFirst()).isEqualTo(tenantB.id());

            assertThat(rows(app, "SELECT * FROM resolve_invitation_token(?, now())", InvitationTokens.hash("no such token"))).isEmpty();
            assertThat(rows(app, "SELECT * FROM resolve_invitation_token(?, now() + interval '6 days')",
                    InvitationTokens.hash(tokensB.getFirst()))).as("expired").isEmpty();
            // Still nothing listable afterwards: the function leaves no tenant behind.
            assertThat(tenantIds(app, "invitation_token")).isEmpty();
        }
    }

    @Test
    void membershipLookupAnswersForOneUserWithoutATenant() throws SQLException {
        try (Connection app = appWithoutTenant()) {
            assertThat(rows(app, "SELECT * FROM member_tenants(?)", consultantA.id())).containsExactly(List.of(tenantA.id()));
            assertThat(rows(app, "SELECT * FROM member_tenants(?)", executiveB.id())).containsExactly(List.of(tenantB.id()));
            assertThat(rows(app, "SELECT * FROM member_tenants(?)", UUID.randomUUID())).isEmpty();
        }
    }

    @Test
    void lookupFunctionsRunAsTheOwnerWithAFixedSearchPathAndOnlyTheAppRoleMayCallThem() throws SQLException {
        try (Connection app = appWithoutTenant()) {
            List<List<Object>> functions = rows(app, """
                    SELECT p.proname, p.prosecdef, array_to_string(p.proconfig, ','), pg_get_userbyid(p.proowner),
                           has_function_privilege('public', p.oid, 'EXECUTE')
                    FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
                      AND p.proname IN ('resolve_invitation_token', 'member_tenants') ORDER BY p.proname""");
            assertThat(functions).hasSize(2).allSatisfy(f -> {
                assertThat(f.get(1)).as("security definer").isEqualTo(true);
                assertThat((String) f.get(2)).contains("search_path=pg_catalog, pg_temp", "row_security=on");
                assertThat(f.get(3)).isEqualTo("kakehashi_owner");
                assertThat(f.get(4)).as("executable by everyone").isEqualTo(false);
            });
        }
    }

    // ---- the product paths that read them before a tenant is known ----

    @Test
    void respondentOpensAndSubmitsTheFormThroughTheTokenLookup() {
        String token = tokensA.getLast();

        Api.Reply page = api.get("/s/" + token, null);
        assertThat(page.status()).isEqualTo(200);
        Set<String> questions = new LinkedHashSet<>();
        Matcher names = Pattern.compile("name=\"(q_[A-Z_0-9]+)\"").matcher(page.body());
        while (names.find()) {
            questions.add(names.group(1));
        }
        assertThat(questions).isNotEmpty();
        String form = questions.stream().map(q -> q + "=3").collect(Collectors.joining("&"));
        Api.Reply submitted = api.send(HttpRequest.POST("/s/" + token, form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), null);

        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.body()).contains("ありがとうございました");
        assertThat(api.get("/s/" + token, null).body()).doesNotContain("name=\"q_");
    }

    @Test
    void loginMeTenantListAndTenantFilterStillFollowTheMemberships() {
        String token = api.login(consultantA.email(), Fixtures.PASSWORD);

        assertThat(api.get("/api/v1/me", token).body()).contains(tenantA.id().toString()).doesNotContain(tenantB.id().toString());
        assertThat(api.get("/api/v1/tenants", token).list()).extracting(t -> t.get("id")).containsExactly(tenantA.id().toString());
        assertThat(api.get("/api/v1/tenants/" + tenantA.id(), token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tenants/" + tenantB.id(), token).status()).isEqualTo(404);

        String operator = api.login(fixtures.operator().email(), Fixtures.PASSWORD);
        assertThat(api.get("/api/v1/users/" + executiveB.id(), operator).map().get("tenantIds"))
                .isEqualTo(List.of(tenantB.id().toString()));
        assertThat(api.get("/api/v1/tenants/" + tenantB.id() + "/members", operator).list()).extracting(m -> m.get("userId"))
                .containsExactly(executiveB.id().toString());
    }
}
