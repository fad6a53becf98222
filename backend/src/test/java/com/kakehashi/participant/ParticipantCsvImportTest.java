package com.kakehashi.participant;

import com.kakehashi.identity.Role;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.tenant.TenantView;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** POST /participants/import: the files people really produce, the report they get back, and nothing half-done. */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
class ParticipantCsvImportTest {

    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private static final String HEADER = "email,name,side,level,language,time_zone,department\n";

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
        tenant = fixtures.tenant("Csv");
        consultant = api.login(fixtures.memberOf(tenant, Role.CONSULTANT).email(), Fixtures.PASSWORD);
    }

    private String base(TenantView t) {
        return "/api/v1/tenants/" + t.id() + "/participants";
    }

    private Api.Reply importCsv(byte[] file) {
        return importCsv(tenant, file, consultant);
    }

    private Api.Reply importCsv(TenantView t, byte[] file, String token) {
        return api.send(HttpRequest.POST(base(t) + "/import", file).contentType("text/csv"), token);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> participants(TenantView t, String token) {
        // q=@ matches every participant (all emails have one). The unfiltered listing answers 500 at the
        // time of writing (empty WHERE from ParticipantFilter); AuthorizationMatrixTest covers that endpoint.
        Api.Reply reply = api.get(base(t) + "?q=@&size=500", token);
        assertThat(reply.status()).isEqualTo(200);
        // An empty page leaves "items" out of the JSON.
        Object items = reply.map().get("items");
        return items == null ? List.of() : (List<Map<String, Object>>) items;
    }

    private List<Map<String, Object>> participants() {
        return participants(tenant, consultant);
    }

    private Map<String, Object> participant(String email) {
        return participants().stream().filter(p -> email.equals(p.get("email"))).findFirst()
                .orElseThrow(() -> new AssertionError("not imported: " + email));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Api.Reply reply) {
        Object errors = reply.map().get("errors");
        return errors == null ? List.of() : (List<Map<String, Object>>) errors;
    }

    private static void assertCounts(Api.Reply reply, int created, int updated, int unchanged, int rejected) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, Object> report = reply.map();
        assertThat(List.of(report.get("created"), report.get("updated"), report.get("unchanged"), report.get("rejected")))
                .as(reply.body()).containsExactly(created, updated, unchanged, rejected);
    }

    @Test
    void utf8WithByteOrderMarkIsImported() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

        Api.Reply reply = importCsv(concat(bom, utf8(HEADER + "taro@example.jp,山田 太郎,JAPAN,STAFF,ja,,営業部\n")));

        assertCounts(reply, 1, 0, 0, 0);
        Map<String, Object> taro = participant("taro@example.jp");
        assertThat(taro.get("displayName")).isEqualTo("山田 太郎");
        assertThat(taro.get("department")).isEqualTo("営業部");
        assertThat(taro.get("timeZone")).isEqualTo("Asia/Tokyo");
    }

    @Test
    void utf8WithoutByteOrderMarkIsImported() {
        Api.Reply reply = importCsv(utf8(HEADER + "anna@example.de,Anna Müller,HQ,EXECUTIVE,en,,\n"));

        assertCounts(reply, 1, 0, 0, 0);
        Map<String, Object> anna = participant("anna@example.de");
        assertThat(anna.get("displayName")).isEqualTo("Anna Müller");
        assertThat(anna.get("side")).isEqualTo("HQ");
        assertThat(anna.get("timeZone")).as("HQ side defaults to the tenant's HQ zone").isEqualTo(tenant.hqTimeZone());
    }

    @Test
    void japaneseHeadersAndValuesAreUnderstood() {
        String file = "メールアドレス,氏名,拠点,職位,言語,部署\n"
                + "hanako@example.jp,佐藤 花子,日本,管理職,日本語,経営企画部\n"
                + "klaus@example.de,Klaus Weber,本社,役員,英語,\n";

        Api.Reply reply = importCsv(utf8(file));

        assertCounts(reply, 2, 0, 0, 0);
        Map<String, Object> hanako = participant("hanako@example.jp");
        assertThat(List.of(hanako.get("side"), hanako.get("level"), hanako.get("language"), hanako.get("department")))
                .containsExactly("JAPAN", "MIDDLE_MANAGER", "ja", "経営企画部");
        Map<String, Object> klaus = participant("klaus@example.de");
        assertThat(List.of(klaus.get("side"), klaus.get("level"), klaus.get("language")))
                .containsExactly("HQ", "EXECUTIVE", "en");
    }

    @Test
    void shiftJisAsJapaneseExcelSavesItIsImported() {
        // 髙 and ① exist only in Windows-31J (the Shift_JIS variant Excel writes), not in plain Shift_JIS.
        String file = "メールアドレス,氏名,拠点,職位,言語,部署\r\n"
                + "takahashi@example.jp,髙橋 一郎,日本,一般,日本語,第①営業部\r\n"
                + "suzuki@example.jp,鈴木 次郎,日本,管理職,日本語,\r\n";

        Api.Reply reply = importCsv(file.getBytes(WINDOWS_31J));

        assertCounts(reply, 2, 0, 0, 0);
        assertThat(participant("takahashi@example.jp").get("displayName")).isEqualTo("髙橋 一郎");
        assertThat(participant("takahashi@example.jp").get("department")).isEqualTo("第①営業部");
        assertThat(participant("suzuki@example.jp").get("displayName")).isEqualTo("鈴木 次郎");
    }

    @Test
    void badLinesAreReportedWithLineFieldAndReasonWhileGoodLinesAreImported() {
        String file = HEADER
                + "good1@example.jp,良い 一,JAPAN,STAFF,ja,,\n"          // line 2
                + "not-an-email,悪い 二,JAPAN,STAFF,ja,,\n"              // line 3
                + "noname@example.jp,,JAPAN,STAFF,ja,,\n"               // line 4
                + "mars@example.jp,火星 人,MARS,STAFF,ja,,\n"            // line 5
                + "zone@example.jp,時間 帯,JAPAN,STAFF,ja,Mars/Olympus,\n" // line 6
                + "lang@example.jp,言語 違,JAPAN,STAFF,fr,,\n"           // line 7
                + "good2@example.de,Good Two,HQ,MIDDLE_MANAGER,en,,\n";   // line 8

        Api.Reply reply = importCsv(utf8(file));

        assertCounts(reply, 2, 0, 0, 5);
        assertThat(errors(reply)).extracting(e -> e.get("line"), e -> e.get("field"))
                .containsExactlyInAnyOrder(tuple(3, "email"), tuple(4, "name"), tuple(5, "side"), tuple(6, "time_zone"),
                        tuple(7, "language"));
        assertThat(errors(reply)).allSatisfy(e -> assertThat(e.get("reason")).asString().isNotBlank());
        assertThat(participants()).extracting(p -> p.get("email"))
                .containsExactlyInAnyOrder("good1@example.jp", "good2@example.de");
    }

    @Test
    void lineNumbersAreThoseOfTheFileEvenAfterABlankLine() {
        String file = HEADER
                + "good@example.jp,良い 一,JAPAN,STAFF,ja,,\n"   // line 2
                + "\n"                                          // line 3, blank
                + "bad@example.jp,悪い 二,JAPAN,STAFF,xx,,\n";  // line 4

        Api.Reply reply = importCsv(utf8(file));

        assertCounts(reply, 1, 0, 0, 1);
        assertThat(errors(reply)).extracting(e -> e.get("line"), e -> e.get("field")).containsExactly(tuple(4, "language"));
    }

    @Test
    void secondLineWithTheSameEmailIsRejectedAndTheFirstImported() {
        String file = HEADER
                + "twin@example.jp,最初 の人,JAPAN,STAFF,ja,,\n"
                + "TWIN@example.jp,二番目 の人,JAPAN,STAFF,ja,,\n";

        Api.Reply reply = importCsv(utf8(file));

        assertCounts(reply, 1, 0, 0, 1);
        assertThat(errors(reply)).singleElement().satisfies(e -> {
            assertThat(e.get("line")).isEqualTo(3);
            assertThat(e.get("field")).isEqualTo("email");
            assertThat(e.get("reason")).asString().contains("line 2");
        });
        assertThat(participant("twin@example.jp").get("displayName")).isEqualTo("最初 の人");
    }

    @Test
    void existingParticipantIsUpdatedByEmailAndKeepsItsId() {
        Api.Reply created = api.post(base(tenant), Map.of("email", "keep@example.jp", "displayName", "旧 名前",
                "side", "HQ", "level", "STAFF", "language", "en"), consultant);
        assertThat(created.status()).isEqualTo(201);
        String file = HEADER
                + "Keep@Example.jp,新 名前,JAPAN,MIDDLE_MANAGER,ja,,人事部\n"
                + "fresh@example.jp,新人 さん,JAPAN,STAFF,ja,,\n";

        Api.Reply reply = importCsv(utf8(file));

        assertCounts(reply, 1, 1, 0, 0);
        Api.Reply kept = api.get(base(tenant) + "/" + created.field("id"), consultant);
        assertThat(kept.field("displayName")).isEqualTo("新 名前");
        assertThat(kept.field("side")).isEqualTo("JAPAN");
        assertThat(kept.field("level")).isEqualTo("MIDDLE_MANAGER");
        assertThat(kept.field("department")).isEqualTo("人事部");
        assertThat(participants()).hasSize(2);

        assertCounts(importCsv(utf8(file)), 0, 0, 2, 0);
    }

    @Test
    void sameEmailInAnotherTenantIsCreatedHereAndLeftAloneThere() {
        TenantView other = fixtures.tenant("CsvOther");
        String operator = api.login(fixtures.operator().email(), Fixtures.PASSWORD);
        assertThat(importCsv(other, utf8(HEADER + "shared@example.jp,他社 の人,HQ,STAFF,en,,\n"), operator).status()).isEqualTo(200);

        Api.Reply reply = importCsv(utf8(HEADER + "shared@example.jp,自社 の人,JAPAN,STAFF,ja,,\n"));

        assertCounts(reply, 1, 0, 0, 0);
        assertThat(reply.body()).doesNotContain("他社");
        assertThat(participants(other, operator)).singleElement()
                .satisfies(p -> assertThat(p.get("displayName")).isEqualTo("他社 の人"));
    }

    // ---- files that cannot be read: 400, and nothing imported ----

    private void assertRejectedWhole(byte[] file, String field) {
        Api.Reply reply = assertRejectedWhole(file);
        assertThat(errors(reply)).extracting(e -> e.get("field")).contains(field);
    }

    private Api.Reply assertRejectedWhole(byte[] file) {
        int before = participants().size();

        Api.Reply reply = importCsv(file);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("org.apache");
        assertThat(participants()).hasSize(before);
        return reply;
    }

    @Test
    void unterminatedQuoteRejectsTheWholeFile() {
        assertRejectedWhole(utf8(HEADER
                + "first@example.jp,最初 の人,JAPAN,STAFF,ja,,\n"
                + "second@example.jp,\"閉じない 引用,JAPAN,STAFF,ja,,\n"), "file");
    }

    @Test
    void missingRequiredHeaderRejectsTheWholeFileAndNamesTheColumn() {
        byte[] file = utf8("email,name,side,language\nnolevel@example.jp,名前 なし,JAPAN,ja\n");

        assertRejectedWhole(file, "header");
        assertThat(importCsv(file).body()).contains("level");
    }

    @Test
    void bytesThatAreNeitherUtf8NorShiftJisRejectTheWholeFile() {
        assertRejectedWhole(concat(utf8(HEADER + "first@example.jp,最初 の人,JAPAN,STAFF,ja,,\nbroken@example.jp,"),
                new byte[] {(byte) 0x81, (byte) 0x7F}, utf8(",JAPAN,STAFF,ja,,\n")), "file");
    }

    @Test
    void utf16FileIsRejectedWhole() {
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                (HEADER + "utf16@example.jp,名前,JAPAN,STAFF,ja,,\n").getBytes(StandardCharsets.UTF_16LE));

        assertRejectedWhole(utf16, "file");
    }

    @Test
    void emptyFileIsRejected() {
        assertRejectedWhole(new byte[0]);
    }

    @Test
    void executiveOfTheTenantMayImportOnlyWithTheClientAdministratorPermission() {
        var member = fixtures.memberOf(tenant, Role.EXECUTIVE);
        String executive = api.login(member.email(), Fixtures.PASSWORD);
        byte[] file = utf8(HEADER + "exec-added-" + UUID.randomUUID() + "@example.jp,追加 者,JAPAN,STAFF,ja,,\n");

        Api.Reply refused = importCsv(tenant, file, executive);
        api.put("/api/v1/tenants/" + tenant.id() + "/members/" + member.id() + "/participant-admin",
                Map.of("participantAdmin", true), consultant);
        Api.Reply reply = importCsv(tenant, file, executive);

        assertThat(refused.status()).isEqualTo(403);
        assertCounts(reply, 1, 0, 0, 0);
    }
}
