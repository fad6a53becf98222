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

/** Actions past their due date count toward a tenant's attention in the portfolio; done ones and ones not yet due do not. */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
class PortfolioActionsTest {

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
    void twoActionsPastTheirDueDateAddTenPointsWithTheirCountAndTheOldestDelayWhileOneDueLaterAddsNothing() {
        clock.set(Instant.parse("2026-09-01T09:00:00Z"));
        Api api = new Api(server.getURL(), json);
        TenantView tenant = fixtures.tenant("Slipping");
        UserView consultant = fixtures.memberOf(tenant, Role.CONSULTANT);
        String token = api.login(consultant.email(), Fixtures.PASSWORD);
        String engagement = api.post("/api/v1/tenants/" + tenant.id() + "/engagements",
                Map.of("name", "Alignment", "startDate", "2026-08-01", "status", "ACTIVE"), token).field("id");
        String actions = "/api/v1/tenants/" + tenant.id() + "/actions";
        create(api, actions, engagement, "2026-09-10", token);
        create(api, actions, engagement, "2026-09-20", token);
        create(api, actions, engagement, "2026-12-31", token);
        assertThat(reasons(api, tenant, token)).noneMatch(r -> "OVERDUE_ACTIONS".equals(r.get("code")));

        clock.set(clock.instant().plus(Duration.ofDays(25)));
        token = api.login(consultant.email(), Fixtures.PASSWORD);

        assertThat(reasons(api, tenant, token)).filteredOn(r -> "OVERDUE_ACTIONS".equals(r.get("code"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("points")).isEqualTo(10);
                    assertThat(r.get("figures")).isEqualTo(Map.of("count", 2.0, "oldestDays", 16.0));
                });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> reasons(Api api, TenantView tenant, String token) {
        Map<String, Object> summary = api.get("/api/v1/portfolio", token).list().stream()
                .filter(s -> s.get("tenantId").equals(tenant.id().toString())).findFirst().orElseThrow();
        return (List<Map<String, Object>>) ((Map<String, Object>) summary.get("attention")).get("reasons");
    }

    private static void create(Api api, String actions, String engagement, String dueOn, String token) {
        Api.Reply reply = api.post(actions, Map.of("engagementId", engagement, "title", "Pre-brief Japan leadership",
                "language", "en", "signs", List.of("EXCLUSION"), "startOn", "2026-09-01", "dueOn", dueOn,
                "hqOwner", Map.of("name", "Anna Schmidt", "email", "anna@slipping.example", "language", "en"),
                "japanOwner", Map.of("name", "佐藤 健", "email", "sato@slipping.example", "language", "ja")), token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }
}
