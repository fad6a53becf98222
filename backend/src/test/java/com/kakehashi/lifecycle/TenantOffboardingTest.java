package com.kakehashi.lifecycle;

import com.kakehashi.participant.ParticipantDetails;
import com.kakehashi.participant.ParticipantService;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offboarding a client through the real endpoint, with a second tenant beside it: every row of the
 * first goes (counted over every catalog table with tenant_id), the second keeps every row, and the
 * deletion is recorded in the platform audit that has no tenant.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "kakehashi.respond.requests-per-minute", value = "100000")
@Property(name = "kakehashi.insight.fold-delay", value = "10ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantOffboardingTest {

    @Inject
    LifecycleWorld worlds;
    @Inject
    ParticipantService participants;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    Api api;
    String operatorToken;
    LifecycleWorld.World leaving;
    LifecycleWorld.World staying;
    Map<String, Long> leavingRowsBefore;
    Map<String, Long> stayingRowsBefore;

    @BeforeAll
    void twoTenantsWithSomeOfEverything() throws Exception {
        api = new Api(server.getURL(), json);
        operatorToken = api.login(worlds.fixtures.operator().email(), Fixtures.PASSWORD);
        leaving = worlds.create("Leaving");
        staying = worlds.create("Staying");
        for (var w : List.of(leaving, staying)) {
            UUID participant = TenantContext.callAs(w.id(), () -> participants.create(w.operator, new ParticipantDetails(
                    "p-" + UUID.randomUUID() + "@example.jp", "Someone", Side.JAPAN, Level.STAFF, "ja", null, null))).id();
            UUID wave = w.wave(LocalDate.of(2026, 11, 2));
            w.respond(wave, Side.JAPAN, Level.STAFF, participant, 3, "A comment");
            for (int i = 0; i < 5; i++) {
                w.respond(wave, Side.HQ, Level.STAFF, null, 4, null);
            }
            w.close(wave, Duration.ofDays(1));
            UUID open = w.wave(LocalDate.of(2026, 12, 1));
            w.respond(open, Side.JAPAN, Level.STAFF, participant, 2, null);
            // A pending reminder and a planned wave occurrence: neither may outlive the tenant.
            worlds.appSql.update(w.id(), """
                    INSERT INTO mail_outbox (tenant_id, id, invitation_id, kind, status, send_after)
                    SELECT tenant_id, gen_random_uuid(), id, 'REMINDER', 'PENDING', now() + interval '1 day'
                    FROM invitation WHERE wave_id = ?""", open);
            try (Connection admin = worlds.admin(); PreparedStatement ps = admin.prepareStatement("""
                    INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                    VALUES ('wave-occurrence', ?, ?, false, 1)""")) {
                ps.setString(1, w.scheduleId + "@2099-01-01");
                ps.setTimestamp(2, Timestamp.from(Instant.now().plus(Duration.ofDays(30))));
                ps.executeUpdate();
            }
        }
        try (Connection admin = worlds.admin()) {
            leavingRowsBefore = Catalog.rowsOf(admin, leaving.id());
            stayingRowsBefore = Catalog.rowsOf(admin, staying.id());
        }
    }

    private String path(LifecycleWorld.World w, String confirm) {
        return "/api/v1/tenants/" + w.id() + (confirm == null ? "" : "?confirm=" + URLEncoder.encode(confirm, StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void withoutTheTenantsExactNameOrAsAConsultantNothingIsDeleted() throws Exception {
        for (String confirm : new String[] {null, "", leaving.tenant.name().toUpperCase(), staying.tenant.name()}) {
            Api.Reply reply = api.delete(path(leaving, confirm), operatorToken);
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).contains("confirm");
        }
        Api.Reply consultant = api.delete(path(leaving, leaving.tenant.name()),
                api.login(leaving.consultant.email(), Fixtures.PASSWORD));
        assertThat(consultant.status()).isEqualTo(403);
        try (Connection admin = worlds.admin()) {
            assertThat(Catalog.rowsOf(admin, leaving.id())).isEqualTo(leavingRowsBefore);
        }
    }

    @Test
    @Order(2)
    void offboardingLeavesNoRowOfTheTenantInAnyTenantTableAndTouchesNoOtherTenant() throws Exception {
        assertThat(leavingRowsBefore.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(50);
        assertThat(leavingRowsBefore).containsEntry("mail_outbox", 1L).containsEntry("response", 7L);

        Api.Reply reply = api.delete(path(leaving, leaving.tenant.name()), operatorToken);
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);

        try (Connection admin = worlds.admin()) {
            Map<String, Long> left = Catalog.rowsOf(admin, leaving.id());
            assertThat(left).isNotEmpty().allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
            assertThat(Catalog.rowsOf(admin, staying.id())).isEqualTo(stayingRowsBefore);
            assertThat(count(admin, "SELECT count(*) FROM tenant WHERE id = ?", leaving.id())).isZero();
            assertThat(count(admin, "SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?", leaving.scheduleId + "@2099-01-01"))
                    .as("the planned occurrence").isZero();
            assertThat(count(admin, "SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?", staying.scheduleId + "@2099-01-01"))
                    .isEqualTo(1);
            assertThat(count(admin, "SELECT count(*) FROM app_user WHERE id = ?", leaving.executive.id()))
                    .as("the client's own executive account").isZero();
            assertThat(count(admin, "SELECT count(*) FROM app_user WHERE id = ?", leaving.consultant.id()))
                    .as("the firm's consultant keeps their account").isEqualTo(1);
        }
        assertThat(api.get("/api/v1/tenants/" + leaving.id(), operatorToken).status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void theDeletionIsInThePlatformAuditWhichOutlivesTheTenant() {
        Api.Reply reply = api.get("/api/v1/platform-audit", operatorToken);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.list()).anySatisfy(entry -> {
            assertThat(entry).containsEntry("action", "tenant.offboarded").containsEntry("tenantId", leaving.id().toString())
                    .containsEntry("tenantName", leaving.tenant.name());
            assertThat((String) entry.get("detail")).contains("\"response\": 7").contains("\"mail_outbox\": 1");
        });
        assertThat(api.get("/api/v1/platform-audit", api.login(staying.consultant.email(), Fixtures.PASSWORD)).status())
                .isEqualTo(403);
    }

    @Test
    @Order(4)
    void aTenantAlreadyGoneIsNotFound() {
        assertThat(api.delete(path(leaving, leaving.tenant.name()), operatorToken).status()).isEqualTo(404);
    }

    private static long count(Connection admin, String sql, Object parameter) throws Exception {
        try (PreparedStatement ps = admin.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
