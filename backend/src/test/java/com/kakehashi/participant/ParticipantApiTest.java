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

    @Test
    void updateChangesDetailsAndDeactivateKeepsTheParticipantListed() {
        String id = api.post(base(), person("kenji@example.com"), consultant).field("id");
        Map<String, Object> changed = Map.of("email", "kenji@example.com", "displayName", "Kenji Sato", "side", "HQ",
                "level", "MIDDLE_MANAGER", "language", "en", "timeZone", "Europe/Berlin", "department", "Strategy");

        Api.Reply updated = api.put(base() + "/" + id, changed, consultant);
        Api.Reply deactivated = api.post(base() + "/" + id + "/deactivate", Map.of(), consultant);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.field("level")).isEqualTo("MIDDLE_MANAGER");
        assertThat(updated.field("timeZone")).isEqualTo("Europe/Berlin");
        assertThat(deactivated.map().get("active")).isEqualTo(false);
        assertThat(api.get(base() + "?active=false", consultant).body()).contains(id);
        assertThat(api.get(base() + "?active=true", consultant).body()).doesNotContain(id);
    }

    @Test
    void erasedParticipantIsGoneAndTheAuditKeepsOnlyItsId() {
        String id = api.post(base(), person("forget.me@example.com"), consultant).field("id");

        assertThat(api.delete(base() + "/" + id, consultant).status()).isEqualTo(204);

        assertThat(api.get(base() + "/" + id, consultant).status()).isEqualTo(404);
        String audit = api.get("/api/v1/tenants/" + tenant.id() + "/audit", consultant).body();
        assertThat(audit).contains("participant.erased", id).doesNotContain("forget.me");
    }

    @Test
    void importedParticipantsAppearInTheListing() {
        String csv = "email,name,side,level,language\nnew1@example.jp,新人 一,JAPAN,STAFF,ja\nnew2@example.com,New Two,HQ,EXECUTIVE,en\n";

        Api.Reply report = api.send(io.micronaut.http.HttpRequest.POST(base() + "/import", csv)
                .contentType("text/csv"), consultant);

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.map()).containsEntry("created", 2).containsEntry("rejected", 0);
        assertThat(api.get(base() + "?q=new", consultant).map().get("total")).isEqualTo(2);
    }
}
