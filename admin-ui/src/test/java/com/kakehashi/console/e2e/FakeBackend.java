package com.kakehashi.console.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A stand-in for the backend's REST API with the demo data, for browser tests of the console alone and for
 * screenshots. It follows the API contract loosely (no validation beyond the CSV's required columns); the real
 * contract is covered by the generated client and {@code ConsoleAgainstBackendIT}.
 */
final class FakeBackend implements AutoCloseable {

    static final String PASSWORD = "kakehashi-demo";
    private static final Pattern TENANT_PATH = Pattern.compile("/api/v1/tenants/([0-9a-f-]{36})(/.*)?");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, Map<String, Object>> tenants = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> usersByEmail = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> participants = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> engagements = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> schedules = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> waves = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> alerts = new LinkedHashMap<>();
    /** The query string of every trends request, in order: what the dashboard's filters asked for. */
    final List<String> trendQueries = new CopyOnWriteArrayList<>();
    /** The X-Forwarded-For of every login the console forwarded, in order. */
    final List<String> loginForwardedFor = new CopyOnWriteArrayList<>();
    private final FakeInsights insights = new FakeInsights();
    /** Users whose token the backend no longer accepts, as when it expired; their next login issues a good one. */
    private final java.util.Set<String> expiredLogins = java.util.concurrent.ConcurrentHashMap.newKeySet();

    FakeBackend() throws IOException {
        var northwind = tenant("Northwind Industries", "US", "America/Chicago", "ノースウィンド・ジャパン株式会社");
        var contoso = tenant("Contoso Medical", "DE", "Europe/Berlin", "コントソ・メディカル合同会社");
        user("operator@kakehashi.example", "Olivia Operator", "OPERATOR");
        user("consultant@kakehashi.example", "佐藤 健二", "CONSULTANT", northwind, contoso);
        user("exec@northwind.example", "Nora Northwind", "EXECUTIVE", northwind);
        user("exec@contoso.example", "Carl Contoso", "EXECUTIVE", contoso);
        participant(northwind, "john.miller@northwind.example", "John Miller", "HQ", "EXECUTIVE", "en", "America/Chicago", "Strategy");
        participant(northwind, "tanaka.yuki@northwind.example", "田中 由紀", "JAPAN", "MIDDLE_MANAGER", "ja", "Asia/Tokyo", "営業本部");
        participant(northwind, "suzuki.ren@northwind.example", "鈴木 蓮", "JAPAN", "STAFF", "ja", "Asia/Tokyo", "マーケティング部");
        participant(contoso, "anna.schmidt@contoso.example", "Anna Schmidt", "HQ", "EXECUTIVE", "en", "Europe/Berlin", "Board");
        participant(contoso, "ito.mai@contoso.example", "伊藤 舞", "JAPAN", "STAFF", "ja", "Asia/Tokyo", "薬事部");
        engagement(northwind, "Alignment diagnostic 2027", "Measure the HQ–Japan perception gap before the FY27 plan", "ACTIVE");
        insights.history(northwind, engagements.get(northwind).getFirst().get("id").toString(), schedules, waves, alerts);

        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on every call with this user's token is answered 401, until they sign in again. */
    void expireLogin(String email) {
        expiredLogins.add(email);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var path = exchange.getRequestURI().getPath();
            var method = exchange.getRequestMethod();
            if (path.equals("/login") && method.equals("POST")) {
                loginForwardedFor.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-For")));
                var body = json.readValue(exchange.getRequestBody(), Map.class);
                var user = usersByEmail.get(String.valueOf(body.get("username")));
                if (user == null || !PASSWORD.equals(body.get("password"))) {
                    problem(exchange, 401, "Unauthorized", "Email or password is incorrect");
                    return;
                }
                expiredLogins.remove(user.get("email").toString());
                send(exchange, 200, Map.of("accessToken", "token:" + user.get("email"), "tokenType", "Bearer", "expiresIn", 3600));
                return;
            }
            var auth = exchange.getRequestHeaders().getFirst("Authorization");
            var caller = auth == null ? null : usersByEmail.get(auth.replace("Bearer token:", ""));
            if (caller == null || expiredLogins.contains(caller.get("email").toString())) {
                problem(exchange, 401, "Unauthorized", null);
                return;
            }
            route(exchange, caller, method, path);
        }
    }

    @SuppressWarnings("unchecked")
    private void route(HttpExchange exchange, Map<String, Object> caller, String method, String path) throws IOException {
        var visible = (List<String>) caller.get("tenantIds");
        var operator = "OPERATOR".equals(caller.get("role"));
        if (path.equals("/api/v1/me")) {
            var refs = tenants.values().stream().filter(t -> operator || visible.contains(t.get("id")))
                    .map(t -> Map.of("id", t.get("id"), "name", t.get("name"))).toList();
            send(exchange, 200, Map.of("id", caller.get("id"), "email", caller.get("email"),
                    "displayName", caller.get("displayName"), "role", caller.get("role"), "tenants", refs));
        } else if (path.equals("/api/v1/portfolio")) {
            send(exchange, 200, tenants.values().stream().filter(t -> operator || visible.contains(t.get("id")))
                    .map(FakeBackend::portfolioSummary)
                    .sorted(java.util.Comparator.comparing(m -> -((Number) ((Map<?, ?>) m.get("attention")).get("score")).intValue()))
                    .toList());
        } else if (path.equals("/api/v1/tenants") && method.equals("POST") && operator) {
            createTenant(exchange);
        } else if (path.equals("/api/v1/tenants")) {
            send(exchange, 200, tenants.values().stream().filter(t -> operator || visible.contains(t.get("id"))).toList());
        } else if (path.equals("/api/v1/users") && operator) {
            send(exchange, 200, List.copyOf(usersByEmail.values()));
        } else if (TENANT_PATH.matcher(path).matches()) {
            var m = TENANT_PATH.matcher(path);
            m.matches();
            var tenantId = m.group(1);
            var rest = m.group(2) == null ? "" : m.group(2);
            if (!tenants.containsKey(tenantId) || !(operator || visible.contains(tenantId))) {
                problem(exchange, 404, "Not Found", "No such tenant");
                return;
            }
            if (rest.startsWith("/insights/waves/")) {
                var wave = waves.getOrDefault(tenantId, List.of()).stream()
                        .filter(w -> rest.endsWith("/" + w.get("id"))).findFirst();
                if (wave.isPresent()) {
                    send(exchange, 200, insights.wave(wave.get()));
                } else {
                    problem(exchange, 404, "Not Found", "No such wave");
                }
                return;
            }
            if (rest.startsWith("/alerts/") && method.equals("POST")) {
                if (!operator && !"CONSULTANT".equals(caller.get("role"))) {
                    problem(exchange, 403, "Forbidden", null);
                    return;
                }
                var parts = rest.split("/"); // "", "alerts", id, action
                var alert = alerts.get(parts[2]);
                if (alert == null || !tenantId.equals(alert.get("tenantId"))) {
                    problem(exchange, 404, "Not Found", "No such alert");
                    return;
                }
                switch (parts[3]) {
                    case "acknowledge" -> alert.put("status", "ACKNOWLEDGED");
                    case "resolve" -> alert.put("status", "RESOLVED");
                    default -> {
                        var body = json.readValue(exchange.getRequestBody(), Map.class);
                        ((List<Object>) alert.get("notes")).add(Map.of("id", UUID.randomUUID().toString(),
                                "author", caller.get("displayName"), "text", body.get("text"),
                                "createdAt", OffsetDateTime.now().toString()));
                    }
                }
                send(exchange, parts[3].equals("notes") ? 201 : 200, alert);
                return;
            }
            if (rest.matches("/engagements/[0-9a-f-]{36}/events")) {
                String engagementId = rest.split("/")[2];
                var events = engagements.get(tenantId).stream().filter(e -> engagementId.equals(e.get("id")))
                        .map(e -> Map.of("engagementId", engagementId, "occurredOn", e.get("startDate"),
                                "kind", "ENGAGEMENT_START", "labelEn", "Engagement starts", "labelJa", "プロジェクト開始",
                                "derived", true)).toList();
                send(exchange, 200, events);
                return;
            }
            switch (rest) {
                case "" -> send(exchange, 200, tenants.get(tenantId));
                case "/participants" -> send(exchange, 200, page(participants.get(tenantId)));
                case "/participants/import" -> send(exchange, 200, importCsv(tenantId, exchange.getRequestBody().readAllBytes()));
                case "/engagements" -> send(exchange, 200, engagements.get(tenantId));
                case "/members" -> send(exchange, 200, usersByEmail.values().stream()
                        .filter(u -> ((List<String>) u.get("tenantIds")).contains(tenantId))
                        .map(u -> Map.of("userId", u.get("id"), "email", u.get("email"),
                                "displayName", u.get("displayName"), "role", u.get("role"))).toList());
                case "/schedules" -> send(exchange, 200, schedules.getOrDefault(tenantId, List.of()));
                case "/waves" -> send(exchange, 200, waves.getOrDefault(tenantId, List.of()));
                case "/outbox", "/instruments", "/initiatives", "/decisions" -> send(exchange, 200, List.of());
                case "/decisions/cycle-times" -> {
                    var none = Map.of("n", 0, "enough", false, "reason", "NOT_ENOUGH_DECISIONS");
                    var group = Map.of("decisions", 0, "proposalToApproval", none, "approvalToExecutionStart", none,
                            "proposalToExecutionStart", none);
                    send(exchange, 200, Map.of("minimumDecisions", 5, "consultedBeforeProposal", group,
                            "notConsultedBeforeProposal", group));
                }
                case "/objective-signals" -> send(exchange, 200, Map.of("lateMilestones", 0, "approvedDecisions", 0,
                        "consultedBeforeApproval", 0));
                case "/insights/trends" -> {
                    trendQueries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
                    send(exchange, 200, insights.trends(waves.getOrDefault(tenantId, List.of())));
                }
                case "/insights/themes" -> {
                    // One wave asked for: Japan below the comment threshold, HQ with a few terms.
                    String query = String.valueOf(exchange.getRequestURI().getRawQuery());
                    String waveId = query.replaceAll(".*waveId=([0-9a-f-]+).*", "$1");
                    var hidden = Map.of("code", "BELOW_COMMENT_THRESHOLD", "message", "suppressed: fewer comments than the comment threshold");
                    var hq = Map.of("side", "HQ", "comments", 12, "terms", List.of(
                            Map.of("term", "decision", "language", "en", "comments", 5, "english", "decision", "japanese", "決定",
                                    "signs", List.of("EXCLUSION")),
                            Map.of("term", "tokyo", "language", "en", "comments", 3, "english", "tokyo", "japanese", "東京",
                                    "signs", List.of())));
                    send(exchange, 200, Map.of("lexiconVersion", "themes-v1", "commentThreshold", 10, "minimumMentions", 3,
                            "top", 10, "waves", List.of(Map.of("waveId", waveId, "occurrenceDate", "2026-10-01", "status", "CLOSED",
                                    "sides", List.of(hq, Map.of("side", "JAPAN", "terms", List.of(), "suppressedReason", hidden))))));
                }
                case "/insights/drivers" -> {
                    // Too few respondents on either side, as a young tenant would be.
                    var refused = new java.util.ArrayList<Map<String, Object>>();
                    for (String side : List.of("HQ", "JAPAN")) {
                        refused.add(Map.of("side", side, "n", 0, "waves", 0, "wavesBelowK", 0, "incomplete", 0,
                                "drivers", List.of(), "refusedReason", "BELOW_MINIMUM_N",
                                "refusedMessage", "fewer than 30 complete responses"));
                    }
                    send(exchange, 200, Map.of("k", 5, "minimumN", 30, "resamples", 1000, "sides", refused));
                }
                case "/alerts" -> send(exchange, 200, alerts.values().stream().filter(a -> tenantId.equals(a.get("tenantId"))).toList());
                case "/audit" -> send(exchange, 200, Map.of("items", List.of(Map.of("id", UUID.randomUUID().toString(),
                        "at", OffsetDateTime.now().toString(), "actorEmail", "consultant@kakehashi.example",
                        "action", "PARTICIPANT_IMPORTED", "objectType", "PARTICIPANT")), "page", 0, "size", 50, "total", 1));
                default -> {
                    System.err.println("FakeBackend: no route for " + method + " " + rest);
                    problem(exchange, 404, "Not Found", null);
                }
            }
        } else {
            problem(exchange, 404, "Not Found", null);
        }
    }

    /** Refuses as the backend does: a blank name field by field (400), a name taken as a conflict (409). */
    private void createTenant(HttpExchange exchange) throws IOException {
        var body = json.readValue(exchange.getRequestBody(), Map.class);
        var name = body.get("name") == null ? "" : body.get("name").toString().strip();
        if (name.isEmpty()) {
            problem(exchange, 400, "Bad Request", "The request has invalid fields.",
                    List.of(Map.of("field", "create.body.name", "message", "must not be blank")));
        } else if (tenants.values().stream().anyMatch(t -> name.equalsIgnoreCase(t.get("name").toString()))) {
            problem(exchange, 409, "Conflict", "A tenant with this name already exists.");
        } else {
            var id = tenant(name, String.valueOf(body.get("hqCountry")), String.valueOf(body.get("hqTimeZone")),
                    String.valueOf(body.get("japanSubsidiaryName")));
            send(exchange, 201, tenants.get(id));
        }
    }

    private Map<String, Object> page(List<Map<String, Object>> items) {
        return Map.of("items", items, "page", 0, "size", 50, "total", items.size());
    }

    /** Header line (email,name,side,level,language[,time_zone,department] as the backend reads it), UTF-8 only here. */
    private Map<String, Object> importCsv(String tenantId, byte[] body) {
        var lines = new String(body, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r?\n");
        int created = 0;
        var errors = new ArrayList<Map<String, Object>>();
        for (int i = 1; i < lines.length; i++) {
            var cells = lines[i].split(",", -1);
            if (lines[i].isBlank()) {
                continue;
            }
            if (cells.length < 5 || !List.of("HQ", "JAPAN", "REGIONAL").contains(cells[2])) {
                errors.add(Map.of("line", i + 1, "field", "side", "reason", "must be HQ, JAPAN or REGIONAL"));
                continue;
            }
            participant(tenantId, cells[0], cells[1], cells[2], cells[3], cells[4],
                    cells.length > 5 ? cells[5] : "Asia/Tokyo", cells.length > 6 ? cells[6] : null);
            created++;
        }
        return Map.of("created", created, "updated", 0, "unchanged", 0, "rejected", errors.size(), "errors", errors);
    }

    private String tenant(String name, String country, String zone, String japanName) {
        var id = UUID.randomUUID().toString();
        var now = OffsetDateTime.now().toString();
        tenants.put(id, Map.ofEntries(Map.entry("id", id), Map.entry("name", name), Map.entry("hqCountry", country),
                Map.entry("hqTimeZone", zone), Map.entry("japanSubsidiaryName", japanName), Map.entry("anonymityThreshold", 5),
                Map.entry("commentThreshold", 10), Map.entry("tokenLinkRetentionDays", 30), Map.entry("commentRetentionMonths", 24),
                Map.entry("auditRetentionDays", 730), Map.entry("createdAt", now), Map.entry("updatedAt", now)));
        participants.put(id, new CopyOnWriteArrayList<>());
        engagements.put(id, new CopyOnWriteArrayList<>());
        return id;
    }

    private void user(String email, String name, String role, String... tenantIds) {
        usersByEmail.put(email, Map.of("id", UUID.randomUUID().toString(), "email", email, "displayName", name,
                "role", role, "active", true, "createdAt", OffsetDateTime.now().toString(), "tenantIds", List.of(tenantIds)));
    }

    private void participant(String tenantId, String email, String name, String side, String level, String language,
                             String zone, String department) {
        var p = new LinkedHashMap<String, Object>();
        p.put("id", UUID.randomUUID().toString());
        p.put("email", email);
        p.put("displayName", name);
        p.put("side", side);
        p.put("level", level);
        p.put("language", language);
        p.put("timeZone", zone);
        p.put("department", department);
        p.put("active", true);
        p.put("createdAt", OffsetDateTime.now().toString());
        p.put("updatedAt", OffsetDateTime.now().toString());
        participants.get(tenantId).add(p);
    }

    private void engagement(String tenantId, String name, String goals, String status) {
        engagements.get(tenantId).add(Map.of("id", UUID.randomUUID().toString(), "name", name, "goals", goals,
                "startDate", "2027-01-11", "endDate", "2027-06-30", "status", status,
                "consultantIds", List.of(usersByEmail.get("consultant@kakehashi.example").get("id")),
                "createdAt", OffsetDateTime.now().toString(), "updatedAt", OffsetDateTime.now().toString()));
    }

    private void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        problem(exchange, status, title, detail, List.of());
    }

    private void problem(HttpExchange exchange, int status, String title, String detail,
                         List<Map<String, String>> errors) throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("errors", errors);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        write(exchange, status, json.writeValueAsBytes(body));
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        write(exchange, status, json.writeValueAsBytes(body));
    }

    private static void write(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Northwind has a story (worsening silent dissent in Japan, one hidden value); the others no closed wave yet. */
    private static Map<String, Object> portfolioSummary(Map<String, Object> tenant) {
        var summary = new java.util.HashMap<String, Object>();
        summary.put("tenantId", tenant.get("id"));
        summary.put("name", tenant.get("name"));
        summary.put("anonymityThreshold", 5);
        if (!"Northwind Industries".equals(tenant.get("name"))) {
            summary.put("signs", List.of());
            summary.put("openAlerts", Map.of("total", 0, "high", 0, "medium", 0));
            summary.put("attention", Map.of("score", 0, "reasons", List.of(Map.of("code", "NO_CLOSED_WAVE",
                    "message", "no closed wave yet", "points", 0))));
            return summary;
        }
        var hidden = Map.of("code", "BELOW_K", "message", "suppressed: fewer than k responses");
        summary.put("latestWave", Map.of("waveId", UUID.randomUUID().toString(), "occurrenceDate", "2026-11-09",
                "previousOccurrenceDate", "2026-10-26", "sides", List.of(
                        Map.of("side", "HQ", "invited", 24, "responses", 12, "responseRate", 0.5),
                        Map.of("side", "JAPAN", "invited", 24, "responses", 7, "responseRate", 0.29)),
                "invited", 48, "responses", 19, "responseRate", 0.4));
        summary.put("signs", List.of(
                Map.of("sign", "SILENT_DISSENT", "side", "HQ", "value", 40.0, "previous", 38.0, "trend", "FLAT"),
                Map.of("sign", "SILENT_DISSENT", "side", "JAPAN", "value", 72.5, "previous", 55.0, "trend", "UP"),
                Map.of("sign", "EXCLUSION", "side", "HQ", "value", 35.0, "previous", 45.0, "trend", "DOWN"),
                Map.of("sign", "EXCLUSION", "side", "JAPAN", "suppressedReason", hidden, "trendUnavailable",
                        Map.of("code", "LATEST_HIDDEN", "message", "latest value hidden"))));
        summary.put("widestGap", Map.of("sign", "SILENT_DISSENT", "hq", 40.0, "japan", 72.5, "gap", 32.5));
        summary.put("openAlerts", Map.of("total", 3, "high", 2, "medium", 1));
        summary.put("attention", Map.of("score", 75, "reasons", List.of(
                Map.of("code", "OPEN_ALERTS", "message", "3 open alerts, 2 high", "points", 50),
                Map.of("code", "LOW_RESPONSE_RATE", "message", "response rate 40%", "points", 10),
                Map.of("code", "WORSENING", "message", "1 sign values worse than the wave before", "points", 5))));
        return summary;
    }
}
