package com.kakehashi.console.e2e;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Insight data for {@link FakeBackend}: three fortnightly waves of one schedule (two closed), trends for two warning
 * signs with Japan suppressed in the last wave, two open alerts and the comments of the latest closed wave (HQ's in
 * both languages, Japan's withheld below k).
 */
final class FakeInsights {

    private static final String[] SIGNS = {"EXCLUSION", "SILENT_DISSENT"};

    void history(String tenantId, String engagementId, Map<String, List<Map<String, Object>>> schedules,
                 Map<String, List<Map<String, Object>>> waves, Map<String, Map<String, Object>> alerts) {
        var scheduleId = UUID.randomUUID().toString();
        var schedule = new LinkedHashMap<String, Object>();
        schedule.put("id", scheduleId);
        schedule.put("name", "Fortnightly pulse / 隔週パルス");
        schedule.put("surveyTitleEn", "Working together: HQ and Japan");
        schedule.put("surveyTitleJa", "本社と日本法人の協働について");
        schedule.put("engagementId", engagementId);
        schedule.put("instrumentVersionId", UUID.randomUUID().toString());
        schedule.put("audienceSides", List.of());
        schedule.put("audienceLevels", List.of());
        schedule.put("cadence", "BIWEEKLY");
        schedule.put("japanSendTime", "09:00:00");
        schedule.put("hqSendTime", "09:00:00");
        schedule.put("hqTimeZone", "America/Chicago");
        schedule.put("daysOpen", 5);
        schedule.put("reminderOffsetDays", List.of(2));
        schedule.put("startDate", LocalDate.now().minusWeeks(8).toString());
        schedule.put("paused", false);
        schedule.put("createdAt", OffsetDateTime.now().toString());
        schedule.put("updatedAt", OffsetDateTime.now().toString());
        schedules.put(tenantId, List.of(schedule));
        var list = new CopyOnWriteArrayList<Map<String, Object>>();
        for (int i = 3; i >= 1; i--) {
            list.add(wave(scheduleId, LocalDate.now().minusWeeks(2L * i), i > 1 ? "CLOSED" : "OPEN"));
        }
        waves.put(tenantId, list);
        var lastClosed = list.get(1);
        for (var a : List.of(
                alert(tenantId, engagementId, lastClosed, "SIGN_ABOVE_THRESHOLD", "EXCLUSION", "JAPAN", "HIGH", 71.5, 60),
                alert(tenantId, engagementId, lastClosed, "RESPONSE_RATE_DROP", null, "JAPAN", "MEDIUM", 42, 50))) {
            alerts.put(a.get("id").toString(), a);
        }
    }

    private static Map<String, Object> wave(String scheduleId, LocalDate date, String status) {
        var w = new LinkedHashMap<String, Object>();
        w.put("id", UUID.randomUUID().toString());
        w.put("scheduleId", scheduleId);
        w.put("instrumentVersionId", UUID.randomUUID().toString());
        w.put("occurrenceDate", date.toString());
        w.put("kind", "SCHEDULED");
        w.put("status", status);
        w.put("opensAt", date.atStartOfDay().atOffset(java.time.ZoneOffset.UTC).toString());
        w.put("closesAt", date.plusDays(5).atStartOfDay().atOffset(java.time.ZoneOffset.UTC).toString());
        w.put("invited", 20);
        w.put("responded", 14);
        w.put("responseRate", 0.7);
        w.put("sides", List.of(Map.of("side", "HQ", "invited", 10, "responded", 9, "responseRate", 0.9),
                Map.of("side", "JAPAN", "invited", 10, "responded", 5, "responseRate", 0.5)));
        return w;
    }

    private static Map<String, Object> alert(String tenantId, String engagementId, Map<String, Object> wave,
                                             String rule, String sign, String side, String severity, double value,
                                             double threshold) {
        var a = new LinkedHashMap<String, Object>();
        a.put("tenantId", tenantId); // for the fake's own scoping; the console ignores unknown fields
        a.put("id", UUID.randomUUID().toString());
        a.put("engagementId", engagementId);
        a.put("waveId", wave.get("id"));
        a.put("occurrenceDate", wave.get("occurrenceDate"));
        a.put("rule", rule);
        if (sign != null) {
            a.put("sign", sign);
        }
        a.put("side", side);
        a.put("severity", severity);
        a.put("value", value);
        a.put("threshold", threshold);
        // A condition's history and sentences, as the alert conditions API gives them.
        String date = wave.get("occurrenceDate").toString();
        a.put("openedOn", date);
        a.put("history", List.of(
                Map.of("occurrenceDate", java.time.LocalDate.parse(date).minusDays(28).toString(), "value", value - 12,
                        "fired", false, "outcome", "CLEAR"),
                Map.of("occurrenceDate", java.time.LocalDate.parse(date).minusDays(14).toString(), "value", value - 7,
                        "fired", false, "outcome", "CLEAR"),
                Map.of("occurrenceDate", date, "value", value, "fired", true, "outcome", "FIRED")));
        a.put("clearWaves", 0);
        a.put("summaryEn", sign == null ? "Japan's response rate fell to " + Math.round(value) + "%, beyond noise."
                : "Exclusion in Japan is at " + value + ", above the risk threshold of " + Math.round(threshold) + " beyond noise.");
        a.put("summaryJa", sign == null ? "日本の回答率が誤差を超えて" + Math.round(value) + "%に下がりました。"
                : "日本の「初期議論からの除外」が" + value + "で、誤差を超えてリスクの閾値" + Math.round(threshold) + "を上回っています。");
        a.put("status", "OPEN");
        a.put("createdAt", OffsetDateTime.now().toString());
        a.put("updatedAt", OffsetDateTime.now().toString());
        a.put("notes", new CopyOnWriteArrayList<>());
        return a;
    }

    /**
     * Per sign: everyone, HQ and Japan over the waves; Japan below k in the newest closed wave, so the gap is missing
     * too; the open wave has no values yet, as the backend withholds them until it closes.
     */
    Map<String, Object> trends(List<Map<String, Object>> waves) {
        var signs = new ArrayList<Object>();
        for (int s = 0; s < SIGNS.length; s++) {
            var all = new ArrayList<Object>();
            var hq = new ArrayList<Object>();
            var japan = new ArrayList<Object>();
            var gap = new ArrayList<Object>();
            for (int i = 0; i < waves.size(); i++) {
                var w = waves.get(i);
                double h = 30 + 5 * s + 2 * i;
                double j = 45 + 8 * i + 3 * s;
                if ("OPEN".equals(w.get("status"))) {
                    for (var series : List.of(all, hq, japan, gap)) {
                        series.add(withheld(w));
                    }
                    continue;
                }
                boolean hidden = i == waves.size() - 2;
                all.add(point(w, (h + j) / 2, 14));
                hq.add(point(w, h, 9));
                japan.add(hidden ? suppressed(w) : point(w, j, 5));
                var g = new LinkedHashMap<String, Object>(Map.of("waveId", w.get("id"), "occurrenceDate", w.get("occurrenceDate"), "hq", h));
                if (hidden) {
                    g.put("suppressedReason", Map.of("code", "BELOW_K", "message", "suppressed: fewer than k responses"));
                } else {
                    g.put("japan", j);
                    g.put("gap", j - h);
                }
                gap.add(g);
            }
            signs.add(Map.of("sign", SIGNS[s], "series", List.of(
                            Map.of("segment", "ALL", "points", all),
                            Map.of("segment", "side:HQ", "side", "HQ", "points", hq),
                            Map.of("segment", "side:JAPAN", "side", "JAPAN", "points", japan)),
                    "gaps", List.of(Map.of("segment", "ALL", "points", gap))));
        }
        return Map.of("anonymityThreshold", 5, "signs", signs);
    }

    private static Map<String, Object> point(Map<String, Object> wave, double value, int n) {
        return Map.of("waveId", wave.get("id"), "occurrenceDate", wave.get("occurrenceDate"), "value", value, "n", n);
    }

    private static Map<String, Object> suppressed(Map<String, Object> wave) {
        return Map.of("waveId", wave.get("id"), "occurrenceDate", wave.get("occurrenceDate"),
                "suppressedReason", Map.of("code", "BELOW_K", "message", "suppressed: fewer than k responses"));
    }

    private static Map<String, Object> withheld(Map<String, Object> wave) {
        return Map.of("waveId", wave.get("id"), "occurrenceDate", wave.get("occurrenceDate"), "suppressedReason", OPEN);
    }

    private static final Map<String, Object> OPEN = Map.of("code", "WAVE_OPEN",
            "message", "withheld while the wave is open: results appear when it closes");

    Map<String, Object> wave(Map<String, Object> wave) {
        var below = Map.of("code", "BELOW_K", "message", "suppressed: fewer than k responses");
        var insight = new LinkedHashMap<String, Object>();
        insight.put("waveId", wave.get("id"));
        insight.put("occurrenceDate", wave.get("occurrenceDate"));
        insight.put("status", wave.get("status"));
        insight.put("closesAt", wave.get("closesAt"));
        insight.put("anonymityThreshold", 5);
        insight.put("scores", List.of());
        insight.put("dimensions", List.of());
        insight.put("gaps", List.of());
        insight.put("reliability", List.of());
        if ("OPEN".equals(wave.get("status"))) {
            insight.put("silence", List.of(
                    Map.of("side", "HQ", "invited", 10, "responses", 9, "nonResponseRate", 0.1, "suppressedReason", OPEN),
                    Map.of("side", "JAPAN", "invited", 10, "responses", 5, "nonResponseRate", 0.5, "suppressedReason", OPEN)));
            insight.put("comments", List.of(Map.of("side", "HQ", "suppressedReason", OPEN),
                    Map.of("side", "JAPAN", "suppressedReason", OPEN)));
            return insight;
        }
        insight.put("silence", List.of(
                Map.of("side", "HQ", "invited", 10, "responses", 9, "nonResponseRate", 0.1, "neutralShare", 0.2,
                        "comments", 3, "commentRate", 0.33, "medianDelay", "UNDER_1D",
                        "carefulWording", Map.of("lexiconVersion", "wording-lexicon-v3", "commentThreshold", 10,
                                "suppressedReason", Map.of("code", "BELOW_COMMENT_THRESHOLD",
                                        "message", "suppressed: fewer comments than the comment threshold"))),
                Map.of("side", "JAPAN", "invited", 10, "responses", 3, "nonResponseRate", 0.7, "suppressedReason", below)));
        insight.put("comments", List.of(
                Map.of("side", "HQ", "comments", List.of(
                        Map.of("text", "Tokyo hears about decisions after they are made.", "language", "en"),
                        Map.of("text", "本社の方針転換の理由が現場に伝わっていません。", "language", "ja"))),
                Map.of("side", "JAPAN", "suppressedReason", below)));
        return insight;
    }
}
