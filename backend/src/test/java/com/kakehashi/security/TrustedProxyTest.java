package com.kakehashi.security;

import com.kakehashi.identity.UserView;
import com.kakehashi.support.Fixtures;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client address behind proxies (web.ClientAddress). Here 127.0.0.1 is the one trusted proxy:
 * requests from it are read by their X-Forwarded-For, right to left; any other peer is the client,
 * whatever it writes in that header. Login allows 20 failures per address; /s/ 3 requests a minute.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@Property(name = "kakehashi.security.trusted-proxies", value = "127.0.0.1/32, 10.9.0.0/16")
@Property(name = "kakehashi.respond.requests-per-minute", value = "3")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustedProxyTest {

    private static final String WRONG = "not the password at all";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;
    @Value("${datasources.default.url}")
    String databaseUrl;

    HttpClient proxy;
    HttpClient untrusted;

    @BeforeAll
    void clients() throws IOException, SQLException {
        proxy = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.1")).build();
        untrusted = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.1.7")).build();
        try (Connection connection = DriverManager.getConnection(databaseUrl, "kakehashi_app", "kakehashi_app")) {
            connection.createStatement().executeUpdate("DELETE FROM login_throttle");
        }
    }

    private int login(HttpClient from, String email, String password, String forwardedFor) throws Exception {
        String body = json.writeValueAsString(Map.of("username", email, "password", password));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/login"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return from.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private int page(HttpClient from, String forwardedFor) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/s/no-such-token"))
                .header("X-Forwarded-For", forwardedFor).GET().build();
        return from.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String nobody() {
        return "nobody-" + UUID.randomUUID() + "@test.example";
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() throws Exception {
        UserView user = fixtures.operator();
        // The client writes whatever it likes on the left; the proxies append what they saw.
        for (int i = 0; i < 20; i++) {
            assertThat(login(proxy, nobody(), WRONG, "192.0.2." + i + ", 198.51.100.20, 10.9.3.4")).isEqualTo(401);
        }

        assertThat(login(proxy, user.email(), Fixtures.PASSWORD, "192.0.2.250, 198.51.100.20, 10.9.3.4")).isEqualTo(429);
        assertThat(login(proxy, user.email(), Fixtures.PASSWORD, "198.51.100.21")).isEqualTo(200);
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(login(untrusted, nobody(), WRONG, "203.0.113." + i)).isEqualTo(401);
        }

        assertThat(login(untrusted, nobody(), WRONG, "203.0.113.77")).isEqualTo(429);
    }

    @Test
    void respondentLimitCountsTheRightMostUntrustedHopNotTheRotatedOnes() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(page(proxy, "192.0.2." + i + ", 198.51.100.30")).isEqualTo(404);
        }
        assertThat(page(proxy, "192.0.2.99, 198.51.100.30")).isEqualTo(429);
        assertThat(page(proxy, "198.51.100.31")).isEqualTo(404);
    }

    @Test
    void respondentLimitIgnoresXForwardedForFromAnUntrustedPeer() throws Exception {
        HttpClient other = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.1.8")).build();
        for (int i = 0; i < 3; i++) {
            assertThat(page(other, "203.0.113." + i)).isEqualTo(404);
        }

        assertThat(page(other, "203.0.113.99")).isEqualTo(429);
    }
}
