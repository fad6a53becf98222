package com.kakehashi.insight;

import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comment themes through the real API and export: the top terms of a side with enough comments, glossed
 * and linked to signs; nothing for a side below the comment threshold; no term mentioned by fewer than
 * three comments; and the same answer for a wave and side whatever else two requests differ in.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@Property(name = "kakehashi.respond.requests-per-minute", value = "100000")
@Property(name = "kakehashi.insight.fold-delay", value = "10ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentThemesTest {

    /** Japan, wave one: twelve comments; 承認 in five, 会議 in three (one says it three times), 根回し in two. */
    private static final List<String> JAPAN_ONE = List.of(
            "本社の承認に時間がかかる。",
            "承認の手続きが多すぎる。",
            "承認が下りるまで動けない。",
            "いつも承認を待っている。",
            "承認のルートが分かりにくい。",
            "会議で発言しにくい。",
            "会議の時間が遅い。",
            "会議、会議、会議で一日が終わる。",
            "根回しの時間が足りない。",
            "根回しは大事だ。",
            "北海道出張が多い。",
            "特になし。");
    /** HQ, wave one: nine comments, each naming a word nobody else uses; never to be seen in themes. */
    private static final List<String> HQ_ONE = List.of(
            "Synergy targets are unclear.", "The synergy plan slipped.", "Synergy again.", "No synergy yet.",
            "Synergy reviews take long.", "Synergy with Tokyo is low.", "Synergy is the topic.", "Synergy budget is tight.",
            "Synergy, synergy, synergy.");
    /** Japan, wave two: exactly ten comments (the threshold), each about approval. */
    private static final List<String> JAPAN_TWO = List.of(
            "承認が遅い。", "承認が早くなった。", "承認の流れが見えた。", "承認が分かりやすい。", "承認は改善した。",
            "承認がまだ遅い。", "承認の基準が明確だ。", "承認の件は良い。", "承認が速い。", "承認が楽になった。");

    @Inject
    InsightWorld worlds;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    Api api;
    InsightWorld.World world;
    UUID one;
    UUID two;

    @BeforeAll
    void twoClosedWavesWithComments() throws Exception {
        api = new Api(server.getURL(), json);
        world = worlds.create("Themes", 5);
        one = world.closedWaveWithComments(LocalDate.of(2027, 5, 3), JAPAN_ONE, HQ_ONE);
        two = world.wave(LocalDate.of(2027, 5, 17));
        for (String comment : JAPAN_TWO) {
            world.respond(two, Side.JAPAN, Level.STAFF, Map.of(), comment);
        }
        world.close(two);
    }

    private String token() {
        return api.login(world.executive.email(), Fixtures.PASSWORD);
    }

    private String base() {
        return "/api/v1/tenants/" + world.tenant + "/insights";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> side(Map<String, Object> themes, UUID wave, String side) {
        return ((List<Map<String, Object>>) themes.get("waves")).stream().filter(w -> wave.toString().equals(w.get("waveId")))
                .flatMap(w -> ((List<Map<String, Object>>) w.get("sides")).stream())
                .filter(s -> side.equals(s.get("side"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + side + " of " + wave + " in " + themes));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> terms(Map<String, Object> side) {
        return (List<Map<String, Object>>) side.getOrDefault("terms", List.of());
    }

    private static Map<String, Object> term(Map<String, Object> side, String text) {
        return terms(side).stream().filter(t -> text.equals(t.get("term"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + text + " in " + side));
    }

    @Test
    void aSideWithEnoughCommentsListsItsTermsByCommentsMentioningThemWithGlossAndSigns() {
        Api.Reply reply = api.get(base() + "/themes?waveId=" + one, token());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, Object> themes = reply.map();
        assertThat(themes.get("commentThreshold")).isEqualTo(10);
        assertThat(themes.get("minimumMentions")).isEqualTo(3);
        assertThat(themes.get("lexiconVersion")).isEqualTo("themes-v1");
        Map<String, Object> japan = side(themes, one, "JAPAN");
        assertThat(japan).doesNotContainKey("suppressedReason");
        assertThat(((Number) japan.get("comments")).intValue()).isEqualTo(12);
        Map<String, Object> approval = term(japan, "承認");
        assertThat(((Number) approval.get("comments")).intValue()).isEqualTo(5);
        assertThat(approval.get("language")).isEqualTo("ja");
        assertThat(approval.get("english")).isEqualTo("approval");
        assertThat(approval.get("japanese")).isEqualTo("承認");
        assertThat(approval.get("signs")).isEqualTo(List.of("EXECUTION_DELAY", "AUTHORITY_GAP"));
        // Three comments mention 会議, one of them three times: a count is comments, not occurrences.
        Map<String, Object> meeting = term(japan, "会議");
        assertThat(((Number) meeting.get("comments")).intValue()).isEqualTo(3);
        assertThat(meeting.get("signs")).isEqualTo(List.of("SILENT_DISSENT"));
        assertThat(terms(japan).getFirst().get("term")).isEqualTo("承認");
        // 時間 is in three comments but a 副詞可能 noun (a time word): not a theme.
        assertThat(terms(japan).stream().map(t -> t.get("term"))).doesNotContain("時間");
    }

    @Test
    void termsMentionedByFewerThanThreeCommentsNeverAppearInTheApiOrTheExport() {
        String token = token();
        String themes = api.get(base() + "/themes", token).body();
        String csv = api.get(base() + "/export.csv", token).body();
        for (String rare : List.of("根回し", "北海道出張", "手続き", "ルート", "発言")) {
            assertThat(themes).doesNotContain(rare);
            assertThat(csv).doesNotContain(rare);
        }
    }

    @Test
    void aSideOneCommentBelowTheThresholdShowsNoThemeInTheApiOrTheExportAndOneAtItDoes() {
        String token = token();
        for (String query : List.of("?waveId=" + one, "", "?sides=HQ", "?from=2027-05-01&to=2027-05-10")) {
            Map<String, Object> hq = side(api.get(base() + "/themes" + query, token).map(), one, "HQ");
            assertThat(hq).doesNotContainKey("comments");
            assertThat(terms(hq)).isEmpty();
            assertThat(hq.get("suppressedReason").toString()).contains("BELOW_COMMENT_THRESHOLD");
        }
        Map<String, Object> japanTwo = side(api.get(base() + "/themes?waveId=" + two, token).map(), two, "JAPAN");
        assertThat(((Number) japanTwo.get("comments")).intValue()).isEqualTo(10);
        assertThat(((Number) term(japanTwo, "承認").get("comments")).intValue()).isEqualTo(10);

        List<String[]> rows = csvRows(api.get(base() + "/export.csv", token));
        List<String[]> hqThemes = rows.stream().filter(r -> r[0].equals(one.toString()) && r[2].equals("THEME") && r[7].equals("HQ")).toList();
        assertThat(hqThemes).singleElement().satisfies(r -> {
            assertThat(r[9]).as("n").isEmpty();
            assertThat(r[10]).as("value").isEmpty();
            assertThat(r[16]).isEqualTo("BELOW_COMMENT_THRESHOLD");
            assertThat(r[19]).as("term").isEmpty();
        });
        assertThat(rows.stream().filter(r -> r[0].equals(one.toString()) && r[2].equals("THEME") && r[7].equals("JAPAN")
                && r[19].equals("承認"))).singleElement().satisfies(r -> {
            assertThat(r[9]).isEqualTo("12");
            assertThat(r[10]).isEqualTo("5");
            assertThat(r[20]).isEqualTo("ja");
            assertThat(r[21]).isEqualTo("EXECUTION_DELAY;AUTHORITY_GAP");
        });
    }

    @Test
    void differencingRequestsThatDifferInWaveSideOrPeriodRecoversNothing() {
        String token = token();
        List<Map<String, Object>> replies = new ArrayList<>();
        for (String query : List.of("", "?waveId=" + one, "?sides=JAPAN", "?sides=HQ", "?sides=HQ,JAPAN",
                "?from=2027-05-01&to=2027-05-10", "?engagementId=" + world.engagementId)) {
            Api.Reply reply = api.get(base() + "/themes" + query, token);
            assertThat(reply.status()).as(query + ": " + reply.body()).isEqualTo(200);
            replies.add(reply.map());
        }
        Map<String, Object> japan = side(replies.getFirst(), one, "JAPAN");
        for (Map<String, Object> reply : replies) {
            // The same wave and side is the same answer, or absent, whatever else the request covers.
            if (reply.toString().contains("JAPAN")) {
                assertThat(side(reply, one, "JAPAN")).isEqualTo(japan);
            }
            // No answer pools sides or waves into a total from which a hidden side could be subtracted,
            // and nothing an HQ comment says reaches a theme.
            assertThat(reply.toString()).doesNotContainIgnoringCase("synergy").doesNotContain("side=null");
        }
        assertThat(api.get(base() + "/export.csv", token).body()).doesNotContainIgnoringCase("synergy");
    }

    @Test
    void anOpenWaveShowsNoThemesUntilItCloses() throws Exception {
        UUID open = world.wave(LocalDate.of(2027, 6, 1));
        for (String comment : JAPAN_TWO) {
            world.respond(open, Side.JAPAN, Level.STAFF, Map.of(), comment);
        }
        Map<String, Object> japan = side(api.get(base() + "/themes?waveId=" + open, token()).map(), open, "JAPAN");
        assertThat(terms(japan)).isEmpty();
        assertThat(japan.get("suppressedReason").toString()).contains("WAVE_OPEN");
    }

    @Test
    void aMalformedOrUnknownWaveIsAProblemNamingIt() {
        String token = token();
        Api.Reply malformed = api.get(base() + "/themes?waveId=not-a-uuid", token);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("waveId");
        assertThat(api.get(base() + "/themes?waveId=" + UUID.randomUUID(), token).status()).isEqualTo(404);
    }

    private static List<String[]> csvRows(Api.Reply csv) {
        List<String[]> rows = new ArrayList<>();
        for (String line : csv.body().replace("\uFEFF", "").split("\r\n")) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }
}
