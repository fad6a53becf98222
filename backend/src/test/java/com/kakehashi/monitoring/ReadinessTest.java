package com.kakehashi.monitoring;

import com.kakehashi.support.TcpProxy;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the probes see when the database goes away under a running replica, and comes back: the
 * app reaches PostgreSQL through a relay the test cuts (the shared server is never touched).
 * Readiness (the Service's probe) turns 503 so traffic goes elsewhere; liveness stays 200 so
 * Kubernetes does not restart every pod for a database outage; both recover by themselves.
 */
class ReadinessTest {

    private static final String DATABASE = System.getenv().getOrDefault("KAKEHASHI_TEST_DB", "kakehashi_test");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void readinessFailsWhileTheDatabaseIsGoneAndRecoversWhileLivenessNeverDependsOnIt() throws Exception {
        try (TcpProxy database = new TcpProxy(5432);
             EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                     "micronaut.server.port", -1,
                     "datasources.default.url", "jdbc:postgresql://127.0.0.1:" + database.port() + "/" + DATABASE
                             + "?stringtype=unspecified&logServerErrorDetail=false",
                     // Fail a borrow in a second, not Hikari's default 30 s: a probe has 3 s.
                     "datasources.default.connection-timeout", 1000,
                     "kakehashi.scheduler.enabled", false), "test")) {
            assertThat(status(server, "/health/readiness")).isEqualTo(200);
            assertThat(status(server, "/health/liveness")).isEqualTo(200);

            database.cut();

            assertThat(status(server, "/health/readiness")).as("readiness with the database gone").isEqualTo(503);
            assertThat(status(server, "/health")).isEqualTo(503);
            assertThat(status(server, "/health/liveness")).as("liveness with the database gone").isEqualTo(200);

            database.restore();

            // A pooled connection the cut broke may fail one more borrow before the pool replaces it:
            // "recovers by itself" means within a few probe periods, not on the very next probe.
            int ready = 0;
            for (long until = System.nanoTime() + Duration.ofSeconds(20).toNanos(); ready != 200 && System.nanoTime() < until; ) {
                ready = status(server, "/health/readiness");
                if (ready != 200) {
                    Thread.sleep(250);
                }
            }
            assertThat(ready).as("readiness once the database is back").isEqualTo(200);
            assertThat(status(server, "/health/liveness")).isEqualTo(200);
        }
    }

    private int status(EmbeddedServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
