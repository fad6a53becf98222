package com.kakehashi.insight;

import com.kakehashi.support.Api;
import com.kakehashi.support.AppRoleSql;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The differencing attack on closed waves, from the outside: everything the API publishes about a
 * tenant's closed waves (each wave's insight, the trends with and without filters, the CSV export,
 * the portfolio) is read as a reader would, and for every wave and measure the shown groups are
 * combined in every way (totals minus shown parts, across sides, levels and side × level: every set
 * of cells whose sums they determine, see {@link SpanJudge}). The true counts come from the raw
 * responses. A determined set holding 0 &lt; n &lt; k responses is a finding.
 * <p>
 * Measures: each sign (its scores, sign gaps and reliability; a dimension's value counts as shown for each
 * of its signs, which is stricter than its arithmetic), each mirrored item (item gaps, on the item's
 * own answer counts), and the per-side silence signals and comments (on response counts).
 */
public final class ClosedWaveAttack {

    /** Figures of one run. */
    public record Result(int waves, int measures, long setsSearched, long setsDetermined, long belowK, long complementary,
                         List<String> findings) {
    }

    private final Api api;
    private final AppRoleSql sql;

    public ClosedWaveAttack(Api api, AppRoleSql sql) {
        this.api = api;
        this.sql = sql;
    }

    @SuppressWarnings("unchecked")
    public Result run(UUID tenant, String token) throws SQLException, IOException {
        String base = "/api/v1/tenants/" + tenant + "/insights";
        int k = -1;
        // wave -> measure -> shown group keys
        Map<String, Map<String, Set<String>>> shown = new TreeMap<>();
        Map<String, List<String>> signsOfDimension = new HashMap<>();
        long belowK = 0;
        long complementary = 0;
        List<String> closed = sql.rows(tenant, "SELECT id FROM wave WHERE status = 'CLOSED' ORDER BY occurrence_date")
                .stream().map(r -> r.get("id")).toList();
        for (String wave : closed) {
            Api.Reply reply = api.get(base + "/waves/" + wave, token);
            check(reply, wave);
            Map<String, Object> insight = reply.map();
            k = ((Number) insight.get("anonymityThreshold")).intValue();
            for (Map<String, Object> score : list(insight, "scores")) {
                if (score.get("value") != null) {
                    add(shown, wave, "sign:" + score.get("sign"), (String) score.get("segment"));
                } else {
                    String code = (String) ((Map<String, Object>) score.get("suppressedReason")).get("code");
                    belowK += code.equals("BELOW_K") ? 1 : 0;
                    complementary += code.equals("COMPLEMENTARY") ? 1 : 0;
                }
            }
            for (Map<String, Object> gap : list(insight, "gaps")) {
                gap(shown, wave, gap.get("itemCode") == null ? "sign:" + gap.get("sign") : "item:" + gap.get("itemCode"),
                        (String) gap.get("level"), gap.get("hq") != null, gap.get("japan") != null);
            }
            for (Map<String, Object> dimension : list(insight, "dimensions")) {
                signsOfDimension.put((String) dimension.get("dimension"), (List<String>) dimension.get("signs"));
                if (dimension.get("value") != null) {
                    for (String sign : (List<String>) dimension.get("signs")) {
                        add(shown, wave, "sign:" + sign, (String) dimension.get("segment"));
                    }
                }
            }
            for (Map<String, Object> alpha : list(insight, "reliability")) {
                if (alpha.get("quality") != null) {
                    add(shown, wave, "sign:" + alpha.get("sign"), "side:" + alpha.get("side"));
                }
            }
            for (Map<String, Object> silence : list(insight, "silence")) {
                if (silence.get("neutralShare") != null || silence.get("commentRate") != null || silence.get("medianDelay") != null) {
                    add(shown, wave, "responses", "side:" + silence.get("side"));
                }
            }
            for (Map<String, Object> group : list(insight, "comments")) {
                if (group.get("comments") != null) {
                    add(shown, wave, "responses", "side:" + group.get("side"));
                }
            }
        }
        for (String query : List.of("", "?sides=HQ&levels=EXECUTIVE,MIDDLE_MANAGER", "?sides=JAPAN", "?levels=STAFF")) {
            Api.Reply reply = api.get(base + "/trends" + query, token);
            check(reply, "trends" + query);
            for (Map<String, Object> sign : list(reply.map(), "signs")) {
                String measure = "sign:" + sign.get("sign");
                for (Map<String, Object> series : list(sign, "series")) {
                    for (Map<String, Object> point : list(series, "points")) {
                        if (point.get("value") != null) {
                            add(shown, (String) point.get("waveId"), measure, (String) series.get("segment"));
                        }
                    }
                }
                for (Map<String, Object> series : list(sign, "gaps")) {
                    for (Map<String, Object> point : list(series, "points")) {
                        gap(shown, (String) point.get("waveId"), measure, (String) series.get("level"),
                                point.get("hq") != null, point.get("japan") != null);
                    }
                }
            }
        }
        exported(shown, api.get(base + "/export.csv", token), signsOfDimension);
        Api.Reply portfolio = api.get("/api/v1/portfolio", token);
        check(portfolio, "portfolio");
        for (Map<String, Object> summary : portfolio.list()) {
            if (!tenant.toString().equals(summary.get("tenantId")) || summary.get("latestWave") == null) {
                continue;
            }
            String wave = (String) ((Map<String, Object>) summary.get("latestWave")).get("waveId");
            for (Map<String, Object> risk : list(summary, "signs")) {
                if (risk.get("value") != null) {
                    add(shown, wave, "sign:" + risk.get("sign"), "side:" + risk.get("side"));
                }
            }
            if (summary.get("widestGap") instanceof Map<?, ?> widest) {
                gap(shown, wave, "sign:" + widest.get("sign"), null, true, true);
            }
        }
        return judge(tenant, k, closed.size(), shown, belowK, complementary);
    }

