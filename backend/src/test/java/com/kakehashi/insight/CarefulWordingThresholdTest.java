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
 * The comment threshold as an attacker meets it: a side with one comment fewer than the threshold shows no
 * careful-wording figure in the wave view, the trend (the chart's data) or the export, whatever the filter;
 * requests that differ in filter, or waves that differ by one more comment, give nothing to subtract; and the
 * tenant's own threshold, raised, hides a group below it everywhere at once.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@Property(name = "kakehashi.respond.requests-per-minute", value = "100000")
@Property(name = "kakehashi.insight.fold-delay", value = "10ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CarefulWordingThresholdTest {

    /** Ten comments, every one careful: at the threshold, shown. */
    private static final List<String> TEN_CAREFUL = List.of(
            "来期までの導入は正直難しいと思います。", "社内で検討させていただきます。", "新しい体制には不安があります。",
            "うまくいくかもしれません。", "このスケジュールではちょっと厳しいです。", "一度持ち帰らせていただきます。",
            "We are somewhat concerned about the timeline.", "It might be difficult to finish this by March.",
            "We will consider it internally.", "I am worried about the launch.");
    /** The same people less one: nine comments, below the threshold. */
    private static final List<String> NINE_CAREFUL = TEN_CAREFUL.subList(0, 9);

    @Inject
    InsightWorld worlds;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;

    Api api;
    InsightWorld.World world;
    /** HQ nine comments, Japan ten. */
    UUID nineAndTen;
    /** HQ ten comments (the nine and one more), Japan nine. */
    UUID tenAndNine;

    @BeforeAll
    void twoWavesOneCommentApart() throws Exception {
        api = new Api(server.getURL(), json);
        world = worlds.create("Comment threshold", 5);
        nineAndTen = world.wave(LocalDate.of(2027, 9, 6));
        respond(nineAndTen, Side.HQ, NINE_CAREFUL);
        respond(nineAndTen, Side.JAPAN, TEN_CAREFUL);
        world.close(nineAndTen);
        tenAndNine = world.wave(LocalDate.of(2027, 9, 20));
        respond(tenAndNine, Side.HQ, TEN_CAREFUL);
        respond(tenAndNine, Side.JAPAN, NINE_CAREFUL);
        world.close(tenAndNine);
    }

    /** Across two levels, plus one respondent without a comment: the side has k responses either way. */
    private void respond(UUID wave, Side side, List<String> comments) throws Exception {
        for (int i = 0; i < comments.size(); i++) {
            world.respond(wave, side, i % 2 == 0 ? Level.STAFF : Level.MIDDLE_MANAGER, Map.of(), comments.get(i));
        }
        world.respond(wave, side, Level.EXECUTIVE, Map.of(), null);
    }

    private String token() {
        return api.login(world.executive.email(), Fixtures.PASSWORD);
    }

    private String base() {
        return "/api/v1/tenants/" + world.tenant + "/insights";
    }

    private static final List<String> FIGURES = List.of("comments", "withMarker", "share", "deferral", "softenedRefusal",
            "hedge", "concern");

    @Test
    void aSideOneCommentBelowTheThresholdShowsNothingInTheWaveTheTrendOrTheExportWhateverTheFilter() {
        String token = token();
        assertThat(careful(api.get(base() + "/waves/" + nineAndTen, token).map(), "HQ")).doesNotContainKeys(FIGURES.toArray(String[]::new))
                .extracting(c -> c.get("suppressedReason").toString()).asString().contains("BELOW_COMMENT_THRESHOLD");
        assertThat(careful(api.get(base() + "/waves/" + nineAndTen, token).map(), "JAPAN")).containsKeys("share", "withMarker");

        for (String query : List.of("", "?sides=HQ", "?levels=STAFF", "?sides=HQ&levels=MIDDLE_MANAGER", "?from=2027-09-01&to=2027-09-10")) {
            Map<String, Object> point = wordingPoint(api.get(base() + "/trends" + query, token).map(), "HQ", nineAndTen);
            assertThat(point).as(query).doesNotContainKeys("share", "comments");
            Api.Reply csv = api.get(base() + "/export.csv" + query, token);
            assertThat(csv.status()).isEqualTo(200);
            assertThat(carefulRows(csv, nineAndTen, "HQ")).as(query).isNotEmpty().allSatisfy(r -> {
                assertThat(r[9]).as("n").isEmpty();
                assertThat(r[10]).as("value").isEmpty();
                assertThat(r[16]).isEqualTo("BELOW_COMMENT_THRESHOLD");
            });
        }
    }

    @Test
    void requestsThatDifferInFilterShowTheSameFigureOrNoneSoTheirDifferenceIsZero() {
        String token = token();
        Map<String, Object> all = api.get(base() + "/trends", token).map();
        String allCsv = carefulLines(api.get(base() + "/export.csv", token));
        for (String query : List.of("?sides=JAPAN", "?sides=HQ", "?levels=STAFF", "?levels=EXECUTIVE", "?from=2027-09-15")) {
            Map<String, Object> filtered = api.get(base() + "/trends" + query, token).map();
            for (String side : List.of("HQ", "JAPAN")) {
                for (UUID wave : List.of(nineAndTen, tenAndNine)) {
                    Map<String, Object> point = wordingPointOrNull(filtered, side, wave);
                    if (point != null) {
                        assertThat(point).as(query + " " + side).isEqualTo(wordingPoint(all, side, wave));
                    }
                }
            }
            // A level filter never narrows careful wording to the level's comments: only whole sides are published.
            assertThat(filtered.get("carefulWording").toString()).doesNotContain("level=");
            for (String line : carefulLines(api.get(base() + "/export.csv" + query, token)).split("\n")) {
                assertThat(allCsv).as(query).contains(line);
            }
        }
    }

    @Test
    void oneMoreCommentShowsTheLargerGroupButTheSmallerStaysHiddenSoNoSingleCommentCanBeSubtracted() {
        String token = token();
        Map<String, Object> trends = api.get(base() + "/trends", token).map();
        // HQ: nine (hidden) then the same nine and one more (shown); Japan the other way round.
        assertThat(wordingPoint(trends, "HQ", nineAndTen)).doesNotContainKey("share");
        assertThat(wordingPoint(trends, "HQ", tenAndNine)).containsEntry("comments", 10);
        assertThat(wordingPoint(trends, "JAPAN", nineAndTen)).containsEntry("comments", 10);
        assertThat(wordingPoint(trends, "JAPAN", tenAndNine)).doesNotContainKey("share");
        // Nowhere a count of nine, nor a total over both sides or both waves, from which the tenth could be isolated.
        for (Map<String, Object> w : List.of(api.get(base() + "/waves/" + nineAndTen, token).map(),
                api.get(base() + "/waves/" + tenAndNine, token).map())) {
            for (String side : List.of("HQ", "JAPAN")) {
                Map<String, Object> c = careful(w, side);
                assertThat(c.get("comments") == null || ((Number) c.get("comments")).intValue() == 10).isTrue();
            }
        }
        assertThat(trends.get("carefulWording").toString()).doesNotContain("comments=9", "side=null", "ALL");
    }

    @Test
    void theTenantsOwnCommentThresholdHidesAGroupBelowItInEveryOutputAndIsNeverBelowK() throws Exception {
        InsightWorld.World strict = worlds.create("Strict comments", 5);
        UUID wave = strict.wave(LocalDate.of(2027, 10, 4));
        for (String comment : TEN_CAREFUL) {
            strict.respond(wave, Side.JAPAN, Level.STAFF, Map.of(), comment);
        }
        strict.close(wave);
        String operator = api.login(fixtures.operator().email(), Fixtures.PASSWORD);
        String tenant = "/api/v1/tenants/" + strict.tenant;
        String base = tenant + "/insights";
        String token = api.login(strict.executive.email(), Fixtures.PASSWORD);
        assertThat(careful(api.get(base + "/waves/" + wave, token).map(), "JAPAN")).containsEntry("comments", 10);

        assertThat(api.patch(tenant, Map.of("commentThreshold", 11), operator).status()).isEqualTo(200);
        Map<String, Object> japan = careful(api.get(base + "/waves/" + wave, token).map(), "JAPAN");
        assertThat(japan).doesNotContainKeys(FIGURES.toArray(String[]::new)).containsEntry("commentThreshold", 11);
        Map<String, Object> trends = api.get(base + "/trends", token).map();
        assertThat(wordingPoint(trends, "JAPAN", wave)).doesNotContainKey("share");
        assertThat(trends.get("carefulWording").toString()).contains("commentThreshold=11");
        assertThat(carefulRows(api.get(base + "/export.csv", token), wave, "JAPAN")).isNotEmpty()
                .allSatisfy(r -> assertThat(r[10]).isEmpty());

        Api.Reply below = api.patch(tenant, Map.of("commentThreshold", 4), operator);
        assertThat(below.status()).isEqualTo(400);
        assertThat(below.body()).contains("\"field\":\"commentThreshold\"");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> careful(Map<String, Object> insight, String side) {
        return ((List<Map<String, Object>>) insight.get("silence")).stream().filter(s -> side.equals(s.get("side")))
                .map(s -> (Map<String, Object>) s.get("carefulWording")).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> wordingPointOrNull(Map<String, Object> trends, String side, UUID wave) {
        return ((List<Map<String, Object>>) trends.get("carefulWording")).stream().filter(s -> side.equals(s.get("side")))
                .flatMap(s -> ((List<Map<String, Object>>) s.get("points")).stream())
                .filter(p -> wave.toString().equals(p.get("waveId"))).findFirst().orElse(null);
    }

    private static Map<String, Object> wordingPoint(Map<String, Object> trends, String side, UUID wave) {
        Map<String, Object> point = wordingPointOrNull(trends, side, wave);
        assertThat(point).as("a " + side + " point for " + wave + " in " + trends.get("carefulWording")).isNotNull();
        return point;
    }

    private static List<String[]> carefulRows(Api.Reply csv, UUID wave, String side) {
        List<String[]> rows = new ArrayList<>();
        for (String line : csv.body().replace("\uFEFF", "").split("\r\n")) {
            String[] r = line.split(",", -1);
            if (r.length > 16 && r[0].equals(wave.toString()) && r[2].startsWith("CAREFUL_WORDING") && r[7].equals(side)) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static String carefulLines(Api.Reply csv) {
        StringBuilder out = new StringBuilder();
        for (String line : csv.body().replace("\uFEFF", "").split("\r\n")) {
            if (line.contains("CAREFUL_WORDING")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
