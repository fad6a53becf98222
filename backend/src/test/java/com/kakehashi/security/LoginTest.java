package com.kakehashi.security;

import com.kakehashi.identity.UserView;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /login. Failed logins are also counted per client address, so every test logs in from its
 * own loopback address (127.0.0.x): the throttle it trips never reaches the other test classes.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
class LoginTest {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);
    private static final String WRONG = "not the password at all";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;

    @Value("${datasources.default.url}")
    String databaseUrl;

    HttpClient client;

    record Reply(int status, String body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    @BeforeEach
    void ownClientAddress() throws UnknownHostException {
        client = clientFrom("127.0.0." + NEXT_ADDRESS.getAndIncrement());
    }

    private static HttpClient clientFrom(String address) throws UnknownHostException {
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).build();
    }

    private Reply login(HttpClient from, String email, String password) {
        try {
            String body = json.writeValueAsString(Map.of("username", email, "password", password));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = from.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Reply login(String email, String password) {
        return login(client, email, password);
    }

    private Map<String, Object> map(Reply reply) throws IOException {
        return json.readValue(reply.body(), io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
    }

    private static String unknownEmail() {
        return "nobody-" + UUID.randomUUID() + "@test.example";
    }

    @Test
    void successfulLoginReturnsABearerTokenThatOpensTheApi() throws IOException {
        UserView user = fixtures.operator();

        Reply reply = login(user.email(), Fixtures.PASSWORD);

        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> body = map(reply);
        assertThat(body.get("accessToken")).asString().isNotBlank();
        assertThat(body.get("tokenType")).isEqualTo("Bearer");
        assertThat(((Number) body.get("expiresIn")).longValue()).isPositive();
        Api api = new Api(server.getURL(), json);
        assertThat(api.get("/api/v1/me", body.get("accessToken").toString()).field("email")).isEqualTo(user.email());
    }

    @Test
    void emailIsMatchedWhateverItsCase() {
        UserView user = fixtures.operator();

        assertThat(login(user.email().toUpperCase(), Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameProblem() {
        UserView user = fixtures.operator();

        Reply wrongPassword = login(user.email(), WRONG);
        Reply unknownEmail = login(unknownEmail(), WRONG);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
        assertThat(wrongPassword.body()).doesNotContain(user.email());
    }

    @Test
    void disabledUserCannotLogInAndGetsTheSameProblemAsAWrongPassword() throws SQLException {
        UserView user = fixtures.operator();
        Reply wrongPassword = login(user.email(), WRONG);
        disable(user);

        Reply disabled = login(user.email(), Fixtures.PASSWORD);

        assertThat(disabled.status()).isEqualTo(401);
        assertThat(disabled.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void unknownUserCannotLogIn() {
        assertThat(login(unknownEmail(), Fixtures.PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void afterFiveFailuresTheAccountIsLockedEvenForTheRightPassword() throws IOException {
        UserView user = fixtures.operator();
        for (int i = 0; i < 5; i++) {
            assertThat(login(user.email(), WRONG).status()).as("attempt %d", i + 1).isEqualTo(401);
        }

        Reply locked = login(user.email(), Fixtures.PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(map(locked).get("status")).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(locked.body()).doesNotContain("accessToken");
    }

    @Test
    void lockedAccountStaysLockedFromAnotherAddress() throws UnknownHostException {
        UserView user = fixtures.operator();
        for (int i = 0; i < 5; i++) {
            login(user.email(), WRONG);
        }

        Reply elsewhere = login(clientFrom("127.0." + NEXT_ADDRESS.get() + ".250"), user.email(), Fixtures.PASSWORD);

        assertThat(elsewhere.status()).isEqualTo(429);
    }

    @Test
    void lockOnOneAccountLeavesOtherAccountsFromTheSameAddressAlone() {
        UserView victim = fixtures.operator();
        UserView other = fixtures.operator();
        for (int i = 0; i < 5; i++) {
            login(victim.email(), WRONG);
        }

        assertThat(login(other.email(), Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void successfulLoginClearsEarlierFailuresOfTheAccount() {
        UserView user = fixtures.operator();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                login(user.email(), WRONG);
            }
            assertThat(login(user.email(), Fixtures.PASSWORD).status()).as("round %d", round).isEqualTo(200);
        }
    }

    @Test
    void manyFailuresFromOneAddressAcrossAccountsThrottleThatAddress() {
        UserView user = fixtures.operator();
        for (int i = 0; i < 20; i++) {
            assertThat(login(unknownEmail(), WRONG).status()).as("attempt %d", i + 1).isEqualTo(401);
        }

        Reply reply = login(user.email(), Fixtures.PASSWORD);

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.header("Retry-After")).isNotBlank();
    }

    /** A disabled account must lose access at once, not when its last token expires an hour later. */
    @Test
    void disabledOperatorsTokenIsNoLongerHonoured() throws SQLException {
        UserView user = fixtures.operator();
        Api api = new Api(server.getURL(), json);
        String token = api.login(user.email(), Fixtures.PASSWORD);
        disable(user);

        assertThat(api.get("/api/v1/users", token).status()).isIn(401, 403);
        assertThat(api.post("/api/v1/tenants", Map.of("name", "Ghost " + UUID.randomUUID(), "hqCountry", "DE",
                "hqTimeZone", "Europe/Berlin", "japanSubsidiaryName", "Ghost KK"), token).status()).isIn(401, 403);
    }

    private void disable(UserView user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "kakehashi_app", "kakehashi_app");
             PreparedStatement statement = connection.prepareStatement("UPDATE app_user SET active = false WHERE id = ?")) {
            statement.setObject(1, user.id());
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