    private Result judge(UUID tenant, int k, int waves, Map<String, Map<String, Set<String>>> shown, long belowK,
                         long complementary) throws SQLException {
        Map<String, Map<String, Map<String, Long>>> counts = trueCounts(tenant);
        long searched = 0;
        long determined = 0;
        int measures = 0;
        List<String> findings = new ArrayList<>();
        for (var wave : shown.entrySet()) {
            for (var measure : wave.getValue().entrySet()) {
                Map<String, Long> cells = counts.getOrDefault(wave.getKey(), Map.of()).getOrDefault(measure.getKey(), Map.of());
                long nonEmpty = cells.values().stream().filter(n -> n > 0).count();
                searched += (1L << nonEmpty) - 1;
                measures++;
                determined += SpanJudge.determinedSets(cells, measure.getValue()).size();
                for (Set<String> set : SpanJudge.violations(cells, measure.getValue(), k)) {
                    long n = set.stream().mapToLong(c -> cells.getOrDefault(c, 0L)).sum();
                    findings.add("wave " + wave.getKey() + " " + measure.getKey() + ": " + set + " (n = " + n + ") from "
                            + measure.getValue());
                }
            }
        }
        return new Result(waves, measures, searched, determined, belowK, complementary, findings);
    }

    /** wave -> measure -> cell -> respondents, from the raw responses. */
    private Map<String, Map<String, Map<String, Long>>> trueCounts(UUID tenant) throws SQLException {
        Map<String, Map<String, Map<String, Long>>> counts = new HashMap<>();
        String cell = "'side:' || r.side || ',level:' || r.level";
        for (Map<String, String> row : sql.rows(tenant, """
                SELECT r.wave_id, 'sign:' || i.sign AS measure, %s AS cell, count(DISTINCT r.id) AS n
                FROM response r JOIN wave w ON w.id = r.wave_id
                JOIN response_answer a ON a.response_id = r.id
                JOIN instrument_item i ON i.version_id = w.instrument_version_id AND i.code = a.item_code
                GROUP BY 1, 2, 3
                UNION ALL
                SELECT r.wave_id, 'item:' || a.item_code, %s, count(*)
                FROM response r JOIN response_answer a ON a.response_id = r.id GROUP BY 1, 2, 3
                UNION ALL
                SELECT r.wave_id, 'responses', %s, count(*) FROM response r GROUP BY 1, 2, 3
                """.formatted(cell, cell, cell))) {
            counts.computeIfAbsent(row.get("wave_id"), w -> new HashMap<>()).computeIfAbsent(row.get("measure"), m -> new HashMap<>())
                    .put(row.get("cell"), Long.parseLong(row.get("n")));
        }
        return counts;
    }

    private static void exported(Map<String, Map<String, Set<String>>> shown, Api.Reply csv,
                                 Map<String, List<String>> signsOfDimension) throws IOException {
        check(csv, "export.csv");
        for (CSVRecord row : CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body().replace("\uFEFF", "")))) {
            String wave = row.get("wave_id");
            // A LOW reliability without a number still tells something about the side's answers.
            if (row.get("value").isEmpty() && !"LOW_RELIABILITY".equals(row.get("suppressed_code"))) {
                continue;
            }
            String level = row.get("level").isEmpty() ? null : row.get("level");
            switch (row.get("measure")) {
                case "SCORE" -> add(shown, wave, "sign:" + row.get("sign"), row.get("segment"));
                case "GAP" -> gap(shown, wave, "sign:" + row.get("sign"), level, true, true);
                case "ITEM_GAP" -> gap(shown, wave, "item:" + row.get("item_code"), level, true, true);
                case "DIMENSION" -> signsOfDimension.getOrDefault(row.get("dimension"), List.of())
                        .forEach(sign -> add(shown, wave, "sign:" + sign, row.get("segment")));
                case "SPEARMAN_BROWN", "CRONBACH_ALPHA" -> add(shown, wave, "sign:" + row.get("sign"), row.get("segment"));
                case "NEUTRAL_SHARE", "COMMENT_RATE", "MEDIAN_DELAY" -> add(shown, wave, "responses", row.get("segment"));
                default -> {
                    // NON_RESPONSE_RATE: counts, shown at any size
                }
            }
        }
    }

    /** A gap shows HQ's and Japan's value of one level (or of the whole side). */
    private static void gap(Map<String, Map<String, Set<String>>> shown, String wave, String measure, String level,
                            boolean hq, boolean japan) {
        String suffix = level == null ? "" : ",level:" + level;
        if (hq) {
            add(shown, wave, measure, "side:HQ" + suffix);
        }
        if (japan) {
            add(shown, wave, measure, "side:JAPAN" + suffix);
        }
    }

    private static void add(Map<String, Map<String, Set<String>>> shown, String wave, String measure, String group) {
        shown.computeIfAbsent(wave, w -> new TreeMap<>()).computeIfAbsent(measure, m -> new TreeSet<>()).add(group);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static void check(Api.Reply reply, String what) {
        if (reply.status() != 200) {
            throw new IllegalStateException(what + ": " + reply.status() + " " + reply.body());
        }
    }
}
