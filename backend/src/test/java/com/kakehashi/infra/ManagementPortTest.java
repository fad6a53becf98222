package com.kakehashi.infra;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the NetworkPolicy relies on: with KAKEHASHI_MANAGEMENT_PORT set, /health and /prometheus
 * answer only on that port and the API only on its own, so "only the monitoring namespace reaches
 * /prometheus" is a port rule a NetworkPolicy can express. Unset, everything shares one port (dev).
 * (Micronaut still answers the API's routes on the management port too; the NetworkPolicy admits
 * only Prometheus there and no Service or Ingress points at it.)
 */
class ManagementPortTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSeparateManagementPortTakesHealthAndMetricsOffTheApiPort() throws Exception {
        int management = freePort();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("micronaut.server.port", -1, "endpoints.all.port", management), "test")) {
            int api = server.getPort();
            assertThat(status(management, "/prometheus")).isEqualTo(200);
            assertThat(status(management, "/health/liveness")).isEqualTo(200);
            assertThat(status(management, "/health")).isEqualTo(200);
            assertThat(status(api, "/prometheus")).as("metrics on the API port").isEqualTo(404);
            assertThat(status(api, "/health")).as("health on the API port").isEqualTo(404);
            assertThat(status(api, "/s/assets/respond.css")).isEqualTo(200);
        }
    }

    @Test
    void withoutAManagementPortEverythingSharesTheApiPort() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("micronaut.server.port", -1), "test")) {
            assertThat(status(server.getPort(), "/prometheus")).isEqualTo(200);
            assertThat(status(server.getPort(), "/health")).isEqualTo(200);
        }
    }

    private int status(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
