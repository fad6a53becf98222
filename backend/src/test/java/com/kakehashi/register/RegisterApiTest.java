package com.kakehashi.register;

import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.TestClock;
import com.kakehashi.tenant.TenantView;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The register through its API, on a real database: agreement per version, reopening, disagreement, health. */
@MicronautTest(environments = "test", transactional = false)
class RegisterApiTest {

    private static final Instant START = Instant.parse("2026-10-01T09:00:00Z");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;

    Api api;
    TenantView tenant;
    String consultant;
    String executive;
    UserView executiveUser;
    UserView consultantUser;

    @BeforeEach
    void aTenantWithAConsultantAndAnExecutive() {
        clock.set(START);
        api = new Api(server.getURL(), json);
        tenant = fixtures.tenant("Register");
        consultantUser = fixtures.memberOf(tenant, Role.CONSULTANT);
        consultant = api.login(consultantUser.email(), Fixtures.PASSWORD);
        executiveUser = fixtures.memberOf(tenant, Role.EXECUTIVE);
        executive = api.login(executiveUser.email(), Fixtures.PASSWORD);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String register() {
        return "/api/v1/tenants/" + tenant.id() + "/register";
    }

    private Api.Reply create(String title, String classification) {
        Api.Reply created = api.post(register(), Map.of("title", title, "area", "PRICING", "signs", List.of("EXCLUSION", "RISK_LENS"),
                "classification", classification, "rationale", "Why: " + title), consultant);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    private static Map<String, Object> word(String side, String decision, int version, String comment, String approver) {
        Map<String, Object> body = new HashMap<>();
        body.put("side", side);
        body.put("decision", decision);
        body.put("version", version);
        body.put("comment", comment);
        body.put("approverName", approver);
        return body;
    }

    private Api.Reply say(String id, Map<String, Object> word, String token) {
        return api.post(register() + "/" + id + "/approvals", word, token);
    }

    /** Days pass; tokens expire with the clock, so both log in again. */
    private void later(Duration duration) {
        clock.set(clock.instant().plus(duration));
        consultant = api.login(consultantUser.email(), Fixtures.PASSWORD);
        executive = api.login(executiveUser.email(), Fixtures.PASSWORD);
    }

    @Test
    void agreementOnlyWhenBothSidesAgreedToTheSameVersion() {
        Api.Reply created = create("Global discount policy", "NON_NEGOTIABLE");
        String id = created.field("id");

        Api.Reply hqOnly = say(id, word("HQ", "AGREE", 1, null, "Anna Schmidt (CFO)"), consultant);
        Api.Reply both = say(id, word("JAPAN", "AGREE", 1, null, "佐藤 健（日本法人社長）"), consultant);

        assertThat(created.headers().get("location")).endsWith("/register/" + id);
        assertThat(created.field("state")).isEqualTo("PENDING");
        assertThat(created.map().get("inEffect")).isNull();
        assertThat(hqOnly.field("state")).isEqualTo("PENDING");
        assertThat(both.status()).as(both.body()).isEqualTo(201);
        assertThat(both.field("state")).isEqualTo("AGREED");
        assertThat(inEffect(both)).containsEntry("version", 1).containsEntry("classification", "NON_NEGOTIABLE");
        assertThat(current(both).get("hq")).asString().contains("Anna Schmidt (CFO)");
        assertThat(current(both).get("japan")).asString().contains("佐藤 健（日本法人社長）");
    }

    @Test
    void aChangeOfAnAgreedItemReopensItAndTheHistoryKeepsBothVersionsAndTheirApprovals() {
        String id = create("Brand guidelines", "NON_NEGOTIABLE").field("id");
        say(id, word("HQ", "AGREE", 1, null, "Anna Schmidt"), consultant);
        later(Duration.ofDays(1));
        say(id, word("JAPAN", "AGREE", 1, null, "佐藤 健"), consultant);
        later(Duration.ofDays(30));

        Api.Reply changed = api.post(register() + "/" + id + "/versions", Map.of("classification", "ADAPTABLE",
                "rationale", "Global look, local campaign tone.", "basedOn", 1), executive);
        Api.Reply staleAgreement = say(id, word("JAPAN", "AGREE", 1, null, "佐藤 健"), consultant);
        later(Duration.ofDays(2));
        say(id, word("HQ", "AGREE", 2, null, "Anna Schmidt"), consultant);
        Api.Reply pendingJapan = api.get(register() + "/" + id, executive);
        say(id, word("JAPAN", "AGREE", 2, "Agreed in the leadership meeting.", "佐藤 健"), consultant);
        Api.Reply agreedAgain = api.get(register() + "/" + id, executive);

        assertThat(changed.status()).as(changed.body()).isEqualTo(201);
        assertThat(changed.field("state")).isEqualTo("PENDING");
        assertThat(current(changed)).containsEntry("version", 2).containsEntry("classification", "ADAPTABLE");
        assertThat(inEffect(changed)).as("the agreed version stays in effect until the change is agreed")
                .containsEntry("version", 1).containsEntry("classification", "NON_NEGOTIABLE");
        assertThat(staleAgreement.status()).isEqualTo(409);
        assertThat(staleAgreement.body()).contains("\"field\":\"version\"");
        assertThat(pendingJapan.field("state")).isEqualTo("PENDING");
        assertThat(inEffect(pendingJapan)).containsEntry("version", 1);
        assertThat(agreedAgain.field("state")).isEqualTo("AGREED");
        assertThat(inEffect(agreedAgain)).containsEntry("version", 2).containsEntry("classification", "ADAPTABLE");
        List<Map<String, Object>> versions = versions(agreedAgain);
        assertThat(versions).extracting(v -> v.get("version")).containsExactly(2, 1);
        assertThat(versions).allSatisfy(v -> assertThat(v.get("agreed")).isEqualTo(true));
        assertThat(approvals(versions.get(1))).extracting(a -> a.get("side") + " " + a.get("approver") + " " + a.get("recordedAt"))
                .containsExactly("HQ Anna Schmidt 2026-10-01T09:00:00Z", "JAPAN 佐藤 健 2026-10-02T09:00:00Z");
        assertThat(approvals(versions.get(0))).extracting(a -> a.get("side") + " " + a.get("version"))
                .containsExactly("HQ 2", "JAPAN 2");
        assertThat(versions.get(0).get("authoredByName")).isEqualTo(executiveUser.displayName());
        assertThat(api.get("/api/v1/tenants/" + tenant.id() + "/audit?size=50", consultant).body())
                .contains("register-item.created", "register-item.version-proposed", "register-item.agreed");
    }

    @Test
    void disagreementIsAStateVisibleWithEachSidesComment() {
        String id = create("Discount policy", "NON_NEGOTIABLE").field("id");
        say(id, word("HQ", "AGREE", 1, "Margins are global.", null), executive);
        later(Duration.ofDays(3));

        Api.Reply withoutComment = say(id, word("JAPAN", "DISAGREE", 1, null, "佐藤 健"), consultant);
        Api.Reply disagreed = say(id, word("JAPAN", "DISAGREE", 1, "Distributors expect local rebates.", "佐藤 健"), consultant);
        later(Duration.ofDays(10));
        Map<String, Object> listed = api.get(register(), executive).list().getFirst();

        assertThat(withoutComment.status()).isEqualTo(400);
        assertThat(withoutComment.body()).contains("\"field\":\"comment\"");
        assertThat(disagreed.field("state")).isEqualTo("DISAGREED");
        assertThat(listed.get("state")).isEqualTo("DISAGREED");
        assertThat(listed.get("disagreementDays")).isEqualTo(10);
        assertThat(listed.get("disagreedSince")).isEqualTo("2026-10-04T09:00:00Z");
        @SuppressWarnings("unchecked")
        Map<String, Object> current = (Map<String, Object>) listed.get("current");
        assertThat(current.get("hq")).asString().contains("Margins are global.", executiveUser.displayName());
        assertThat(current.get("japan")).asString().contains("Distributors expect local rebates.", "DISAGREE");
    }

    @Test
    void oneExecutiveCannotAgreeForBothSides() {
        String id = create("Reporting cadence", "ADAPTABLE").field("id");
        say(id, word("HQ", "AGREE", 1, null, null), executive);

        Api.Reply japanToo = say(id, word("JAPAN", "AGREE", 1, null, null), executive);
        Api.Reply forAColleague = say(id, word("JAPAN", "AGREE", 1, null, "鈴木 美咲"), executive);

        assertThat(japanToo.status()).isEqualTo(409);
        assertThat(japanToo.body()).contains("\"field\":\"side\"");
        assertThat(forAColleague.field("state")).isEqualTo("AGREED");
    }

    @Test
    void listPutsOpenDisagreementsFirstThenPendingThenAgreedAndFilters() {
        String agreed = create("A agreed", "LOCAL").field("id");
        say(agreed, word("HQ", "AGREE", 1, null, "Anna"), consultant);
        say(agreed, word("JAPAN", "AGREE", 1, null, "Kenji"), consultant);
        create("B pending", "ADAPTABLE");
        String younger = create("C disagreed later", "NON_NEGOTIABLE").field("id");
        String older = create("D disagreed first", "NON_NEGOTIABLE").field("id");
        say(older, word("JAPAN", "DISAGREE", 1, "Not here.", "Kenji"), consultant);
        later(Duration.ofDays(5));
        say(younger, word("HQ", "DISAGREE", 1, "Too loose.", "Anna"), consultant);

        List<Map<String, Object>> all = api.get(register(), executive).list();
        List<Map<String, Object>> nonNegotiable = api.get(register() + "?classification=NON_NEGOTIABLE", executive).list();
        List<Map<String, Object>> pending = api.get(register() + "?state=PENDING", executive).list();

        assertThat(all).extracting(i -> i.get("title"))
                .containsExactly("D disagreed first", "C disagreed later", "B pending", "A agreed");
        assertThat(nonNegotiable).extracting(i -> i.get("title")).containsExactly("D disagreed first", "C disagreed later");
        assertThat(pending).extracting(i -> i.get("title")).containsExactly("B pending");
    }

    @Test
    void healthOnAFixture() {
        // 5 items: 2 agreed, 1 pending, 2 disagreed for 20 and 6 days.
        for (String title : List.of("agreed 1", "agreed 2")) {
            String id = create(title, "LOCAL").field("id");
            say(id, word("HQ", "AGREE", 1, null, "Anna"), consultant);
            say(id, word("JAPAN", "AGREE", 1, null, "Kenji"), consultant);
        }
        create("pending", "ADAPTABLE");
        String first = create("disagreed 1", "NON_NEGOTIABLE").field("id");
        String second = create("disagreed 2", "NON_NEGOTIABLE").field("id");
        say(first, word("JAPAN", "DISAGREE", 1, "No.", "Kenji"), consultant);
        later(Duration.ofDays(14));
        say(second, word("HQ", "DISAGREE", 1, "No.", "Anna"), consultant);
        later(Duration.ofDays(6).plusHours(3));

        Api.Reply health = api.get(register() + "/health", executive);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.map()).containsEntry("items", 5).containsEntry("agreed", 2).containsEntry("pending", 1)
                .containsEntry("disagreed", 2).containsEntry("agreedShare", 0.4).containsEntry("openDisagreements", 2)
                .containsEntry("oldestDisagreementDays", 20).containsEntry("medianDisagreementDays", 13.0);
    }

    @Test
    void emptyRegisterHasNoShare() {
        Api.Reply health = api.get(register() + "/health", consultant);

        assertThat(health.map()).containsEntry("items", 0).containsEntry("openDisagreements", 0)
                .doesNotContainKeys("agreedShare", "oldestDisagreementDays", "medianDisagreementDays");
    }

    @Test
    void badInputsNameTheirField() {
        String id = create("Approval limits", "ADAPTABLE").field("id");

        Api.Reply regional = say(id, word("REGIONAL", "AGREE", 1, null, "APAC"), consultant);
        Api.Reply zeroVersion = say(id, word("HQ", "AGREE", 0, null, "Anna"), consultant);
        Api.Reply unknownDecision = say(id, word("HQ", "MAYBE", 1, null, "Anna"), consultant);
        Api.Reply noTitle = api.post(register(), Map.of("area", "PRICING", "classification", "LOCAL", "rationale", "r"), consultant);
        Api.Reply badSign = api.post(register(), Map.of("title", "t", "area", "PRICING", "signs", List.of("BOGUS"),
                "classification", "LOCAL", "rationale", "r"), consultant);
        Api.Reply staleChange = api.post(register() + "/" + id + "/versions", Map.of("classification", "LOCAL",
                "rationale", "Japan decides.", "basedOn", 7), consultant);
        Api.Reply sameAgain = api.post(register() + "/" + id + "/versions", Map.of("classification", "ADAPTABLE",
                "rationale", "Why: Approval limits", "basedOn", 1), consultant);
        Api.Reply missing = api.get(register() + "/" + java.util.UUID.randomUUID(), consultant);

        assertThat(regional.status()).isEqualTo(400);
        assertThat(regional.body()).contains("\"field\":\"side\"");
        assertThat(zeroVersion.status()).isEqualTo(400);
        assertThat(zeroVersion.body()).contains("version");
        assertThat(unknownDecision.status()).isEqualTo(400);
        assertThat(unknownDecision.body()).contains("decision");
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.body()).contains("title");
        assertThat(badSign.status()).isEqualTo(400);
        assertThat(staleChange.status()).isEqualTo(409);
        assertThat(staleChange.body()).contains("\"field\":\"basedOn\"");
        assertThat(sameAgain.status()).isEqualTo(400);
        assertThat(sameAgain.body()).contains("\"field\":\"rationale\"");
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void executivesMayNotDeleteConsultantsMayAndNobodyOfAnotherTenantSeesAnything() {
        String id = create("Sales targets", "ADAPTABLE").field("id");
        TenantView other = fixtures.tenant("Other");
        String outsider = api.login(fixtures.memberOf(other, Role.EXECUTIVE).email(), Fixtures.PASSWORD);

        Api.Reply byExecutive = api.delete(register() + "/" + id, executive);
        Api.Reply fromOutside = api.get(register(), outsider);
        Api.Reply smuggled = api.get("/api/v1/tenants/" + other.id() + "/register/" + id, outsider);
        Api.Reply byConsultant = api.delete(register() + "/" + id, consultant);

        assertThat(byExecutive.status()).isEqualTo(403);
        assertThat(fromOutside.status()).isEqualTo(404);
        assertThat(smuggled.status()).isEqualTo(404);
        assertThat(byConsultant.status()).isEqualTo(204);
        assertThat(api.get(register() + "/" + id, consultant).status()).isEqualTo(404);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> current(Api.Reply item) {
        return (Map<String, Object>) item.map().get("current");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inEffect(Api.Reply item) {
        return (Map<String, Object>) item.map().get("inEffect");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> versions(Api.Reply item) {
        return (List<Map<String, Object>>) item.map().get("versions");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> approvals(Map<String, Object> version) {
        return (List<Map<String, Object>>) version.get("approvals");
    }
}
