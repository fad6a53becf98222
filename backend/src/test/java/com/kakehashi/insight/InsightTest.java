package com.kakehashi.insight;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Insight scores, suppression and rollups against real PostgreSQL, with answers submitted through
 * the respondent page. Precision of hand-computed values: 1e-9.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@Property(name = "kakehashi.respond.requests-per-minute", value = "100000")
@Property(name = "kakehashi.insight.fold-delay", value = "10ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightTest {

    private static final double EPS = 1e-9;
    /** t(0.975, 2) = 0.95 / sqrt(2 × 0.975 × 0.025), exact for two degrees of freedom. */
    private static final double T2 = 0.95 / Math.sqrt(2 * 0.975 * 0.025);

    @Inject
    InsightWorld worlds;
    @Inject
    InsightRollups rollups;
    @Inject
    RollupFolder folder;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;

    Api api;
    InsightWorld.World hand;
    UUID handWave;

    @BeforeAll
    void handComputedWave() throws Exception {
        api = new Api(server.getURL(), json);
        hand = worlds.create("Hand", 3);
        handWave = hand.wave(LocalDate.of(2027, 3, 1));
        // EXCLUSION_1 and SILENT_DISSENT_1/_2 are reverse keyed; everything not given is answered 3.
        hand.respond(handWave, Side.HQ, Level.MIDDLE_MANAGER, Map.of("EXCLUSION_1", 5, "EXCLUSION_2", 1,
                "SILENT_DISSENT_1", 2, "SILENT_DISSENT_2", 2), null);
        hand.respond(handWave, Side.HQ, Level.MIDDLE_MANAGER, Map.of("EXCLUSION_1", 4, "EXCLUSION_2", 2,
                "SILENT_DISSENT_1", 4, "SILENT_DISSENT_2", 4), null);
        hand.respond(handWave, Side.HQ, Level.MIDDLE_MANAGER, Map.of("EXCLUSION_1", 2, "EXCLUSION_2", 4,
                "SILENT_DISSENT_1", 3, "SILENT_DISSENT_2", 4), null);
        hand.respond(handWave, Side.JAPAN, Level.STAFF, Map.of("EXCLUSION_1", 1, "EXCLUSION_2", 5,
                "SILENT_DISSENT_1", 1, "SILENT_DISSENT_2", 2, "SILENT_DISSENT_3", 5), "本社ともっと話したい");
        hand.respond(handWave, Side.JAPAN, Level.STAFF, Map.of("EXCLUSION_1", 2, "EXCLUSION_2", 5,
                "SILENT_DISSENT_1", 3, "SILENT_DISSENT_2", 3, "SILENT_DISSENT_3", 3), null);
        hand.respond(handWave, Side.JAPAN, Level.STAFF, Map.of("EXCLUSION_1", 3, "EXCLUSION_2", 3,
                "SILENT_DISSENT_1", 5, "SILENT_DISSENT_2", 4, "SILENT_DISSENT_3", 1), null);
        hand.invite(handWave, Side.JAPAN, Level.STAFF); // silent
        hand.close(handWave); // results are read only from closed waves
    }

    private String token(InsightWorld.World world) {
        return api.login(world.executive.email(), Fixtures.PASSWORD);
    }

    private Map<String, Object> waveInsight(InsightWorld.World world, UUID wave) {
        Api.Reply reply = api.get("/api/v1/tenants/" + world.tenant + "/insights/waves/" + wave, token(world));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.map();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> find(Map<String, Object> insight, String list, Map<String, Object> match) {
        return ((List<Map<String, Object>>) insight.get(list)).stream()
                .filter(e -> match.entrySet().stream().allMatch(m -> m.getValue().equals(e.get(m.getKey()))))
                .findFirst().orElseThrow(() -> new AssertionError("no " + list + " " + match + " in " + insight.get(list)));
    }

    private static double number(Map<String, Object> map, String field) {
        return ((Number) map.get(field)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static double ci(Map<String, Object> map, String end) {
        return ((Number) ((Map<String, Object>) map.get("ci")).get(end)).doubleValue();
    }

    @Test
    void signScoresMeanSdAndTIntervalMatchHandComputationWithReverseKeying() {
        Map<String, Object> insight = waveInsight(hand, handWave);
        // HQ EXCLUSION after flipping item 1: (1,1) (2,2) (4,4) -> 0, 25, 75
        Map<String, Object> hq = find(insight, "scores", Map.of("sign", "EXCLUSION", "segment", "side:HQ"));
        double sdHq = Math.sqrt(((0 - 100.0 / 3) * (0 - 100.0 / 3) + (25 - 100.0 / 3) * (25 - 100.0 / 3)
                + (75 - 100.0 / 3) * (75 - 100.0 / 3)) / 2);
        assertThat(number(hq, "value")).isCloseTo(100.0 / 3, within(EPS));
        assertThat(number(hq, "n")).isEqualTo(3);
        assertThat(number(hq, "sd")).isCloseTo(38.18813079129867, within(EPS)).isCloseTo(sdHq, within(EPS));
        assertThat(ci(hq, "low")).isCloseTo(100.0 / 3 - T2 * sdHq / Math.sqrt(3), within(EPS));
        assertThat(ci(hq, "high")).isCloseTo(128.19790917325238, within(EPS));
        // JAPAN EXCLUSION: (5,5) (4,5) (3,3) -> 100, 87.5, 50
        Map<String, Object> japan = find(insight, "scores", Map.of("sign", "EXCLUSION", "segment", "side:JAPAN"));
        assertThat(number(japan, "value")).isCloseTo(79.16666666666667, within(EPS));
        assertThat(number(japan, "sd")).isCloseTo(26.02082499332666, within(EPS));
        assertThat(ci(japan, "low")).isCloseTo(14.527354009888356, within(EPS));
        // Everyone: (0 + 25 + 75 + 100 + 87.5 + 50) / 6
        assertThat(number(find(insight, "scores", Map.of("sign", "EXCLUSION", "segment", "ALL")), "value"))
                .isCloseTo(56.25, within(EPS));
        // JAPAN SILENT_DISSENT, three items (1 and 2 reverse keyed): (5,4,5) (3,3,3) (1,2,1) -> 275/3, 50, 25/3
        Map<String, Object> silent = find(insight, "scores", Map.of("sign", "SILENT_DISSENT", "segment", "side:JAPAN,level:STAFF"));
        assertThat(number(silent, "value")).isCloseTo(50, within(EPS));
        assertThat(number(silent, "sd")).isCloseTo(125.0 / 3, within(EPS));
        // A sign no one answered off the midpoint scores 50 with no spread.
        Map<String, Object> neutral = find(insight, "scores", Map.of("sign", "RISK_LENS", "segment", "ALL"));
        assertThat(number(neutral, "value")).isCloseTo(50, within(EPS));
        assertThat(number(neutral, "sd")).isCloseTo(0, within(EPS));
    }

    @Test
    void dimensionIsTheMeanOfItsSignsAndGapIsJapanMinusHqWithWelchInterval() {
        Map<String, Object> insight = waveInsight(hand, handWave);
        // AUTHORITY = EXCLUSION, AUTHORITY_GAP, CONSENSUS_PACE; the latter two are all-neutral (50).
        assertThat(number(find(insight, "dimensions", Map.of("dimension", "AUTHORITY", "segment", "ALL")), "value"))
                .isCloseTo((56.25 + 50 + 50) / 3, within(EPS));
        Map<String, Object> gap = find(insight, "gaps", Map.of("sign", "EXCLUSION", "segment", "ALL"));
        assertThat(gap).doesNotContainKey("itemCode");
        assertThat(number(gap, "gap")).isCloseTo(79.16666666666667 - 100.0 / 3, within(EPS));
        double va = 38.18813079129867 * 38.18813079129867 / 3;
        double vb = 26.02082499332666 * 26.02082499332666 / 3;
        double df = (va + vb) * (va + vb) / (va * va / 2 + vb * vb / 2);
        double half = new TDistribution(df).inverseCumulativeProbability(0.975) * Math.sqrt(va + vb);
        assertThat(ci(gap, "high") - number(gap, "gap")).isCloseTo(half, within(1e-6)); // test's own t: 1e-6
        // Mirrored item SILENT_DISSENT_1 (reverse keyed): HQ flipped 4,2,3 -> 50; JAPAN flipped 5,3,1 -> 50
        Map<String, Object> item = find(insight, "gaps", Map.of("itemCode", "SILENT_DISSENT_1", "segment", "ALL"));
        assertThat(number(item, "hq")).isCloseTo(50, within(EPS));
        assertThat(number(item, "japan")).isCloseTo(50, within(EPS));
        // EXCLUSION_2 (not reversed): HQ 1,2,4 -> 25 (mean 7/3); JAPAN 5,5,3 -> 25 (13/3 - 1)
        Map<String, Object> item2 = find(insight, "gaps", Map.of("itemCode", "EXCLUSION_2", "segment", "ALL"));
        assertThat(number(item2, "gap")).isCloseTo(25 * (13.0 / 3 - 1) - 25 * (7.0 / 3 - 1), within(EPS));
        // Japan-only items have no gap.
        assertThat(insight.get("gaps").toString()).doesNotContain("SILENT_DISSENT_3");
    }

    @Test
    void reliabilityIsAlphaForThreeItemsSpearmanBrownForTwoOrTheReasonItIsMissing() {
        Map<String, Object> insight = waveInsight(hand, handWave);
        // JAPAN SILENT_DISSENT, three items (flipped) 5,3,1 / 4,3,2 / 5,3,1: variances 4, 1, 4; totals 14, 9, 4: variance 25
        Map<String, Object> three = find(insight, "reliability", Map.of("sign", "SILENT_DISSENT", "side", "JAPAN"));
        assertThat(three).containsEntry("method", "CRONBACH_ALPHA").containsEntry("quality", "GOOD");
        assertThat(number(three, "coefficient")).isCloseTo(1.5 * (1 - 9.0 / 25), within(EPS));
        // HQ SILENT_DISSENT, two items 4,2,3 / 4,2,2: r = 2 / sqrt(2 * 8/3) = sqrt(3)/2, 2r / (1 + r) = 2 sqrt(3) / (2 + sqrt(3))
        Map<String, Object> two = find(insight, "reliability", Map.of("sign", "SILENT_DISSENT", "side", "HQ"));
        assertThat(two).containsEntry("method", "SPEARMAN_BROWN").containsEntry("quality", "GOOD");
        assertThat(number(two, "coefficient")).isCloseTo(2 * Math.sqrt(3) / (2 + Math.sqrt(3)), within(EPS));
        // HQ EXCLUSION: both items move together -> r = 1 -> 1
        assertThat(number(find(insight, "reliability", Map.of("sign", "EXCLUSION", "side", "HQ")), "coefficient"))
                .isCloseTo(1, within(EPS));
        Map<String, Object> flat = find(insight, "reliability", Map.of("sign", "RISK_LENS", "side", "HQ"));
        assertThat(flat).doesNotContainKey("coefficient").doesNotContainKey("quality");
        assertThat(flat.get("unavailable").toString()).contains("NO_VARIANCE");
    }

    @Test
    void exportIsExcelFriendlyCsvWithTheSameValues() {
        Api.Reply csv = api.get("/api/v1/tenants/" + hand.tenant + "/insights/export.csv?signs=EXCLUSION&sides=HQ", token(hand));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv").contains("utf-8");
        String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).startsWith("wave_id,occurrence_date,measure,sign,dimension,item_code,segment,side,level,n,value");
        String hq = java.util.Arrays.stream(lines).filter(l -> l.contains(",SCORE,EXCLUSION,") && l.contains(",side:HQ,"))
                .findFirst().orElseThrow();
        assertThat(Double.parseDouble(hq.split(",")[10])).isCloseTo(100.0 / 3, within(EPS));
        assertThat(csv.body()).doesNotContain("side:JAPAN,JAPAN");
    }

    @Test
    void silenceSignalsCountNonResponseNeutralAnswersAndComments() {
        Map<String, Object> insight = waveInsight(hand, handWave);
        Map<String, Object> japan = find(insight, "silence", Map.of("side", "JAPAN"));
        assertThat(number(japan, "invited")).isEqualTo(4);
        assertThat(number(japan, "nonResponseRate")).isCloseTo(0.25, within(EPS));
        // 21 items each; 16 untouched items at 3, plus 0 + 3 + 2 midpoints among the given ones
        assertThat(number(japan, "neutralShare")).isCloseTo(53.0 / 63, within(EPS));
        assertThat(number(japan, "commentRate")).isCloseTo(1.0 / 3, within(EPS));
        assertThat(japan.get("medianDelay")).isEqualTo("UNDER_1H"); // invited 30 minutes before answering
        Map<String, Object> hq = find(insight, "silence", Map.of("side", "HQ"));
        assertThat(number(hq, "nonResponseRate")).isCloseTo(0, within(EPS));
        assertThat(number(hq, "neutralShare")).isCloseTo(43.0 / 54, within(EPS)); // 18 items, 14 untouched
    }

    // ---- suppression ----

    @Test
    @SuppressWarnings("unchecked")
    void everySegmentBelowKIsHiddenWithItsReasonInApiAndExportAndDifferencingRecoversNothing() throws Exception {
        InsightWorld.World world = worlds.create("Suppress", 5);
        UUID wave = world.wave(LocalDate.of(2027, 4, 1));
        Random random = new Random(7);
        respondMany(world, wave, Side.JAPAN, Level.STAFF, 6, random);
        respondMany(world, wave, Side.JAPAN, Level.MIDDLE_MANAGER, 5, random);
        respondMany(world, wave, Side.HQ, Level.MIDDLE_MANAGER, 5, random);
        respondMany(world, wave, Side.HQ, Level.EXECUTIVE, 2, random); // below k
        world.close(wave);
        String token = token(world);
        String base = "/api/v1/tenants/" + world.tenant + "/insights";

        Map<String, Object> insight = waveInsight(world, wave);
        for (Map<String, Object> score : (List<Map<String, Object>>) insight.get("scores")) {
            String segment = (String) score.get("segment");
            if (segment.equals("level:EXECUTIVE") || segment.equals("side:HQ,level:EXECUTIVE")) {
                assertThat(score).as(segment).doesNotContainKeys("value", "n", "sd", "ci");
                assertThat((Map<String, Object>) score.get("suppressedReason")).containsEntry("code", "BELOW_K")
                        .containsEntry("message", "suppressed: fewer than k responses");
            }
        }
        // Two requests with different filters: the union of what they show solves no hidden group.
        Api.Reply all = api.get(base + "/trends", token);
        Api.Reply filtered = api.get(base + "/trends?sides=HQ&levels=EXECUTIVE,MIDDLE_MANAGER", token);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(filtered.status()).as(filtered.body()).isEqualTo(200);
        Map<String, Map<String, Double>> shownSums = new HashMap<>(); // sign -> segment -> n × mean
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (Api.Reply reply : List.of(all, filtered)) {
            for (Map<String, Object> sign : (List<Map<String, Object>>) reply.map().get("signs")) {
                for (Map<String, Object> series : (List<Map<String, Object>>) sign.get("series")) {
                    Map<String, Object> point = ((List<Map<String, Object>>) series.get("points")).getFirst();
                    if (point.containsKey("value")) {
                        double sum = number(point, "value") * number(point, "n");
                        Double before = shownSums.computeIfAbsent((String) sign.get("sign"), s -> new HashMap<>())
                                .put((String) series.get("segment"), sum);
                        assertThat(before == null || Math.abs(before - sum) < EPS).as("same value in both requests").isTrue();
                    } else {
                        assertThat(point).doesNotContainKey("n");
                        assertThat(point.get("suppressedReason")).isNotNull();
                    }
                }
            }
        }
        assertThat(shownSums).isNotEmpty();
        // Try every equation (total = Σ sides, total = Σ levels, side = Σ cells, level = Σ cells):
        // a hidden non-empty group is recovered if the parent and all its non-empty siblings are shown.
        Map<String, Long> n = Map.of("ALL", 18L, "side:JAPAN", 11L, "side:HQ", 7L, "level:STAFF", 6L,
                "level:MIDDLE_MANAGER", 10L, "level:EXECUTIVE", 2L, "side:JAPAN,level:STAFF", 6L,
                "side:JAPAN,level:MIDDLE_MANAGER", 5L, "side:HQ,level:MIDDLE_MANAGER", 5L, "side:HQ,level:EXECUTIVE", 2L);
        for (var shown : shownSums.entrySet()) {
            for (List<String> equation : equations()) {
                List<String> hidden = equation.subList(1, equation.size()).stream()
                        .filter(s -> n.containsKey(s) && !shown.getValue().containsKey(s)).toList();
                boolean parentShown = shown.getValue().containsKey(equation.getFirst());
                assertThat(parentShown && hidden.size() == 1)
                        .as("%s: %s recoverable from %s", shown.getKey(), hidden, equation).isFalse();
                assertThat(!parentShown && n.containsKey(equation.getFirst()) && hidden.isEmpty())
                        .as("%s: hidden %s is the sum of its shown parts", shown.getKey(), equation.getFirst()).isFalse();
            }
            assertThat(shown.getValue()).doesNotContainKeys("level:EXECUTIVE", "side:HQ,level:EXECUTIVE");
        }

        Api.Reply csv = api.get(base + "/export.csv", token);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String text = csv.body();
        assertThat(text.getBytes(StandardCharsets.UTF_8)).startsWith(0xEF, 0xBB, 0xBF);
        for (String line : text.split("\r\n")) {
            if (line.contains(",level:EXECUTIVE,") || line.contains("side:HQ,level:EXECUTIVE")) {
                assertThat(line).as(line).contains("BELOW_K");
                String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
                assertThat(cells[10]).as("value cell of " + line).isEmpty();
            }
        }
    }

    private static List<List<String>> equations() {
        List<List<String>> equations = new ArrayList<>();
        equations.add(List.of("ALL", "side:HQ", "side:JAPAN", "side:REGIONAL"));
        equations.add(List.of("ALL", "level:EXECUTIVE", "level:MIDDLE_MANAGER", "level:STAFF"));
        for (Side side : Side.values()) {
            List<String> eq = new ArrayList<>(List.of("side:" + side));
            for (Level level : Level.values()) {
                eq.add("side:" + side + ",level:" + level);
            }
            equations.add(eq);
        }
        for (Level level : Level.values()) {
            List<String> eq = new ArrayList<>(List.of("level:" + level));
            for (Side side : Side.values()) {
                eq.add("side:" + side + ",level:" + level);
            }
            equations.add(eq);
        }
        return equations;
    }

    private static void respondMany(InsightWorld.World world, UUID wave, Side side, Level level, int count, Random random)
            throws Exception {
        for (int i = 0; i < count; i++) {
            Map<String, Integer> answers = new HashMap<>();
            for (var item : world.items(side)) {
                answers.put(item.code(), 1 + random.nextInt(5));
            }
            world.respond(wave, side, level, answers, random.nextInt(4) == 0 ? "comment " + i : null);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void commentsOfASideBelowKNeverLeaveTheBackendAndShownOnesCarryNoTimestamp() throws Exception {
        InsightWorld.World world = worlds.create("Comments", 5);
        UUID wave = world.wave(LocalDate.of(2027, 6, 1));
        world.respond(wave, Side.JAPAN, Level.STAFF, Map.of(), "秘密のコメント その一");
        world.respond(wave, Side.JAPAN, Level.STAFF, Map.of(), "secret remark two");
        for (int i = 0; i < 5; i++) {
            world.respond(wave, Side.HQ, Level.MIDDLE_MANAGER, Map.of(), i == 0 ? "HQ says hello" : null);
        }
        world.close(wave);
        String token = token(world);
        String base = "/api/v1/tenants/" + world.tenant + "/insights";

        Api.Reply waveReply = api.get(base + "/waves/" + wave, token);
        Api.Reply trends = api.get(base + "/trends", token);
        Api.Reply export = api.get(base + "/export.csv", token);

        for (Api.Reply reply : List.of(waveReply, trends, export)) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).doesNotContain("秘密のコメント", "secret remark");
        }
        Map<String, Object> japan = find(waveReply.map(), "comments", Map.of("side", "JAPAN"));
        assertThat(japan).doesNotContainKey("comments");
        assertThat(japan.get("suppressedReason").toString()).contains("BELOW_K");
        Map<String, Object> hq = find(waveReply.map(), "comments", Map.of("side", "HQ"));
        assertThat((List<Map<String, Object>>) hq.get("comments")).singleElement()
                .satisfies(c -> assertThat(c).containsOnlyKeys("text", "language").containsEntry("text", "HQ says hello"));
        assertThat(find(waveReply.map(), "silence", Map.of("side", "JAPAN")))
                .doesNotContainKeys("neutralShare", "commentRate", "comments", "medianDelay");
    }

    @Test
    @SuppressWarnings("unchecked")
    void trendsWithoutTheLevelBreakdownCarryOnlyEachSidesTotalAndTheOverallGapWithTheSameValues() throws Exception {
        InsightWorld.World world = worlds.create("Totals only", 5);
        UUID wave = world.wave(LocalDate.of(2027, 7, 1));
        for (int i = 0; i < 6; i++) {
            world.respond(wave, Side.HQ, Level.MIDDLE_MANAGER, Map.of(), null);
            world.respond(wave, Side.JAPAN, Level.STAFF, Map.of(), null);
        }
        world.close(wave);
        String token = token(world);
        String base = "/api/v1/tenants/" + world.tenant + "/insights/trends";

        Api.Reply full = api.get(base, token);
        Api.Reply totals = api.get(base + "?byLevel=false", token);

        assertThat(totals.status()).as(totals.body()).isEqualTo(200);
        assertThat(totals.body().length()).isLessThan(full.body().length() / 2);
        var fullSigns = (List<Map<String, Object>>) full.map().get("signs");
        var totalSigns = (List<Map<String, Object>>) totals.map().get("signs");
        assertThat(totalSigns).hasSameSizeAs(fullSigns);
        for (Map<String, Object> sign : totalSigns) {
            var series = (List<Map<String, Object>>) sign.get("series");
            assertThat(series).extracting(s -> s.get("segment")).containsExactly("ALL", "side:HQ", "side:JAPAN");
            assertThat((List<Map<String, Object>>) sign.get("gaps")).extracting(g -> g.get("segment")).containsExactly("ALL");
            var same = fullSigns.stream().filter(f -> f.get("sign").equals(sign.get("sign"))).findFirst().orElseThrow();
            for (Map<String, Object> s : series) {
                var before = ((List<Map<String, Object>>) same.get("series")).stream()
                        .filter(f -> f.get("segment").equals(s.get("segment"))).findFirst().orElseThrow();
                assertThat(s.get("points")).isEqualTo(before.get("points"));
            }
        }
    }

    @Test
    void closingAWaveRebuildsItsRollupsFromRawResponses() throws Exception {
        InsightWorld.World world = worlds.create("Close", 3);
        UUID wave = world.wave(LocalDate.of(2027, 7, 1));
        for (int i = 0; i < 3; i++) {
            world.respond(wave, Side.JAPAN, Level.STAFF, Map.of("EXCLUSION_2", 5), null);
        }
        // A response written behind the rollups' back and dropped from the fold queue in the same
        // transaction (as if a rollup update had been lost): the background fold never sees it queued.
        UUID stray = UUID.randomUUID();
        List<String> items = world.items(Side.JAPAN).stream().map(item -> item.code()).toList();
        worlds.inOneTransaction(world.tenant, c -> {
            execute(c, "INSERT INTO response (tenant_id, id, wave_id, side, level, language, delay_bucket) "
                    + "VALUES (?, ?, ?, 'JAPAN', 'STAFF', 'ja', 'UNDER_1H')", world.tenant, stray, wave);
            for (String item : items) {
                execute(c, "INSERT INTO response_answer (tenant_id, response_id, item_code, value) VALUES (?, ?, ?, ?)",
                        world.tenant, stray, item, (short) 1);
            }
            execute(c, "DELETE FROM insight_pending WHERE response_id = ?", stray);
        });
        assertThat(number(find(waveInsight(world, wave), "silence", Map.of("side", "JAPAN")), "responses")).isEqualTo(3);

        world.close(wave);

        Map<String, Object> closed = waveInsight(world, wave);
        assertThat(closed.get("status")).isEqualTo("CLOSED");
        assertThat(number(find(closed, "scores", Map.of("sign", "EXCLUSION", "segment", "ALL")), "n")).isEqualTo(4);
    }

    @Test
    void aQueuedResponseIsCountedOnceWhetherARecomputationOrAFoldTakesIt() throws Exception {
        InsightWorld.World world = worlds.create("Queue", 3);
        UUID wave = world.wave(LocalDate.of(2027, 9, 1));
        world.respond(wave, Side.HQ, Level.STAFF, Map.of("EXCLUSION_2", 5), null); // folded in the background
        // Stored as the respondent page stores it (the trigger queues it), but no folder is told.
        UUID queued = UUID.randomUUID();
        worlds.sql(world.tenant, "INSERT INTO response (tenant_id, id, wave_id, side, level, language, delay_bucket) "
                + "VALUES (?, ?, ?, 'HQ', 'STAFF', 'en', 'UNDER_1D')", world.tenant, queued, wave);
        for (var item : world.items(Side.HQ)) {
            worlds.sql(world.tenant, "INSERT INTO response_answer (tenant_id, response_id, item_code, value) VALUES (?, ?, ?, ?)",
                    world.tenant, queued, item.code(), (short) 2);
        }
        assertThat(queuedResponses(world)).isEqualTo("1");
        assertThat(responsesInRollups(world, wave)).isEqualTo("1");

        com.kakehashi.tenancy.TenantContext.runAs(world.tenant, () -> rollups.recompute(wave));
        assertThat(responsesInRollups(world, wave)).isEqualTo("2");
        assertThat(queuedResponses(world)).as("the recomputation took the queued response off the queue").isEqualTo("0");
        List<String> recomputed = rollupRows(world);
        assertThat(com.kakehashi.tenancy.TenantContext.callAs(world.tenant, folder::foldAll)).isZero();
        com.kakehashi.tenancy.TenantContext.runAs(world.tenant, () -> rollups.recompute(wave));
        assertThat(rollupRows(world)).isEqualTo(recomputed);
    }

    @Test
    void theSweepFoldsResponsesThatNoReplicaWasToldAbout() throws Exception {
        InsightWorld.World world = worlds.create("Sweep", 3);
        UUID wave = world.wave(LocalDate.of(2027, 10, 1));
        // As if the replica that stored it stopped before its folder ran.
        UUID orphan = UUID.randomUUID();
        worlds.sql(world.tenant, "INSERT INTO response (tenant_id, id, wave_id, side, level, language, delay_bucket) "
                + "VALUES (?, ?, ?, 'JAPAN', 'STAFF', 'ja', 'LATER')", world.tenant, orphan, wave);
        assertThat(queuedResponses(world)).isEqualTo("1");

        folder.sweep();

        assertThat(queuedResponses(world)).isEqualTo("0");
        assertThat(responsesInRollups(world, wave)).isEqualTo("1");
    }

    private String queuedResponses(InsightWorld.World world) throws Exception {
        return worlds.rows(world.tenant, "SELECT count(*) AS n FROM insight_pending").getFirst().get("n");
    }

    private String responsesInRollups(InsightWorld.World world, UUID wave) throws Exception {
        return worlds.rows(world.tenant, "SELECT sum(responses) AS n FROM insight_silence_rollup WHERE wave_id = ?", wave)
                .getFirst().get("n");
    }

    // ---- rollups ----

    @Test
    @SuppressWarnings("unchecked")
    void rollupsEqualAFullRecomputationAfterARandomSequenceOfSubmissions() throws Exception {
        InsightWorld.World world = worlds.create("Rollup", 3);
        List<UUID> waves = List.of(world.wave(LocalDate.of(2027, 5, 1)), world.wave(LocalDate.of(2027, 5, 15)));
        Random random = new Random(20261123L);
        for (int i = 0; i < 30; i++) {
            Side side = Side.values()[random.nextInt(Side.values().length)];
            Level level = Level.values()[random.nextInt(Level.values().length)];
            respondMany(world, waves.get(random.nextInt(2)), side, level, 1, random);
        }
        List<String> incremental = rollupRows(world);
        for (UUID wave : waves) {
            world.markClosed(wave); // readable, rollups untouched
        }
        Map<String, Object> before = waveInsight(world, waves.getFirst());

        io.micronaut.core.util.functional.ThrowingSupplier<Void, RuntimeException> recompute = () -> {
            waves.forEach(w -> com.kakehashi.tenancy.TenantContext.runAs(world.tenant, () -> rollups.recompute(w)));
            return null;
        };
        recompute.get();
        assertThat(rollupRows(world)).isNotEmpty().isEqualTo(incremental);
        recompute.get();
        assertThat(rollupRows(world)).as("recomputing is idempotent").isEqualTo(incremental);
        assertThat(waveInsight(world, waves.getFirst())).isEqualTo(before);

        // The trend filters: a period keeps only its waves; an engagement of no one's finds nothing.
        String base = "/api/v1/tenants/" + world.tenant + "/insights/trends";
        Api.Reply late = api.get(base + "?from=2027-05-10&signs=EXCLUSION", token(world));
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        List<Map<String, Object>> signs = (List<Map<String, Object>>) late.map().get("signs");
        assertThat(signs).extracting(m -> m.get("sign")).containsExactly("EXCLUSION");
        for (Map<String, Object> series : (List<Map<String, Object>>) signs.getFirst().get("series")) {
            assertThat((List<Map<String, Object>>) series.get("points")).extracting(p -> p.get("occurrenceDate"))
                    .containsExactly("2027-05-15");
        }
        Api.Reply none = api.get(base + "?engagementId=" + UUID.randomUUID(), token(world));
        assertThat((List<?>) none.map().get("signs")).isEmpty();
        Api.Reply own = api.get(base + "?engagementId=" + world.engagementId, token(world));
        assertThat((List<?>) own.map().get("signs")).hasSize(9);
    }

    @Test
    void concurrentSubmissionsToOneWaveNeitherDeadlockNorLoseCounts() throws Exception {
        InsightWorld.World world = worlds.create("Concurrent", 3);
        UUID wave = world.wave(LocalDate.of(2027, 8, 1));
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Side side = i % 2 == 0 ? Side.HQ : Side.JAPAN;
                Level level = Level.values()[i % 3];
                long seed = i;
                done.add(threads.submit(() -> {
                    respondMany(world, wave, side, level, 1, new Random(seed));
                    return null;
                }));
            }
            for (var future : done) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
        List<String> incremental = rollupRows(world);
        com.kakehashi.tenancy.TenantContext.runAs(world.tenant, () -> rollups.recompute(wave));
        assertThat(rollupRows(world)).isEqualTo(incremental);
        world.markClosed(wave);
        assertThat(number(find(waveInsight(world, wave), "scores", Map.of("sign", "EXCLUSION", "segment", "ALL")), "n"))
                .isEqualTo(24);
    }

    private List<String> rollupRows(InsightWorld.World world) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("insight_sign_rollup", "insight_item_rollup", "insight_item_pair_rollup", "insight_silence_rollup")) {
            worlds.rows(world.tenant, "SELECT * FROM " + table + " t ORDER BY t::text").forEach(r -> rows.add(table + r));
        }
        return rows;
    }

    private static void execute(java.sql.Connection c, String sql, Object... parameters) throws java.sql.SQLException {
        try (java.sql.PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
