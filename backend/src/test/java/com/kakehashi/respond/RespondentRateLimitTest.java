package com.kakehashi.respond;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Its own application context: a limit of 3 requests a minute per client address. */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@Property(name = "kakehashi.respond.requests-per-minute", value = "3")
class RespondentRateLimitTest {

    @Inject
    EmbeddedServer server;
    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void clientOverTheLimitGetsAPoliteBilingualPageWithRetryAfter() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<HttpResponse<String>> replies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            replies.add(http.send(HttpRequest.newBuilder(server.getURI().resolve("/s/not-a-real-token-" + i)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }

        assertThat(replies.subList(0, 3)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(404));
        HttpResponse<String> limited = replies.get(3);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(limited.headers().firstValue("Retry-After")).contains("20");
        assertThat(limited.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(limited.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(limited.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(limited.body()).contains("しばらくお待ちください", "Please wait a moment");
        assertThat(replies.get(4).statusCode()).isEqualTo(429);
    }

    @Test
    void postsRefusedByTheLimitAreCountedAsRateLimitedSubmissions() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // The management port is a random one here: read the registry /prometheus exports.
        io.micrometer.core.instrument.Counter counter = meters.get("kakehashi.submissions.rejected").tag("reason", "rate_limited").counter();
        double before = counter.count();
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            HttpResponse<Void> reply = http.send(HttpRequest.newBuilder(server.getURI().resolve("/s/not-a-real-token-" + i))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("q_X=1")).build(), HttpResponse.BodyHandlers.discarding());
            limited += reply.statusCode() == 429 ? 1 : 0;
        }

        assertThat(limited).as("at most 3 a minute pass").isGreaterThanOrEqualTo(3);
        assertThat(counter.count() - before).isEqualTo(limited);
    }
}
