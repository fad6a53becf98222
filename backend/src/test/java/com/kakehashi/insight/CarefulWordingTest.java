package com.kakehashi.insight;

import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.wording.CommentMarkers;
import com.kakehashi.wording.MarkerCategory;
import com.kakehashi.wording.WordingAnalyser;
import com.kakehashi.wording.WordingTally;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The careful-wording signal wired into insight: per closed wave and side, from the stored comments,
 * in the wave view, the trend and the export, hidden below the comment threshold everywhere, and
 * nothing recoverable by differencing two requests.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@Property(name = "kakehashi.respond.requests-per-minute", value = "100000")
@Property(name = "kakehashi.insight.fold-delay", value = "10ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CarefulWordingTest {

    /** Japan, wave one: twelve comments, eight of them careful. */
    private static final List<String> JAPAN_ONE = List.of(
            "来期までの導入は正直難しいと思います。",
            "本社の提案については社内で検討させていただきます。",
            "新しい報告ラインには不安があります。",
            "うまくいくかもしれませんが、様子を見たいです。",
            "このスケジュールではちょっと厳しいです。",
            "一度持ち帰らせていただき、チームで話し合います。",
            "We are somewhat concerned about the timeline.",
            "It might be difficult to finish this by March.",
            "本社との定例会議は役に立っている。",
            "この目標は難しくないと思います。",
            "Regular calls with HQ work well for us.",
            "決定事項の共有が早くなって助かっている。");
    /** HQ, wave one: nine comments, the most careful of all, never to be seen. */
    private static final List<String> HQ_ONE = List.of(
            "We will consider it internally.", "Perhaps later.", "I am worried about Japan.",
            "That might be difficult.", "Let's revisit next quarter.", "We are concerned about the cost.",
            "To some extent it works.", "Probably fine.", "I am anxious about the launch.");
    /** Japan, wave two: ten comments, two careful. */
    private static final List<String> JAPAN_TWO = List.of(
            "来期までの導入は正直難しいと思います。", "新しい報告ラインには不安があります。",
            "本社と率直に話せる場が増えた。", "風通しは良くなっている。", "決定の理由が説明されるようになった。",
            "Japan topics get time in the global meetings.", "HQ asks for our input earlier.",
            "誰に相談すればよいかがはっきりした。", "日本側の提案が計画に反映されるようになった。",
            "We can speak more openly with HQ.");

    @Inject
    InsightWorld worlds;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    WordingAnalyser analyser;
    @Inject
    InsightService insight;
    @Inject
    CarefulWordingFigures figures;

    Api api;
    InsightWorld.World world;
    UUID one;
    UUID two;

    @BeforeAll
    void twoWavesWithComments() throws Exception {
        api = new Api(server.getURL(), json);
        world = worlds.create("Wording", 5);
        one = world.closedWaveWithComments(LocalDate.of(2027, 5, 3), JAPAN_ONE, HQ_ONE);
        two = world.wave(LocalDate.of(2027, 5, 17));
        for (String comment : JAPAN_TWO) {
            world.respond(two, Side.JAPAN, Level.STAFF, Map.of(), comment);
        }
        for (int i = 0; i < 5; i++) {
            world.respond(two, Side.HQ, Level.STAFF, Map.of(), null);
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
    private static Map<String, Object> silence(Map<String, Object> insight, String side) {
        return ((List<Map<String, Object>>) insight.get("silence")).stream().filter(s -> side.equals(s.get("side")))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> careful(Map<String, Object> insight, String side) {
        return (Map<String, Object>) silence(insight, side).get("carefulWording");
    }

    private WordingTally expected(List<String> comments) {
        List<CommentMarkers> markers = comments.stream().map(c -> analyser.analyse(c, "en")).toList();
        return WordingTally.of(markers, analyser.lexiconVersion());
    }

    @Test
    void aSideWithEnoughCommentsShowsTheAnalysersShareAndCountsPerCategoryWithTheLexiconVersion() {
        Api.Reply reply = api.get(base() + "/waves/" + one, token());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, Object> japan = careful(reply.map(), "JAPAN");
        WordingTally tally = expected(JAPAN_ONE);
        assertThat(tally.withMarker()).isEqualTo(8);
        assertThat(japan).doesNotContainKey("suppressedReason");
        assertThat(((Number) japan.get("comments")).longValue()).isEqualTo(12);
        assertThat(((Number) japan.get("withMarker")).longValue()).isEqualTo(8);
        assertThat(((Number) japan.get("share")).doubleValue()).isEqualTo(8 / 12.0);
        assertThat(((Number) japan.get("deferral")).intValue()).isEqualTo(tally.perCategory().get(MarkerCategory.DEFERRAL));
        assertThat(((Number) japan.get("softenedRefusal")).intValue())
                .isEqualTo(tally.perCategory().get(MarkerCategory.SOFTENED_REFUSAL));
        assertThat(((Number) japan.get("hedge")).intValue()).isEqualTo(tally.perCategory().get(MarkerCategory.HEDGE));
        assertThat(((Number) japan.get("concern")).intValue()).isEqualTo(tally.perCategory().get(MarkerCategory.CONCERN));
        assertThat(japan.get("lexiconVersion")).isEqualTo(analyser.lexiconVersion());
        assertThat(((Number) japan.get("commentThreshold")).intValue()).isEqualTo(10);
        assertThat(japan).doesNotContainKeys("entryIds", "phrases", "markers");
    }

    @Test
    void aSideWithNineCommentsShowsNoCarefulWordingFigureInTheWaveTheTrendOrTheExport() {
        String token = token();
        Map<String, Object> hq = careful(api.get(base() + "/waves/" + one, token).map(), "HQ");
        assertThat(hq).doesNotContainKeys("comments", "withMarker", "share", "deferral", "softenedRefusal", "hedge", "concern");
        assertThat(hq.toString()).contains("BELOW_COMMENT_THRESHOLD");

        Map<String, Object> trends = api.get(base() + "/trends", token).map();
        Map<String, Object> hqPoint = wordingPoint(trends, "HQ", one);
        assertThat(hqPoint).doesNotContainKeys("share", "comments");
        assertThat(hqPoint.toString()).contains("BELOW_COMMENT_THRESHOLD");

        Api.Reply csv = api.get(base() + "/export.csv", token);
        assertThat(csv.status()).isEqualTo(200);
        List<String[]> hqRows = csvRows(csv).stream()
                .filter(r -> r[0].equals(one.toString()) && r[2].startsWith("CAREFUL_WORDING") && r[7].equals("HQ")).toList();
        assertThat(hqRows).hasSize(5).allSatisfy(r -> {
            assertThat(r[9]).as("n").isEmpty();
            assertThat(r[10]).as("value").isEmpty();
            assertThat(r[16]).isEqualTo("BELOW_COMMENT_THRESHOLD");
        });
        List<String[]> japanRows = csvRows(csv).stream()
                .filter(r -> r[0].equals(one.toString()) && r[2].equals("CAREFUL_WORDING_SHARE") && r[7].equals("JAPAN")).toList();
        assertThat(japanRows).singleElement().satisfies(r -> {
            assertThat(r[9]).isEqualTo("12");
            assertThat(Double.parseDouble(r[10])).isEqualTo(8 / 12.0);
            assertThat(r[18]).isEqualTo(analyser.lexiconVersion());
        });
        for (String comment : HQ_ONE) {
            assertThat(csv.body()).doesNotContain(comment);
        }
    }

    @Test
    void differencingTwoRequestsThatDifferByOneWaveOrOneSideRecoversNothing() {
        String token = token();
        Map<String, Object> both = api.get(base() + "/trends", token).map();
        Map<String, Object> laterOnly = api.get(base() + "/trends?from=2027-05-10", token).map();
        Map<String, Object> japanOnly = api.get(base() + "/trends?sides=JAPAN", token).map();
        Map<String, Object> hqOnly = api.get(base() + "/trends?sides=HQ", token).map();
        // The same wave and side has the same figure, or none, whatever else the request covers: each
        // point is one wave's group, decided before filtering, and no series pools waves or sides.
        assertThat(wordingPoint(laterOnly, "JAPAN", two)).isEqualTo(wordingPoint(both, "JAPAN", two));
        assertThat(wordingPoint(japanOnly, "JAPAN", one)).isEqualTo(wordingPoint(both, "JAPAN", one));
        assertThat(wordingPoint(hqOnly, "HQ", one)).isEqualTo(wordingPoint(both, "HQ", one)).doesNotContainKey("share");
        assertThat(both.get("carefulWording").toString()).doesNotContain("side=null", "ALL");
        // Nothing in any answer adds HQ's nine comments to a total from which they could be subtracted.
        for (Map<String, Object> reply : List.of(both, laterOnly, japanOnly, hqOnly)) {
            assertThat(reply.toString()).doesNotContain("withMarker=");
        }
        Map<String, Object> waveOne = api.get(base() + "/waves/" + one, token).map();
        assertThat(((List<?>) waveOne.get("silence")).stream().map(Object::toString)
                .filter(s -> s.contains("withMarker="))).hasSize(1);
    }

    @Test
    void anOpenWaveShowsNoCarefulWordingUntilItCloses() throws Exception {
        UUID open = world.wave(LocalDate.of(2027, 6, 1));
        for (String comment : JAPAN_ONE) {
            world.respond(open, Side.JAPAN, Level.STAFF, Map.of(), comment);
        }
        Map<String, Object> reply = api.get(base() + "/waves/" + open, token()).map();
        assertThat(silence(reply, "JAPAN")).doesNotContainKey("carefulWording");
        assertThat(wordingPoint(api.get(base() + "/trends", token()).map(), "JAPAN", open)).doesNotContainKey("share")
                .extracting(p -> p.get("suppressedReason").toString()).asString().contains("WAVE_OPEN");
    }

    /** Prints the cost of the signal for a wave of 2,000 comments: the first read analyses them, later reads do not. */
    @Test
    void aWaveOfTwoThousandCommentsIsAnalysedOnceAndThenReadFromMemory() throws Exception {
        InsightWorld.World big = worlds.create("Wording cost", 5);
        UUID wave = big.wave(LocalDate.of(2027, 7, 5));
        List<String[]> labelled = labelled();
        StringBuilder sql = new StringBuilder(
                "INSERT INTO response (tenant_id, id, wave_id, side, level, language, delay_bucket, comment) VALUES ");
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String[] row = labelled.get(i % labelled.size());
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, 'STAFF', ?, 'UNDER_1D', ?)");
            parameters.addAll(List.of(big.tenant, UUID.randomUUID(), wave, i % 2 == 0 ? "JAPAN" : "HQ", row[0],
                    row[2] + (i >= labelled.size() ? " (" + i + ")" : "")));
        }
        worlds.sql(big.tenant, sql.toString(), parameters.toArray());
        big.close(wave);
        figures.forget();
        long t0 = System.nanoTime();
        InsightViews.WaveInsight cold = com.kakehashi.tenancy.TenantContext.callAs(big.tenant, () -> insight.wave(wave));
        long t1 = System.nanoTime();
        InsightViews.WaveInsight warm = com.kakehashi.tenancy.TenantContext.callAs(big.tenant, () -> insight.wave(wave));
        long t2 = System.nanoTime();
        long a0 = System.nanoTime();
        for (int i = 0; i < 2000; i++) {
            String[] row = labelled.get(i % labelled.size());
            analyser.analyse(row[2] + " (" + i + ")", row[0]);
        }
        long a1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "Careful wording, 2,000 comments in one wave: wave view %.0f ms with the analysis, "
                        + "%.0f ms with the tallies in memory; the analyser alone %.0f ms (%.3f ms per comment)%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (a1 - a0) / 1e6, (a1 - a0) / 1e6 / 2000);
        var japan = cold.silence().stream().filter(s -> s.side() == Side.JAPAN).findFirst().orElseThrow().carefulWording();
        assertThat(japan.comments()).isEqualTo(1000);
        assertThat(warm.silence()).isEqualTo(cold.silence());
    }

    private static List<String[]> labelled() throws IOException {
        try (InputStream in = CarefulWordingTest.class.getResourceAsStream("/wording/labelled-comments.tsv")) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split("\t");
                    if (cells.length >= 3 && (cells[0].equals("ja") || cells[0].equals("en"))) {
                        rows.add(cells);
                    }
                }
            }
            return rows;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> wordingPoint(Map<String, Object> trends, String side, UUID wave) {
        return ((List<Map<String, Object>>) trends.get("carefulWording")).stream().filter(s -> side.equals(s.get("side")))
                .flatMap(s -> ((List<Map<String, Object>>) s.get("points")).stream())
                .filter(p -> wave.toString().equals(p.get("waveId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + side + " point for " + wave + " in " + trends.get("carefulWording")));
    }

    private static List<String[]> csvRows(Api.Reply csv) {
        List<String[]> rows = new ArrayList<>();
        String body = csv.body().replace("\uFEFF", "");
        for (String line : body.split("\r\n")) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }
}
