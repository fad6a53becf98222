package com.kakehashi.bench;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.invitation.InvitationTokens;
import com.kakehashi.schedule.ScheduleView;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.PulseFixtures;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.TenantView;
import com.kakehashi.wave.WaveService;
import com.kakehashi.wave.WaveView;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark 1: answered questionnaires per second through {@code POST /s/{token}} (real HTTP into
 * the embedded server, 32 concurrent clients on virtual threads, one distinct token each request),
 * against single-row {@code INSERT … ON CONFLICT DO NOTHING} transactions per second from 32 JDBC
 * clients on the same PostgreSQL. The per-address rate limit of /s/ is lifted (all clients share
 * 127.0.0.1); the connection pool has the production default of 10.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "kakehashi.respond.requests-per-minute", value = "100000000")
@Property(name = "datasources.default.maximum-pool-size", value = "10")
@Property(name = "logger.levels.com.kakehashi", value = "WARN")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionBenchmark {

    private static final String NAME = "submissions";
    private static final int CLIENTS = 32;
    private static final int WARMUP = 1500;
    private static final int MEASURED = 3000;
    private static final int ROUNDS = 2;
    private static final int BASELINE_PER_CLIENT = 600;

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    PulseFixtures pulse;
    @Inject
    WaveService waves;

    @Value("${datasources.default.url}")
    String url;

    @Test
    void submissionsPerSecondVersusPlainUpserts() throws Exception {
        Bench.machine(NAME, url);
        TenantView tenant = fixtures.tenant("Bench");
        UserView user = fixtures.memberOf(tenant, Role.CONSULTANT);
        Caller consultant = new Caller(user.id(), user.email(), Role.CONSULTANT);
        UUID version = pulse.surveyReady(tenant.id(), consultant, 0, 0);
        int needed = ROUNDS * (WARMUP + MEASURED) + 1;
        Bench.participants(url, tenant.id(), needed);
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.now().plusDays(30), List.of());
        WaveView wave = TenantContext.callAs(tenant.id(), () -> waves.launchNow(consultant, schedule.id()));
        List<String> tokens = mintTokens(tenant.id(), wave.id());
        assertThat(tokens).hasSize(needed);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        String base = server.getURL().toString() + "/s/";
        String form = form(http, base + tokens.getLast());

        try (Connection owner = Bench.owner(url); Statement statement = owner.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_upsert (id uuid PRIMARY KEY, wave_id uuid NOT NULL, value smallint NOT NULL)");
        }
        int next = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            submit(http, base, tokens.subList(next, next + WARMUP), form);
            next += WARMUP;
            Bench.Cpu assetCpu = Bench.Cpu.now();
            double assets = get(http, java.util.Collections.nCopies(MEASURED, base + "assets/respond.css"), 200);
            Bench.report(NAME, "round %d: component: GET /s/assets/respond.css (HTTP stack, no database) = %.0f/s (%s)",
                    round, assets, assetCpu.since(assetCpu));
            Bench.Cpu pageCpu = Bench.Cpu.now();
            double pages = get(http, tokens.subList(next, next + MEASURED).stream().map(t -> base + t).toList(), 200);
            Bench.report(NAME, "round %d: component: GET /s/{token} (token + invitation + instrument reads, form page) = %.0f/s (%s)",
                    round, pages, pageCpu.since(pageCpu));
            long before = responses(tenant.id());
            Bench.Cpu cpu = Bench.Cpu.now();
            long start = System.nanoTime();
            submit(http, base, tokens.subList(next, next + MEASURED), form);
            double seconds = (System.nanoTime() - start) / 1e9;
            String where = cpu.since(cpu);
            next += MEASURED;
            assertThat(responses(tenant.id()) - before).as("every measured submission stored once").isEqualTo(MEASURED);
            double submissions = MEASURED / seconds;
            Bench.report(NAME, "round %d: %d submissions in %.2f s = %.0f/s (%s)", round, MEASURED, seconds, submissions,
                    where);
            double lag = foldLag(tenant.id());
            Bench.report(NAME, "round %d: rollups caught up %.2f s after the last submission (all %d responses folded)",
                    round, lag, responses(tenant.id()));

            upserts(CLIENTS * 50, new String[1]); // warm-up
            String[] baseCpu = new String[1];
            double upserts = upserts(CLIENTS * BASELINE_PER_CLIENT, baseCpu);
            Bench.report(NAME, "round %d: baseline %d single-row INSERT ... ON CONFLICT DO NOTHING transactions = %.0f/s (%s)",
                    round, CLIENTS * BASELINE_PER_CLIENT, upserts, baseCpu[0]);
            Bench.report(NAME, "round %d: RATIO submissions/upserts = %.3f (target >= 0.5)", round, submissions / upserts);
        }
    }

    /** Tokens for every invitation of the wave, stored as the mail dispatcher stores them (hash only). */
    private List<String> mintTokens(UUID tenant, UUID wave) throws Exception {
        SecureRandom random = new SecureRandom();
        List<String> tokens = new ArrayList<>();
        try (Connection app = Bench.app(url, tenant)) {
            app.setAutoCommit(false);
            List<UUID> invitations = new ArrayList<>();
            try (PreparedStatement select = app.prepareStatement("SELECT id FROM invitation WHERE wave_id = ? ORDER BY id")) {
                select.setObject(1, wave);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        invitations.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            try (PreparedStatement insert = app.prepareStatement(
                    "INSERT INTO invitation_token (token_hash, tenant_id, invitation_id, expires_at) VALUES (?, ?, ?, ?)")) {
                Timestamp expires = Timestamp.from(Instant.now().plus(5, ChronoUnit.DAYS));
                for (UUID invitation : invitations) {
                    byte[] bytes = new byte[32];
                    random.nextBytes(bytes);
                    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                    tokens.add(token);
                    insert.setBytes(1, InvitationTokens.hash(token));
                    insert.setObject(2, tenant);
                    insert.setObject(3, invitation);
                    insert.setTimestamp(4, expires);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            app.commit();
        }
        return tokens;
    }

    /** The form a respondent sends: every question of the page answered "4". */
    private static String form(HttpClient http, String link) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        Set<String> questions = new LinkedHashSet<>();
        Matcher names = Pattern.compile("name=\"(q_[A-Z_0-9]+)\"").matcher(page.body());
        while (names.find()) {
            questions.add(names.group(1));
        }
        assertThat(questions).isNotEmpty();
        return "lang=ja&" + questions.stream().map(q -> q + "=4").collect(Collectors.joining("&"));
    }

    /** 32 virtual-thread clients POST until the tokens run out; every answer must be a 200 page. */
    private static void submit(HttpClient http, String base, List<String> tokens, String form) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < tokens.size(); i = next.getAndIncrement()) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + tokens.get(i)))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
        assertThat(failures.get()).as("non-200 answers").isZero();
    }

    /** 32 virtual-thread clients GET the links; @return requests per second */
    private static double get(HttpClient http, List<String> links, int status) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < links.size(); i = next.getAndIncrement()) {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(links.get(i))).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != status) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
        assertThat(failures.get()).as("unexpected statuses").isZero();
        return links.size() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Rollups are folded in the background (insight.RollupFolder): seconds until no response is
     * queued, then a check that the rollups count every stored response once. @return the lag
     */
    private double foldLag(UUID tenant) throws Exception {
        long start = System.nanoTime();
        try (Connection app = Bench.app(url, tenant)) {
            while (Bench.count(app, "SELECT count(*) FROM insight_pending") > 0) {
                assertThat(System.nanoTime() - start).as("rollups catch up within a minute").isLessThan(60_000_000_000L);
                Thread.sleep(10);
            }
            double lag = (System.nanoTime() - start) / 1e9;
            assertThat(Bench.count(app, "SELECT coalesce(sum(responses), 0) FROM insight_silence_rollup"))
                    .as("rollups count every stored response once").isEqualTo(Bench.count(app, "SELECT count(*) FROM response"));
            return lag;
        }
    }

    private long responses(UUID tenant) throws Exception {
        try (Connection app = Bench.app(url, tenant)) {
            return Bench.count(app, "SELECT count(*) FROM response");
        }
    }

    /** 32 JDBC clients, each its own connection in auto-commit: one single-row upsert per transaction. @return per second */
    private double upserts(int total, String[] cpuReport) throws Exception {
        AtomicInteger next = new AtomicInteger();
        UUID wave = UUID.randomUUID();
        List<Connection> connections = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                connections.add(Bench.owner(url));
            }
            long start;
            Bench.Cpu cpu = Bench.Cpu.now();
            try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
                List<Future<?>> running = new ArrayList<>();
                start = System.nanoTime();
                for (Connection connection : connections) {
                    running.add(clients.submit(() -> {
                        try (PreparedStatement upsert = connection.prepareStatement(
                                "INSERT INTO bench_upsert (id, wave_id, value) VALUES (?, ?, 4) ON CONFLICT DO NOTHING")) {
                            while (next.getAndIncrement() < total) {
                                upsert.setObject(1, UUID.randomUUID());
                                upsert.setObject(2, wave);
                                upsert.executeUpdate();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> client : running) {
                    client.get();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            cpuReport[0] = cpu.since(cpu); // before the connections close: /proc forgets ended backends
            try (Connection owner = Bench.owner(url)) {
                assertThat(Bench.count(owner, "SELECT count(*) FROM bench_upsert WHERE wave_id = ?", wave)).isEqualTo(total);
            }
            return total / seconds;
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }
}
