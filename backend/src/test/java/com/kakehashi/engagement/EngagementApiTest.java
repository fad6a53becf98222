package com.kakehashi.engagement;

import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.tenant.TenantView;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(environments = "test", transactional = false)
class EngagementApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;

    Api api;
    TenantView tenant;
    UserView consultant;
    String consultantToken;

    @BeforeEach
    void setUp() {
        api = new Api(server.getURL(), json);
        tenant = fixtures.tenant("Engage");
        consultant = fixtures.memberOf(tenant, Role.CONSULTANT);
        consultantToken = api.login(consultant.email(), Fixtures.PASSWORD);
    }

    private String base() {
        return "/api/v1/tenants/" + tenant.id() + "/engagements";
    }

    private Map<String, Object> engagement(List<String> consultants) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Alignment 2027");
        body.put("goals", "Bring Japan into early strategy talks");
        body.put("startDate", "2027-01-01");
        body.put("endDate", "2027-12-31");
        body.put("status", "PLANNED");
        body.put("consultantIds", consultants);
        return body;
    }

    @Test
    void consultantCreatesEngagementWithThemselvesAndUpdatesIt() {
        Api.Reply created = api.post(base(), engagement(List.of(consultant.id().toString())), consultantToken);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().get("location")).endsWith(created.field("id"));

        Map<String, Object> changes = engagement(List.of());
        changes.put("status", "ACTIVE");
        Api.Reply updated = api.put(base() + "/" + created.field("id"), changes, consultantToken);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.field("status")).isEqualTo("ACTIVE");
        assertThat(updated.map().get("consultantIds")).isEqualTo(List.of());
    }

    @Test
    void consultantNotAssignedToTheTenantCannotBeOnItsEngagement() {
        UserView stranger = fixtures.user(Role.CONSULTANT);

        Api.Reply reply = api.post(base(), engagement(List.of(stranger.id().toString())), consultantToken);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("\"field\":\"consultantIds\"");
        assertThat(api.get(base(), consultantToken).list()).isEmpty();
    }

    @Test
    void endBeforeStartIsRejectedOnTheEndDate() {
        Map<String, Object> body = engagement(List.of());
        body.put("endDate", "2026-06-01");

        Api.Reply reply = api.post(base(), body, consultantToken);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("\"field\":\"endDate\"");
    }

    @Test
    void executiveReadsEngagementsButCannotChangeThem() {
        String id = api.post(base(), engagement(List.of()), consultantToken).field("id");
        String executive = api.login(fixtures.memberOf(tenant, Role.EXECUTIVE).email(), Fixtures.PASSWORD);

        assertThat(api.get(base() + "/" + id, executive).status()).isEqualTo(200);
        assertThat(api.put(base() + "/" + id, engagement(List.of()), executive).status()).isEqualTo(403);
        assertThat(api.delete(base() + "/" + id, executive).status()).isEqualTo(403);
        assertThat(api.get(base() + "/" + id, consultantToken).field("name")).isEqualTo("Alignment 2027");
    }

    @Test
    void deletedEngagementIsGoneAndAudited() {
        String id = api.post(base(), engagement(List.of(consultant.id().toString())), consultantToken).field("id");

        assertThat(api.delete(base() + "/" + id, consultantToken).status()).isEqualTo(204);

        assertThat(api.get(base() + "/" + id, consultantToken).status()).isEqualTo(404);
        Api.Reply audit = api.get("/api/v1/tenants/" + tenant.id() + "/audit", consultantToken);
        assertThat(audit.body()).contains("engagement.created", "engagement.deleted", id);
    }
}
