package com.kakehashi.monitoring;

import com.kakehashi.support.Scrape;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "scheduler" in /health follows the db-scheduler's own polls: UP while it polls, DEGRADED once it has
 * not polled within the stale limit (here: it polls once at start, then only every hour), and a stale
 * scheduler keeps the replica in service. Its heartbeat age and db-scheduler's own per-task meters are
 * in the scrape.
 */
class SchedulerHealthTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSchedulerThatKeepsPollingIsUpAndItsTaskMetersAreExported() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1, "endpoints.health.details-visible", "ANONYMOUS",
                "kakehashi.scheduler.polling-interval", "200ms", "kakehashi.scheduler.heartbeat-stale-after", "30s"), "test")) {
            Map<String, Object> scheduler = awaitScheduler(server, "UP");

            assertThat(scheduler.get("status")).isEqualTo("UP");
            Scrape scrape = Scrape.of(server.getURL());
            assertThat(scrape.value("kakehashi_scheduler_heartbeat_age_seconds")).isLessThan(30);
            assertThat(scrape.names()).contains("dbscheduler_task_completions_total", "kakehashi_scheduler_problems_total");
        }
    }

    @Test
    void aSchedulerThatStoppedPollingIsDegradedButTheReplicaStaysInService() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1, "endpoints.health.details-visible", "ANONYMOUS",
                "kakehashi.scheduler.polling-interval", "1h", "kakehashi.scheduler.heartbeat-stale-after", "1s"), "test")) {
            Map<String, Object> scheduler = awaitScheduler(server, "DEGRADED");

            assertThat(scheduler.get("status")).isEqualTo("DEGRADED");
            assertThat(status(server, "/health/readiness")).isEqualTo(200);
            assertThat(status(server, "/health/liveness")).isEqualTo(200);
        }
    }

    /** The scheduler's entry once it reports {@code wanted}, or the last one seen (bounded wait on a state, not a time). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitScheduler(EmbeddedServer server, String wanted) throws Exception {
        JsonMapper json = server.getApplicationContext().getBean(JsonMapper.class);
        Map<String, Object> scheduler = Map.of();
        for (int i = 0; i < 100; i++) {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Object> details = (Map<String, Object>) json.readValue(body, Map.class).get("details");
            scheduler = (Map<String, Object>) details.get("scheduler");
            if (scheduler != null && wanted.equals(scheduler.get("status"))) {
                return scheduler;
            }
            Thread.sleep(100);
        }
        return scheduler;
    }

    private int status(EmbeddedServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
