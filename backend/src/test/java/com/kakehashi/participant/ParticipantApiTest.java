package com.kakehashi.participant;

import com.kakehashi.identity.Role;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.tenant.TenantView;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(environments = "test", transactional = false)
class ParticipantApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;

    Api api;
    TenantView tenant;
    String consultant;

    @BeforeEach
    void setUp() {
        api = new Api(server.getURL(), json);
        tenant = fixtures.tenant("Acme");
        consultant = api.login(fixtures.memberOf(tenant, Role.CONSULTANT).email(), Fixtures.PASSWORD);
    }

    private String base() {
        return "/api/v1/tenants/" + tenant.id() + "/participants";
    }

    private static Map<String, Object> person(String email) {
        return Map.of("email", email, "displayName", "山田 花子", "side", "JAPAN", "level", "STAFF", "language", "ja");
    }

    @Test
    void createdParticipantGetsTokyoTimeZoneByDefaultAndIsListed() {
        Api.Reply created = api.post(base(), person("Hanako@Example.com"), consultant);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.field("email")).isEqualTo("hanako@example.com");
        assertThat(created.field("timeZone")).isEqualTo("Asia/Tokyo");
        Api.Reply listed = api.get(base() + "?side=JAPAN&q=hanako", consultant);
        assertThat(listed.status()).isEqualTo(200);
        List<?> items = (List<?>) listed.map().get("items");
        assertThat(items).hasSize(1);
        assertThat(listed.map().get("total")).isEqualTo(1);
    }

    @Test
    void secondParticipantWithSameEmailIsAConflict() {
        api.post(base(), person("dup@example.com"), consultant);

        Api.Reply again = api.post(base(), person("DUP@example.com"), consultant);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.body()).contains("\"field\":\"email\"");
    }

    @Test
    void consultantOfAnotherTenantGetsNotFoundForTheTenantAndItsParticipant() {
        String id = api.post(base(), person("secret@example.com"), consultant).field("id");
        TenantView other = fixtures.tenant("Other");
        String outsider = api.login(fixtures.memberOf(other, Role.CONSULTANT).email(), Fixtures.PASSWORD);

        assertThat(api.get(base(), outsider).status()).isEqualTo(404);
        assertThat(api.get(base() + "/" + id, outsider).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tenants/" + other.id() + "/participants/" + id, outsider).status()).isEqualTo(404);
    }
}
