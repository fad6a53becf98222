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
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack on open waves: answer an open wave one person at a time, through the respondent page,
 * and read every insight output after each answer. Whatever changes between two reads belongs to
 * that one person, so nothing but response counts and rates may change.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@Property(name = "kakehashi.respond.requests-per-minute", value = "100000")
@Property(name = "kakehashi.insight.fold-delay", value = "10ms")
class OpenWaveAttackTest {

    /** Fields that are counts or rates: the product shows them while a wave is open. */
    private static final Set<String> COUNTS_AND_RATES = Set.of("invited", "responses", "nonResponseRate", "responded",
            "responseRate");

    @Inject
    InsightWorld worlds;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    @SuppressWarnings("unchecked")
    void pollingEveryOutputBetweenSubmissionsToAnOpenWaveShowsOnlyCountsAndRatesChanging() throws Exception {
        Api api = new Api(server.getURL(), json);
        InsightWorld.World world = worlds.create("OpenAttack", 3); // the lowest k: the most that could show
        Random random = new Random(8);
        // A closed wave before it, so that trends, export and portfolio have results to show beside the open one.
        UUID closed = world.wave(LocalDate.of(2027, 11, 1));
        for (Side side : List.of(Side.HQ, Side.JAPAN)) {
            for (int i = 0; i < 3; i++) {
                world.respond(closed, side, Level.STAFF, randomAnswers(world, side, random), null);
            }
        }
        world.close(closed);
        UUID open = world.wave(LocalDate.of(2027, 11, 15));
        // Invitations exist from the start (a side's row appearing would itself be a count changing).
        world.invite(open, Side.JAPAN, Level.STAFF);
        world.invite(open, Side.HQ, Level.STAFF);
        String token = api.login(world.executive.email(), Fixtures.PASSWORD);

        Map<String, String> previous = readEverything(api, world, open, token);
        int polls = 1;
        int submissions = 0;
        Level[] levels = Level.values();
        for (int i = 0; i < 9; i++) {
            Side side = i % 3 == 2 ? Side.HQ : Side.JAPAN;
            world.respond(open, side, levels[i % levels.length], randomAnswers(world, side, random),
                    i % 2 == 0 ? "open wave remark " + i : null);
            submissions++;
            Map<String, String> now = readEverything(api, world, open, token);
            polls++;
            assertThat(now).as("after submission %d, only counts and rates differ from the read before", submissions)
                    .isEqualTo(previous);
            previous = now;
        }
        assertThat(submissions).isEqualTo(9);
        assertThat(polls).isEqualTo(10);

        // What is shown while open: counts and rates per side, and when the results come.
        Map<String, Object> insight = api.get(base(world) + "/waves/" + open, token).map();
        assertThat(insight.get("status")).isEqualTo("OPEN");
        assertThat(insight.get("closesAt")).isNotNull();
        for (String empty : List.of("scores", "dimensions", "gaps", "reliability")) {
            assertThat((List<?>) insight.get(empty)).as(empty).isEmpty();
        }
        List<Map<String, Object>> silence = (List<Map<String, Object>>) insight.get("silence");
        assertThat(silence).extracting(s -> s.get("side") + " " + s.get("responses") + "/" + s.get("invited"))
                .containsExactlyInAnyOrder("HQ 3/4", "JAPAN 6/7");
        assertThat(silence).allSatisfy(s -> assertThat(s).doesNotContainKeys("neutralShare", "comments", "commentRate", "medianDelay")
                .extractingByKey("suppressedReason").asString().contains("WAVE_OPEN"));
        assertThat((List<Map<String, Object>>) insight.get("comments")).allSatisfy(g -> assertThat(g)
                .doesNotContainKey("comments").extractingByKey("suppressedReason").asString().contains("WAVE_OPEN"));
        assertThat(api.get(base(world) + "/export.csv", token).body()).doesNotContain("open wave remark");

        // Closing shows the results at once, the comments included.
        world.close(open);
        Map<String, Object> after = api.get(base(world) + "/waves/" + open, token).map();
        assertThat((List<?>) after.get("scores")).isNotEmpty();
        assertThat(after.toString()).contains("open wave remark");
    }

    private static Map<String, Integer> randomAnswers(InsightWorld.World world, Side side, Random random) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        world.items(side).forEach(item -> answers.put(item.code(), 1 + random.nextInt(5)));
        return answers;
    }

    private static String base(InsightWorld.World world) {
        return "/api/v1/tenants/" + world.tenant + "/insights";
    }

    /**
     * Every output that includes the open wave, with counts and rates blanked: the wave's insight,
     * the trends (all and filtered), the comment themes (all and the wave), the CSV export, the portfolio,
     * and the waves the dashboard lists.
     */
    private Map<String, String> readEverything(Api api, InsightWorld.World world, UUID open, String token) {
        Map<String, String> outputs = new LinkedHashMap<>();
        String tenant = "/api/v1/tenants/" + world.tenant;
        List<String> jsonPaths = List.of(base(world) + "/waves/" + open, base(world) + "/trends",
                base(world) + "/trends?sides=JAPAN&levels=STAFF", base(world) + "/themes", base(world) + "/themes?waveId=" + open,
                "/api/v1/portfolio", tenant + "/waves", tenant + "/waves/" + open);
        for (String path : jsonPaths) {
            Api.Reply reply = api.get(path, token);
            assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(200);
            outputs.put(path, blankCounts(json(reply)).toString());
        }
        Api.Reply csv = api.get(base(world) + "/export.csv", token);
        assertThat(csv.status()).isEqualTo(200);
        outputs.put("export.csv", blankCsvCounts(csv.body(), open));
        return outputs;
    }

    private Object json(Api.Reply reply) {
        return reply.body().startsWith("[") ? reply.list() : reply.map();
    }

    @SuppressWarnings("unchecked")
    private static Object blankCounts(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.TreeMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, COUNTS_AND_RATES.contains(k) ? "#" : blankCounts(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(blankCounts(v)));
            return copy;
        }
        return value;
    }

    /** The open wave's non-response rows carry the invited count and the rate; every other cell must stay. */
    private static String blankCsvCounts(String csv, UUID open) {
        StringBuilder out = new StringBuilder();
        for (String line : csv.split("\r\n")) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals(open.toString()) && cells[2].equals("NON_RESPONSE_RATE")) {
                cells[9] = "#";
                cells[10] = "#";
            }
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }
}
