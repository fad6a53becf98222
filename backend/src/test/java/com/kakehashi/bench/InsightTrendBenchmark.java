package com.kakehashi.bench;

import com.kakehashi.insight.InsightRollups;
import com.kakehashi.insight.InsightService;
import com.kakehashi.insight.InsightViews.Trends;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.vocabulary.WarningSign;
import com.kakehashi.tenancy.TenantContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark 4: latency of {@code GET /api/v1/tenants/{id}/insights/trends} (real HTTP, a
 * consultant's JWT, one client) for a tenant with 2,000 participants and two years of fortnightly
 * closed waves, with that tenant alone (1×) and beside nine more of the same size (10×); then the
 * same trend computed from raw responses: every wave rebuilt by {@link InsightRollups#recompute}
 * and the trend read in one transaction that is rolled back.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "datasources.default.maximum-pool-size", value = "10")
@Property(name = "logger.levels.com.kakehashi", value = "WARN")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// -Dtest='Insight*' selects this class too and would start a long run in a test database: only under -Pbench.
@EnabledIfEnvironmentVariable(named = "KAKEHASHI_TEST_DB", matches = "kakehashi_bench.*")
class InsightTrendBenchmark {

    private static final String NAME = "insight";
    private static final int PARTICIPANTS = Integer.getInteger("bench.insight.participants", 2000);
    private static final int WAVES = 52;
    private static final int TENANTS = Integer.getInteger("bench.insight.tenants", 10);
    private static final int WARMUP = Integer.getInteger("bench.insight.warmup", 100);
    private static final int MEASURED = Integer.getInteger("bench.insight.requests", 300);
    private static final int RAW_RUNS = Integer.getInteger("bench.insight.raw-runs", 3);
    private static final LocalDate FIRST_WAVE = LocalDate.now().minusWeeks(2L * WAVES + 2);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    InsightBenchData data;
    @Inject
    InsightService insights;
    @Inject
    InsightRollups rollups;
    @Inject
    TransactionOperations<Connection> transactions;

    @Value("${datasources.default.url}")
    String url;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void trendLatencyFromRollupsAtOneAndTenTimesTheTenantsVersusRawResponses() throws Exception {
        Bench.machine(NAME, url);
        Bench.Cpu cpu = Bench.Cpu.now();
        InsightBenchData.Tenant measured = data.create(url, "Measured", PARTICIPANTS, WAVES, FIRST_WAVE);
        InsightBenchData.vacuumAnalyze(url);
        Bench.report(NAME, "generated the measured tenant: %d participants, %d closed waves, rollups per wave (%s)",
                PARTICIPANTS, WAVES, cpu.since(cpu));
        String token = new Api(server.getURL(), json).login(measured.consultant().email(), Fixtures.PASSWORD);
        InsightService.Filter all = new InsightService.Filter(null, Set.of(), Set.of(), Set.of(), null, null);
        InsightService.Filter filtered = new InsightService.Filter(measured.engagementId(),
                EnumSet.of(WarningSign.EXCLUSION, WarningSign.SILENT_DISSENT), EnumSet.of(Side.JAPAN), Set.of(), null, null);
        String base = server.getURL() + "/api/v1/tenants/" + measured.id() + "/insights/trends";
        String filteredUrl = base + "?engagementId=" + measured.engagementId() + "&signs=EXCLUSION,SILENT_DISSENT&sides=JAPAN";

        rows("1x", measured.id());
        double[] one = latency("1x default filters", base, token);
        double[] oneFiltered = latency("1x engagement + 2 signs + JAPAN", filteredUrl, token);
        direct("1x", measured.id(), all);

        cpu = Bench.Cpu.now();
        // Three tenants at a time: independent work, and the run fits in an afternoon on a shared machine.
        try (var generators = java.util.concurrent.Executors.newFixedThreadPool(3)) {
            List<java.util.concurrent.Future<InsightBenchData.Tenant>> others = new java.util.ArrayList<>();
            for (int i = 2; i <= TENANTS; i++) {
                int n = i;
                others.add(generators.submit(() -> data.create(url, "Other " + n, PARTICIPANTS, WAVES, FIRST_WAVE.plusDays(n))));
            }
            for (var other : others) {
                assertThat(other.get().waves()).hasSize(WAVES);
            }
        }
        InsightBenchData.vacuumAnalyze(url);
        Bench.report(NAME, "generated %d more tenants of the same size (%s)", TENANTS - 1, cpu.since(cpu));

        rows(TENANTS + "x", measured.id());
        token = new Api(server.getURL(), json).login(measured.consultant().email(), Fixtures.PASSWORD); // the first may have expired
        double[] ten = latency(TENANTS + "x default filters", base, token);
        double[] tenFiltered = latency(TENANTS + "x engagement + 2 signs + JAPAN", filteredUrl, token);
        double direct10 = direct(TENANTS + "x", measured.id(), all);
        explain(measured);
        double raw10 = raw(TENANTS + "x", measured, all, filtered);

        Bench.report(NAME, "RATIO p95 %dx/1x: default %.2f, filtered %.2f (target <= 1.5)", TENANTS, ten[1] / one[1], tenFiltered[1] / oneFiltered[1]);
        Bench.report(NAME, "RATIO raw/rollup at %dx, p50: in-process (service call) %.0f, over HTTP %.0f (target >= 100)",
                TENANTS, raw10 / direct10, raw10 / ten[0]);
    }

    /** Sequential requests of one client; asserts every answer is a full 52-wave trend. @return p50 and p95 in ms */
    private double[] latency(String label, String url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertFullTrend(json.readValue(first.body(), Trends.class));
        for (int i = 0; i < WARMUP; i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        double[] ms = new double[MEASURED];
        Bench.Cpu cpu = Bench.Cpu.now();
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            ms[i] = (System.nanoTime() - start) / 1e6;
            assertThat(response.statusCode()).isEqualTo(200);
        }
        double[] p = percentiles(ms);
        Bench.report(NAME, "%s: GET trends x%d: p50 %.1f ms, p95 %.1f ms, max %.1f ms; body %,d bytes (%s)", label, MEASURED,
                p[0], p[1], p[2], first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, cpu.since(cpu));
        return p;
    }

    /** The same trend through the service, no HTTP: the like-for-like partner of the raw path. @return p50 in ms */
    private double direct(String label, UUID tenant, InsightService.Filter filter) {
        double[] ms = new double[MEASURED];
        for (int i = -WARMUP; i < MEASURED; i++) {
            long start = System.nanoTime();
            TenantContext.callAs(tenant, () -> insights.trends(filter));
            if (i >= 0) {
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        double[] p = percentiles(ms);
        Bench.report(NAME, "%s: InsightService.trends from rollups (in-process) x%d: p50 %.2f ms, p95 %.2f ms, max %.2f ms",
                label, MEASURED, p[0], p[1], p[2]);
        return p[0];
    }

    /**
     * Every wave rebuilt from raw responses and the trend read from the rebuilt rows, rolled back:
     * the result must equal the rollup path's. @return p50 in ms
     */
    private double raw(String label, InsightBenchData.Tenant tenant, InsightService.Filter... filters) {
        Trends[] expected = Arrays.stream(filters).map(f -> TenantContext.callAs(tenant.id(), () -> insights.trends(f)))
                .toArray(Trends[]::new);
        double[] ms = new double[RAW_RUNS];
        Bench.Cpu cpu = Bench.Cpu.now();
        for (int run = 0; run < RAW_RUNS; run++) {
            // Run 0 also rebuilds the filtered trend, to compare it too (a few ms beside the rebuild).
            boolean check = run == 0;
            long start = System.nanoTime();
            Trends[] fromRaw = TenantContext.callAs(tenant.id(), () -> transactions.executeWrite(status -> {
                tenant.waves().forEach(rollups::recompute);
                Trends[] trends = check ? Arrays.stream(filters).map(insights::trends).toArray(Trends[]::new)
                        : new Trends[]{insights.trends(filters[0])};
                status.setRollbackOnly();
                return trends;
            }));
            ms[run] = (System.nanoTime() - start) / 1e6;
            for (int i = 0; i < fromRaw.length; i++) {
                assertThat(fromRaw[i]).as("trend from raw responses equals the rollup trend").isEqualTo(expected[i]);
            }
        }
        double[] p = percentiles(ms);
        Bench.report(NAME, "%s: same trend from raw responses (recompute %d waves + read, rolled back) x%d: p50 %.0f ms, "
                + "p95 %.0f ms, max %.0f ms (%s)", label, WAVES, RAW_RUNS, p[0], p[1], p[2], cpu.since(cpu));
        return p[0];
    }

    private static void assertFullTrend(Trends trends) {
        assertThat(trends.signs()).isNotEmpty();
        trends.signs().forEach(sign -> sign.series().forEach(series -> assertThat(series.points()).hasSize(WAVES)));
    }

    /** Rows of every table the trend (or its raw recomputation) reads: all tenants, and the measured one. */
    private void rows(String label, UUID measured) throws Exception {
        StringBuilder line = new StringBuilder();
        try (Connection superuser = DriverManager.getConnection(url, "postgres", "")) {
            for (String table : List.of("participant", "wave", "invitation", "response", "response_answer", "insight_sign_rollup",
                    "insight_item_rollup", "insight_item_pair_rollup", "insight_silence_rollup")) {
                line.append(String.format(java.util.Locale.ROOT, "%s %,d (tenant %,d); ", table,
                        Bench.count(superuser, "SELECT count(*) FROM " + table),
                        Bench.count(superuser, "SELECT count(*) FROM " + table + " WHERE tenant_id = ?", measured)));
            }
        }
        Bench.report(NAME, "%s rows: %s", label, line);
    }

    /** The trend's reads as the app role in the measured tenant, with the waves of the default filter. */
    private void explain(InsightBenchData.Tenant tenant) throws Exception {
        Map<String, String> queries = new java.util.LinkedHashMap<>();
        queries.put("sign rollup", "SELECT wave_id, side, level, sign, n, sum_score, sum_sq FROM insight_sign_rollup WHERE wave_id = ANY(?)");
        queries.put("item rollup", "SELECT wave_id, side, level, item_code, sign, n, sum_value, sum_sq FROM insight_item_rollup WHERE wave_id = ANY(?)");
        queries.put("invited", "SELECT wave_id, side, count(*) FROM invitation WHERE wave_id = ANY(?) GROUP BY wave_id, side");
        try (Connection app = Bench.app(url, tenant.id())) {
            for (var query : queries.entrySet()) {
                try (PreparedStatement statement = app.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + query.getValue())) {
                    statement.setArray(1, app.createArrayOf("uuid", tenant.waves().toArray()));
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            Bench.report(NAME, "explain %s | %s", query.getKey(), rs.getString(1));
                        }
                    }
                }
            }
        }
    }

    /** p50, p95 (nearest rank) and max. */
    private static double[] percentiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new double[]{rank(sorted, 0.50), rank(sorted, 0.95), sorted[sorted.length - 1]};
    }

    private static double rank(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
