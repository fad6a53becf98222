package com.kakehashi.portfolio;

import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.TestClock;
import com.kakehashi.tenant.TenantView;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Open disagreements of the global–local register count toward a tenant's attention in the portfolio. */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
class PortfolioRegisterTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void twoOpenDisagreementsTheOldestOverAMonthAddFifteenPointsWithTheirFigures() {
        clock.set(Instant.parse("2026-09-01T09:00:00Z"));
        Api api = new Api(server.getURL(), json);
        TenantView tenant = fixtures.tenant("Disputed");
        UserView consultant = fixtures.memberOf(tenant, Role.CONSULTANT);
        String token = api.login(consultant.email(), Fixtures.PASSWORD);
        String register = "/api/v1/tenants/" + tenant.id() + "/register";
        String discount = create(api, register, "Discount policy", token);
        String targets = create(api, register, "Sales targets", token);
        create(api, register, "Brand", token);
        disagree(api, register, discount, token);
        clock.set(clock.instant().plus(Duration.ofDays(35)));
        token = api.login(consultant.email(), Fixtures.PASSWORD);
        disagree(api, register, targets, token);
        clock.set(clock.instant().plus(Duration.ofDays(5)));
        token = api.login(consultant.email(), Fixtures.PASSWORD);

        Map<String, Object> summary = api.get("/api/v1/portfolio", token).list().stream()
                .filter(s -> s.get("tenantId").equals(tenant.id().toString())).findFirst().orElseThrow();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> reasons = (List<Map<String, Object>>) ((Map<String, Object>) summary.get("attention")).get("reasons");
        assertThat(reasons).filteredOn(r -> "OPEN_DISAGREEMENTS".equals(r.get("code"))).singleElement().satisfies(r -> {
            assertThat(r.get("points")).isEqualTo(15);
            assertThat(r.get("figures")).isEqualTo(Map.of("open", 2.0, "oldestDays", 40.0));
        });
    }

    private static String create(Api api, String register, String title, String token) {
        return api.post(register, Map.of("title", title, "area", "PRICING", "classification", "NON_NEGOTIABLE",
                "rationale", "Global."), token).field("id");
    }

    private static void disagree(Api api, String register, String id, String token) {
        Api.Reply reply = api.post(register + "/" + id + "/approvals", Map.of("side", "JAPAN", "decision", "DISAGREE",
                "version", 1, "comment", "Not in Japan.", "approverName", "佐藤 健"), token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }
}
