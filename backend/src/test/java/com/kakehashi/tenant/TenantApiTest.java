package com.kakehashi.tenant;

import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(environments = "test", transactional = false)
class TenantApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;

    Api api;
    String operator;

    @BeforeEach
    void setUp() {
        api = new Api(server.getURL(), json);
        operator = api.login(fixtures.operator().email(), Fixtures.PASSWORD);
    }

    private static Map<String, Object> tenant(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("hqCountry", "us");
        body.put("hqTimeZone", "America/Chicago");
        body.put("japanSubsidiaryName", "Fabrikam Japan KK");
        return body;
    }

    @Test
    void newTenantDefaultsToAnonymityThresholdFiveAndNormalisesTheCountry() {
        Api.Reply created = api.post("/api/v1/tenants", tenant("Fabrikam " + UUID.randomUUID()), operator);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.map().get("anonymityThreshold")).isEqualTo(5);
        assertThat(created.field("hqCountry")).isEqualTo("US");
    }

    @Test
    void anonymityThresholdBelowThreeIsRefusedOnCreateAndPatch() {
        Map<String, Object> body = tenant("Low k " + UUID.randomUUID());
        body.put("anonymityThreshold", 2);
        Api.Reply refused = api.post("/api/v1/tenants", body, operator);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"anonymityThreshold\"");

        String id = api.post("/api/v1/tenants", tenant("Ok k " + UUID.randomUUID()), operator).field("id");
        Api.Reply patch = api.patch("/api/v1/tenants/" + id, Map.of("anonymityThreshold", 1), operator);
        assertThat(patch.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/tenants/" + id, operator).map().get("anonymityThreshold")).isEqualTo(5);
    }

    @Test
    void newTenantHasCommentThresholdTenAndKeepsAChosenOne() {
        assertThat(api.post("/api/v1/tenants", tenant("Comments " + UUID.randomUUID()), operator).map().get("commentThreshold"))
                .isEqualTo(10);
        Map<String, Object> body = tenant("Strict comments " + UUID.randomUUID());
        body.put("commentThreshold", 15);
        assertThat(api.post("/api/v1/tenants", body, operator).map().get("commentThreshold")).isEqualTo(15);
        Map<String, Object> highK = tenant("High k " + UUID.randomUUID());
        highK.put("anonymityThreshold", 12);
        assertThat(api.post("/api/v1/tenants", highK, operator).map().get("commentThreshold")).as("never below k").isEqualTo(12);
    }

    @Test
    void commentThresholdBelowKIsRefusedNamingTheFieldOnCreateAndPatch() {
        Map<String, Object> body = tenant("Loose comments " + UUID.randomUUID());
        body.put("anonymityThreshold", 8);
        body.put("commentThreshold", 7);
        Api.Reply refused = api.post("/api/v1/tenants", body, operator);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"commentThreshold\"");

        String id = api.post("/api/v1/tenants", tenant("Comments ok " + UUID.randomUUID()), operator).field("id");
        Api.Reply patch = api.patch("/api/v1/tenants/" + id, Map.of("commentThreshold", 4), operator);
        assertThat(patch.status()).isEqualTo(400);
        assertThat(patch.body()).contains("\"field\":\"commentThreshold\"");
        assertThat(api.patch("/api/v1/tenants/" + id, Map.of("commentThreshold", 2), operator).body())
                .contains("\"field\":\"commentThreshold\"");
        assertThat(api.get("/api/v1/tenants/" + id, operator).map().get("commentThreshold")).isEqualTo(10);

        assertThat(api.patch("/api/v1/tenants/" + id, Map.of("commentThreshold", 6), operator).map().get("commentThreshold"))
                .isEqualTo(6);
        assertThat(api.patch("/api/v1/tenants/" + id, Map.of("anonymityThreshold", 9), operator).map().get("commentThreshold"))
                .as("raising k takes the comment threshold along").isEqualTo(9);
    }

    @Test
    void unknownCountryAndTimeZoneAreNamedInTheProblem() {
        Map<String, Object> body = tenant("Bad zone " + UUID.randomUUID());
        body.put("hqTimeZone", "Europe/Atlantis");
        assertThat(api.post("/api/v1/tenants", body, operator).body()).contains("\"field\":\"hqTimeZone\"");

        body = tenant("Bad country " + UUID.randomUUID());
        body.put("hqCountry", "XX");
        assertThat(api.post("/api/v1/tenants", body, operator).body()).contains("\"field\":\"hqCountry\"");
    }

    @Test
    void duplicateTenantNameIsAConflictWhateverTheCase() {
        String name = "Duplicate " + UUID.randomUUID();
        api.post("/api/v1/tenants", tenant(name), operator);

        Api.Reply again = api.post("/api/v1/tenants", tenant(name.toUpperCase()), operator);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("\"field\":\"name\"");
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        String id = api.post("/api/v1/tenants", tenant("Patch " + UUID.randomUUID()), operator).field("id");

        Api.Reply patched = api.patch("/api/v1/tenants/" + id, Map.of("japanSubsidiaryName", "Fabrikam GK"), operator);

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.field("japanSubsidiaryName")).isEqualTo("Fabrikam GK");
        assertThat(patched.field("hqTimeZone")).isEqualTo("America/Chicago");
    }

    @Test
    void consultantCannotRenameTheirTenantSoTheNameCheckRevealsNoOtherClient() {
        TenantView mine = fixtures.tenant("Renamer");
        TenantView otherClient = fixtures.tenant("Other client");
        String consultant = api.login(fixtures.memberOf(mine, Role.CONSULTANT).email(), Fixtures.PASSWORD);
        String path = "/api/v1/tenants/" + mine.id();

        Api.Reply takenName = api.patch(path, Map.of("name", otherClient.name()), consultant);
        Api.Reply freeName = api.patch(path, Map.of("name", "Free name " + UUID.randomUUID()), consultant);

        assertThat(takenName.status()).isEqualTo(403);
        assertThat(takenName.contentType()).startsWith("application/problem+json");
        assertThat(takenName.body()).contains("\"field\":\"name\"").doesNotContain("already exists");
        assertThat(takenName.body()).as("the same answer whether another client has the name or not")
                .isEqualTo(freeName.body());
        assertThat(api.get(path, operator).field("name")).isEqualTo(mine.name());

        Map<String, Object> settings = new HashMap<>();
        settings.put("name", mine.name());
        settings.put("japanSubsidiaryName", "Renamer GK");
        Api.Reply unchangedName = api.patch(path, settings, consultant);
        assertThat(unchangedName.status()).as("sending the current name is no rename").isEqualTo(200);
        assertThat(unchangedName.field("japanSubsidiaryName")).isEqualTo("Renamer GK");
    }

    @Test
    void operatorRenamesATenantButNotToAnotherTenantsName() {
        TenantView renamed = fixtures.tenant("Rename me");
        TenantView existing = fixtures.tenant("Existing");
        String path = "/api/v1/tenants/" + renamed.id();
        String newName = "Renamed " + UUID.randomUUID();

        assertThat(api.patch(path, Map.of("name", newName), operator).field("name")).isEqualTo(newName);
        Api.Reply clash = api.patch(path, Map.of("name", existing.name().toUpperCase()), operator);

        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.body()).contains("\"field\":\"name\"");
        assertThat(api.get(path, operator).field("name")).isEqualTo(newName);
    }

    @Test
    void consultantListsOnlyAssignedTenantsAndMeShowsThem() {
        TenantView mine = fixtures.tenant("Mine");
        fixtures.tenant("NotMine");
        UserView consultant = fixtures.memberOf(mine, Role.CONSULTANT);
        String token = api.login(consultant.email(), Fixtures.PASSWORD);

        List<Map<String, Object>> tenants = api.get("/api/v1/tenants", token).list();
        Map<String, Object> me = api.get("/api/v1/me", token).map();

        assertThat(tenants).extracting(t -> t.get("id")).containsExactly(mine.id().toString());
        assertThat(me.get("role")).isEqualTo("CONSULTANT");
        assertThat(me.get("tenants").toString()).contains(mine.id().toString());
    }

    @Test
    void executiveBelongsToExactlyOneTenant() {
        TenantView first = fixtures.tenant("First");
        TenantView second = fixtures.tenant("Second");
        UserView executive = fixtures.memberOf(first, Role.EXECUTIVE);

        Api.Reply reply = api.put("/api/v1/tenants/" + second.id() + "/members/" + executive.id(), Map.of(), operator);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/tenants/" + second.id() + "/members", operator).list()).isEmpty();
    }

    @Test
    void unassignedConsultantLosesAccessAtOnce() {
        TenantView tenant = fixtures.tenant("Revoke");
        UserView consultant = fixtures.memberOf(tenant, Role.CONSULTANT);
        String token = api.login(consultant.email(), Fixtures.PASSWORD);
        assertThat(api.get("/api/v1/tenants/" + tenant.id(), token).status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/tenants/" + tenant.id() + "/members/" + consultant.id(), operator).status()).isEqualTo(204);

        assertThat(api.get("/api/v1/tenants/" + tenant.id(), token).status()).isEqualTo(404);
    }

    @Test
    void operatorCreatesExecutiveBoundToTheirTenantInOneStep() {
        TenantView tenant = fixtures.tenant("Exec");
        Map<String, Object> body = new HashMap<>();
        body.put("email", "New.Exec." + UUID.randomUUID() + "@client.example");
        body.put("displayName", "新しい 役員");
        body.put("role", "EXECUTIVE");
        body.put("password", "a long enough password");
        body.put("tenantId", tenant.id().toString());

        Api.Reply created = api.post("/api/v1/users", body, operator);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.map().get("tenantIds")).isEqualTo(List.of(tenant.id().toString()));
        String token = api.login(created.field("email"), "a long enough password");
        assertThat(api.get("/api/v1/tenants", token).list()).extracting(t -> t.get("id")).containsExactly(tenant.id().toString());
    }

    @Test
    void executiveWithoutTenantIsNotCreated() {
        Map<String, Object> body = new HashMap<>();
        String email = "orphan." + UUID.randomUUID() + "@client.example";
        body.put("email", email);
        body.put("displayName", "Orphan");
        body.put("role", "EXECUTIVE");
        body.put("password", "a long enough password");

        Api.Reply reply = api.post("/api/v1/users", body, operator);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("\"field\":\"tenantId\"");
        assertThat(api.get("/api/v1/users", operator).body()).doesNotContain(email);
    }
}
