package com.kakehashi.survey;

import com.kakehashi.vocabulary.WarningSign;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(environments = "test", transactional = false)
class InstrumentApiTest {

    private static final List<String> TEXTS = List.of("textHqEn", "textHqJa", "textJapanEn", "textJapanJa");

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
        tenant = fixtures.tenant("Instrument");
        consultant = api.login(fixtures.memberOf(tenant, Role.CONSULTANT).email(), Fixtures.PASSWORD);
    }

    private String base() {
        return "/api/v1/tenants/" + tenant.id() + "/instruments";
    }

    /** Creates an instrument copied from the default; answers its draft version's path. */
    private String copyOfDefault() {
        Api.Reply created = api.post(base(), Map.of("name", "Pulse 2027", "copyOfDefault", true), consultant);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        Map<String, Object> draft = ((List<Map<String, Object>>) created.map().get("versions")).getFirst();
        return base() + "/" + created.field("id") + "/versions/" + draft.get("id");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Api.Reply reply) {
        return (List<Map<String, Object>>) reply.map().get("items");
    }

    /** A draft's content as the PUT body, built from what GET answered. */
    private static Map<String, Object> content(Api.Reply version) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> item : items(version)) {
            Map<String, Object> copy = new HashMap<>(item);
            copy.remove("position");
            items.add(copy);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("items", items);
        body.put("signs", version.map().get("signs"));
        body.put("commentPromptEn", version.field("commentPromptEn"));
        body.put("commentPromptJa", version.field("commentPromptJa"));
        return body;
    }

    @Test
    void defaultInstrumentMeasuresEveryWarningSignWithMirroredAndReverseKeyedItemsInBothLanguages() {
        String executive = api.login(fixtures.memberOf(tenant, Role.EXECUTIVE).email(), Fixtures.PASSWORD);

        Api.Reply reply = api.get("/api/v1/instruments/default", executive);

        assertThat(reply.status()).isEqualTo(200);
        List<Map<String, Object>> all = items(reply);
        // Version 2 (0028) adds the outcome scale: two mirrored items about alignment itself, without a sign.
        assertThat(all).filteredOn(i -> "OUTCOME".equals(i.get("scale"))).extracting(i -> i.get("code"))
                .containsExactly("OUTCOME_1", "OUTCOME_2");
        assertThat(all).filteredOn(i -> "OUTCOME".equals(i.get("scale"))).allSatisfy(i -> {
            assertThat(i.get("sign")).isNull();
            assertThat(i.get("audience")).isEqualTo("BOTH");
            assertThat(i.get("reverseKeyed")).isEqualTo(false);
            assertThat(i.get("textHqEn")).asString().contains("Japan team");
            assertThat(i.get("textJapanJa")).asString().isNotBlank();
        });
        assertThat(all).filteredOn(i -> "OUTCOME_2".equals(i.get("code"))).singleElement()
                .satisfies(i -> assertThat(i.get("textJapanEn")).isEqualTo("I am committed to the global strategy as it applies to Japan."));
        List<Map<String, Object>> items = all.stream().filter(i -> "SIGN".equals(i.get("scale"))).toList();
        Map<Object, List<Map<String, Object>>> bySign = items.stream().collect(Collectors.groupingBy(i -> i.get("sign")));
        assertThat(bySign.keySet()).containsExactlyInAnyOrder((Object[]) java.util.Arrays.stream(WarningSign.values())
                .map(Enum::name).toArray());
        bySign.forEach((sign, signItems) -> {
            assertThat(signItems).as(sign + " items").hasSizeBetween(2, 3);
            assertThat(signItems).as(sign + " mirrored").anyMatch(i -> "BOTH".equals(i.get("audience")));
            assertThat(signItems).as(sign + " reverse-keyed").anyMatch(i -> Boolean.TRUE.equals(i.get("reverseKeyed")));
            assertThat(signItems).as(sign + " plainly keyed or Japan-only").isNotEmpty();
        });
        for (Map<String, Object> item : items) {
            Audience audience = Audience.valueOf((String) item.get("audience"));
            assertThat(item.get("code")).asString().startsWith(item.get("sign") + "_");
            if (audience.asksHq()) {
                assertThat(item.get("textHqEn")).as(item.get("code") + " HQ en").asString().isNotBlank();
                assertThat(item.get("textHqJa")).as(item.get("code") + " HQ ja").asString().isNotBlank();
            } else {
                assertThat(item.get("textHqEn")).isNull();
            }
            if (audience.asksJapan()) {
                assertThat(item.get("textJapanEn")).as(item.get("code") + " Japan en").asString().isNotBlank();
                assertThat(item.get("textJapanJa")).as(item.get("code") + " Japan ja").asString().isNotBlank();
            }
        }
        assertThat(items).hasSize(21).filteredOn(i -> "JAPAN".equals(i.get("audience")))
                .extracting(i -> i.get("code")).containsExactly("SILENT_DISSENT_3", "AUTHORITY_GAP_3", "TRUST_EROSION_3");
        assertThat(items).filteredOn(i -> "SILENT_DISSENT_1".equals(i.get("code"))).singleElement()
                .satisfies(i -> {
                    assertThat(i.get("textHqEn")).isEqualTo("The Japan team agrees with our current plan.");
                    assertThat(i.get("textJapanJa")).isEqualTo("私は、現在の本社の計画に賛同している。");
                    assertThat(i.get("reverseKeyed")).isEqualTo(true);
                });
        assertThat(reply.field("commentPromptJa")).contains("任意・匿名");
        assertThat(reply.body()).contains("{\"sign\":\"EXCLUSION\",\"dimensions\":[\"AUTHORITY\",\"COMMUNICATION\"]}");
    }

    @Test
    void copyOfDefaultIsADraftVersionOneWithTheDefaultItems() {
        String draft = copyOfDefault();

        Api.Reply version = api.get(draft, consultant);

        assertThat(version.status()).isEqualTo(200);
        assertThat(version.field("status")).isEqualTo("DRAFT");
        assertThat(version.map().get("versionNumber")).isEqualTo(1);
        assertThat(version.field("publishedAt")).isNull();
        assertThat(items(version)).isEqualTo(items(api.get("/api/v1/instruments/default", consultant)));
        assertThat(api.get(base(), consultant).list()).singleElement()
                .satisfies(i -> assertThat(i.get("name")).isEqualTo("Pulse 2027"));
    }

    @Test
    void consultantEditsDraftItemsThenPublishesAndTheVersionIsAudited() {
        String draft = copyOfDefault();
        Map<String, Object> body = content(api.get(draft, consultant));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("items");
        items.removeIf(i -> "MOMENTUM_2".equals(i.get("code")));
        items.getFirst().put("textHqEn", "Initiatives we announce for Japan start late there.");
        items.add(Map.of("code", "EXCLUSION_3", "sign", "EXCLUSION", "audience", "JAPAN", "reverseKeyed", false,
                "textJapanEn", "I hear about plans from colleagues before HQ tells us.",
                "textJapanJa", "本社から知らされる前に、同僚から計画について聞くことがある。"));

        Api.Reply edited = api.put(draft + "/items", body, consultant);

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(items(edited)).hasSize(23).extracting(i -> i.get("code")).doesNotContain("MOMENTUM_2").endsWith("EXCLUSION_3");
        assertThat(items(edited).getLast().get("position")).isEqualTo(23);
        assertThat(items(api.get(draft, consultant)).getFirst().get("textHqEn"))
                .isEqualTo("Initiatives we announce for Japan start late there.");

        Api.Reply published = api.post(draft + "/publish", Map.of(), consultant);

        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.field("status")).isEqualTo("PUBLISHED");
        assertThat(published.field("publishedAt")).isNotNull();
        Api.Reply audit = api.get("/api/v1/tenants/" + tenant.id() + "/audit", consultant);
        assertThat(audit.body()).contains("instrument.created", "instrument_version.updated", "instrument_version.published");
    }

    @Test
    void publishedVersionNeverChangesAndEditingMeansANewDraft() {
        String v1 = copyOfDefault();
        assertThat(api.post(v1 + "/publish", Map.of(), consultant).status()).isEqualTo(200);
        Map<String, Object> body = content(api.get(v1, consultant));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("items");
        items.removeLast();

        Api.Reply refused = api.put(v1 + "/items", body, consultant);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.post(v1 + "/publish", Map.of(), consultant).status()).isEqualTo(409);
        assertThat(items(api.get(v1, consultant))).hasSize(23);

        String instrument = v1.substring(0, v1.indexOf("/versions/"));
        Api.Reply v2 = api.post(instrument + "/versions", Map.of(), consultant);
        assertThat(v2.status()).as(v2.body()).isEqualTo(201);
        assertThat(v2.field("status")).isEqualTo("DRAFT");
        assertThat(v2.map().get("versionNumber")).isEqualTo(2);
        assertThat(items(v2)).isEqualTo(items(api.get(v1, consultant)));
        assertThat(api.put(instrument + "/versions/" + v2.field("id") + "/items", body, consultant).status()).isEqualTo(200);
        assertThat(items(api.get(v1, consultant))).hasSize(23);
        assertThat(api.get(instrument, consultant).map().get("versions")).asList().hasSize(2);
    }

    @Test
    void anInstrumentHasAtMostOneDraft() {
        String v1 = copyOfDefault();
        String instrument = v1.substring(0, v1.indexOf("/versions/"));

        Api.Reply whileV1IsADraft = api.post(instrument + "/versions", Map.of(), consultant);
        assertThat(whileV1IsADraft.status()).isEqualTo(409);

        api.post(v1 + "/publish", Map.of(), consultant);
        assertThat(api.post(instrument + "/versions", Map.of(), consultant).status()).isEqualTo(201);
        assertThat(api.post(instrument + "/versions", Map.of(), consultant).status()).isEqualTo(409);
        assertThat(api.get(instrument, consultant).map().get("versions")).asList().hasSize(2);
    }

    @Test
    void publishingWithAMissingJapaneseTextIsRefusedNamingTheField() {
        String draft = copyOfDefault();
        Map<String, Object> body = content(api.get(draft, consultant));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("items");
        items.get(4).put("textJapanJa", null);
        assertThat(api.put(draft + "/items", body, consultant).status()).isEqualTo(200);

        Api.Reply reply = api.post(draft + "/publish", Map.of(), consultant);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"field\":\"items[4].textJapanJa\"");
        assertThat(api.get(draft, consultant).field("status")).isEqualTo("DRAFT");
    }

    @Test
    void publishingNeedsAnItemForEveryChosenSign() {
        String draft = copyOfDefault();
        Map<String, Object> body = content(api.get(draft, consultant));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("items");
        items.removeIf(i -> "RISK_LENS".equals(i.get("sign")));
        assertThat(api.put(draft + "/items", body, consultant).status()).isEqualTo(200);

        Api.Reply reply = api.post(draft + "/publish", Map.of(), consultant);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("\"field\":\"signs\"", "RISK_LENS");
    }

    @Test
    void anOutcomeItemMeasuresNoSignAndASignItemNeedsOne() {
        String draft = copyOfDefault();
        Map<String, Object> body = content(api.get(draft, consultant));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("items");
        int outcome = items.size() - 1;
        assertThat(items.get(outcome).get("scale")).isEqualTo("OUTCOME");
        items.get(outcome).put("sign", "EXCLUSION");
        items.getFirst().remove("sign");

        Api.Reply reply = api.put(draft + "/items", body, consultant);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"field\":\"items[" + outcome + "].sign\"", "\"field\":\"items[0].sign\"");
    }

    @Test
    void aTextForASideTheItemIsNotAskedOfIsRefused() {
        String draft = copyOfDefault();
        Map<String, Object> body = content(api.get(draft, consultant));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("items");
        int japanOnly = 0;
        while (!"JAPAN".equals(items.get(japanOnly).get("audience"))) {
            japanOnly++;
        }
        items.get(japanOnly).put("textHqEn", "An HQ wording nobody is asked");

        Api.Reply reply = api.put(draft + "/items", body, consultant);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("\"field\":\"items[" + japanOnly + "].textHqEn\"");
    }

    @Test
    void anotherTenantsConsultantCannotFindTheInstrument() {
        String draft = copyOfDefault();
        String instrument = draft.substring(0, draft.indexOf("/versions/"));
        TenantView other = fixtures.tenant("Other");
        String stranger = api.login(fixtures.memberOf(other, Role.CONSULTANT).email(), Fixtures.PASSWORD);

        assertThat(api.get(instrument, stranger).status()).isEqualTo(404);
        assertThat(api.get(draft, stranger).status()).isEqualTo(404);
        assertThat(api.post(draft + "/publish", Map.of(), stranger).status()).isEqualTo(404);
        String draftViaOwnTenant = draft.replace(tenant.id().toString(), other.id().toString());
        String instrumentViaOwnTenant = instrument.replace(tenant.id().toString(), other.id().toString());
        assertThat(api.get(instrumentViaOwnTenant, stranger).status()).isEqualTo(404);
        assertThat(api.get(draftViaOwnTenant, stranger).status()).isEqualTo(404);
        assertThat(api.post(draftViaOwnTenant + "/publish", Map.of(), stranger).status()).isEqualTo(404);
        assertThat(api.post(instrumentViaOwnTenant + "/versions", Map.of(), stranger).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tenants/" + other.id() + "/instruments", stranger).list()).isEmpty();
        assertThat(api.get(draft, consultant).field("status")).isEqualTo("DRAFT");
    }

    @Test
    void executiveReadsInstrumentsButCannotChangeThem() {
        String draft = copyOfDefault();
        String instrument = draft.substring(0, draft.indexOf("/versions/"));
        String executive = api.login(fixtures.memberOf(tenant, Role.EXECUTIVE).email(), Fixtures.PASSWORD);

        assertThat(api.get(base(), executive).list()).hasSize(1);
        assertThat(api.get(instrument, executive).status()).isEqualTo(200);
        Api.Reply version = api.get(draft, executive);
        assertThat(version.status()).isEqualTo(200);

        assertThat(api.post(base(), Map.of("name", "Mine", "copyOfDefault", true), executive).status()).isEqualTo(403);
        assertThat(api.put(draft + "/items", content(version), executive).status()).isEqualTo(403);
        assertThat(api.post(draft + "/publish", Map.of(), executive).status()).isEqualTo(403);
        assertThat(api.post(instrument + "/versions", Map.of(), executive).status()).isEqualTo(403);
        assertThat(api.get(draft, consultant).field("status")).isEqualTo("DRAFT");
    }
}
