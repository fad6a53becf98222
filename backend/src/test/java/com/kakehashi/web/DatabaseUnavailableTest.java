package com.kakehashi.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast part of the PostgreSQL-restart drill (infra/drills/pg-restart.sh): with the database out
 * of reach (the pool points at a loopback port nobody listens on, never the shared cluster), a
 * request that needs it is answered 503 with Retry-After once the pool's connection timeout has
 * passed: problem+json on the API and at login, the bilingual page on a survey link. Before, the
 * same requests waited Hikari's 30 s and answered 500. The client gives up after 20 s, so a hang
 * fails the test instead of stalling it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseUnavailableTest {

    private static final Duration CLIENT_LIMIT = Duration.ofSeconds(20);

    private EmbeddedServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void startWithTheDatabaseGone() throws IOException {
        String dead = "jdbc:postgresql://127.0.0.1:" + unusedPort() + "/gone?stringtype=unspecified";
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "datasources.default.url", dead,
                "datasources.default.connection-timeout", 1000,
                // The pool must come up without a database, as it would if PostgreSQL left after start-up.
                "datasources.default.initialization-fail-timeout", -1,
                "datasources.owner.enabled", false,
                "liquibase.datasources.owner.enabled", false,
                "kakehashi.scheduler.enabled", false), "test");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void loginWithoutTheDatabaseIsA503ProblemWithRetryAfterNotA500() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"someone@example.com\",\"password\":\"long-enough-pw\"}")));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body()).contains("\"status\":503").contains("database-unavailable")
                .doesNotContain("Exception").doesNotContain("5432").doesNotContain("jdbc");
    }

    @Test
    void aSurveyLinkWithoutTheDatabaseShowsTheBilingualTryAgainPage() throws Exception {
        HttpResponse<String> visit = send(HttpRequest.newBuilder(uri("/s/some-token-of-a-respondent")).GET());
        HttpResponse<String> submit = send(HttpRequest.newBuilder(uri("/s/some-token-of-a-respondent"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("q_A1=3")));

        for (HttpResponse<String> response : java.util.List.of(visit, submit)) {
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.body()).contains("Temporarily unavailable").contains("ただいま混み合っています")
                    .doesNotContain("some-token-of-a-respondent");
        }
    }

    @Test
    void healthSaysDownWithoutWaitingLongerThanThePool() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/health")).GET());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("DOWN");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(CLIENT_LIMIT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
