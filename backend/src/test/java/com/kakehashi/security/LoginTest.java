package com.kakehashi.security;

import com.kakehashi.identity.UserView;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.TestClock;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /login. Failed logins are also counted per client address, so every test logs in from its
 * own loopback addresses (127.0.0.x): the throttle it trips never reaches the other tests. Growing
 * delays are read from Retry-After with the application clock stopped and moved by hand.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@Property(name = "kakehashi.security.login.fresh-address-max-delay", value = "PT0.3S")
class LoginTest {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);
    private static final String WRONG = "not the password at all";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;

    @Value("${datasources.default.url}")
    String databaseUrl;

    HttpClient client;

    record Reply(int status, String body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private static boolean forgotten;

    /** The test database outlives a run, and so would the counts of this class's loopback addresses. */
    @BeforeEach
    void forgetEarlierRuns() throws SQLException {
        if (!forgotten) {
            try (Connection connection = DriverManager.getConnection(databaseUrl, "kakehashi_app", "kakehashi_app")) {
                connection.createStatement().executeUpdate("DELETE FROM login_throttle");
            }
            forgotten = true;
        }
    }

    @BeforeEach
    void ownClientAddress() throws UnknownHostException {
        client = clientFrom("127.0.0." + NEXT_ADDRESS.getAndIncrement());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static HttpClient clientFrom(String address) throws UnknownHostException {
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).build();
    }

    private Reply login(HttpClient from, String email, String password) {
        return login(from, email, password, null);
    }

    private Reply login(String email, String password, String forwardedFor) {
        return login(client, email, password, forwardedFor);
    }

    private Reply login(HttpClient from, String email, String password, String forwardedFor) {
        try {
            String body = json.writeValueAsString(Map.of("username", email, "password", password));
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/login"))
                    .header("Content-Type", "application/json");
            if (forwardedFor != null) {
                builder.header("X-Forwarded-For", forwardedFor);
            }
            HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(body)).build();
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

    /** One address guessing one account: a few free tries, then 1, 2, 4, 8, 16 s between tries. */
    @Test
    void delaysGrowAfterTheFreeFailuresOfAnAccountFromOneAddress() throws IOException {
        UserView user = fixtures.operator();
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(start);
        for (int i = 0; i < 3; i++) {
            assertThat(login(user.email(), WRONG).status()).as("free attempt %d", i + 1).isEqualTo(401);
        }
        List<Long> waits = new ArrayList<>();
        Instant now = start;
        for (int round = 0; round < 5; round++) {
            Reply early = login(user.email(), round == 0 ? Fixtures.PASSWORD : WRONG);
            assertThat(early.status()).as("round %d", round).isEqualTo(429);
            assertThat(early.header("Content-Type")).startsWith("application/problem+json");
            assertThat(map(early).get("status")).isEqualTo(429);
            assertThat(early.body()).doesNotContain("accessToken");
            long wait = Long.parseLong(early.header("Retry-After"));
            waits.add(wait);
            now = now.plusSeconds(wait);
            clock.set(now);
            assertThat(login(user.email(), WRONG).status()).as("after waiting, round %d", round).isEqualTo(401);
        }

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L);
    }

    /**
     * The old lock let anyone shut the operator out with five wrong passwords. Now failures from
     * elsewhere only hold the owner's fresh address back briefly (here at most 300 ms), while the
     * guessing addresses wait minutes.
     */
    @Test
    void anAttackerCannotLockTheOwnerOut() throws UnknownHostException {
        UserView owner = fixtures.operator();
        HttpClient lastAttacker = null;
        for (int a = 0; a < 4; a++) {
            lastAttacker = clientFrom("127.0.0." + NEXT_ADDRESS.getAndIncrement());
            for (int i = 0; i < 3; i++) {
                assertThat(login(lastAttacker, owner.email(), WRONG).status()).isEqualTo(401);
            }
        }
        Reply attackerWithTheRightPassword = login(lastAttacker, owner.email(), Fixtures.PASSWORD);

        long started = System.nanoTime();
        Reply ownerFromAFreshAddress = login(owner.email(), Fixtures.PASSWORD);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(attackerWithTheRightPassword.status()).isEqualTo(429);
        assertThat(Long.parseLong(attackerWithTheRightPassword.header("Retry-After"))).isGreaterThan(60);
        assertThat(ownerFromAFreshAddress.status()).isEqualTo(200);
        assertThat(tookMillis).isLessThan(3_000);
    }

    @Test
    void theAccountsDelayNeverExceedsTheCap() throws UnknownHostException {
        UserView user = fixtures.operator();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
        for (int a = 0; a < 12; a++) {
            HttpClient from = clientFrom("127.0.0." + NEXT_ADDRESS.getAndIncrement());
            for (int i = 0; i < 3; i++) {
                login(from, user.email(), WRONG);
            }
        }

        Reply refused = login(user.email(), WRONG);
        login(user.email(), WRONG);
        login(user.email(), WRONG);
        Reply afterMore = login(user.email(), WRONG);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(afterMore.status()).isEqualTo(429);
        assertThat(Long.parseLong(afterMore.header("Retry-After"))).isEqualTo(15 * 60L);
    }

    @Test
    void lockOnOneAccountLeavesOtherAccountsFromTheSameAddressAlone() {
        UserView victim = fixtures.operator();
        UserView other = fixtures.operator();
        for (int i = 0; i < 5; i++) {
            login(victim.email(), WRONG);
        }

        assertThat(login(victim.email(), WRONG).status()).isEqualTo(429);
        assertThat(login(other.email(), Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void successfulLoginForgivesTheAddressItsOwnFailures() {
        UserView user = fixtures.operator();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 2; i++) {
                assertThat(login(user.email(), WRONG).status()).isEqualTo(401);
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

    /** No proxy is trusted here: a client that rotates X-Forwarded-For is still counted by its own address. */
    @Test
    void rotatingXForwardedForFromAnUntrustedPeerDoesNotEscapeTheLimits() {
        UserView user = fixtures.operator();
        for (int i = 0; i < 3; i++) {
            assertThat(login(user.email(), WRONG, "198.51.100." + i).status()).isEqualTo(401);
        }
        assertThat(login(user.email(), WRONG, "198.51.100.99").status()).isEqualTo(429);
        for (int i = 0; i < 17; i++) {
            assertThat(login(unknownEmail(), WRONG, "203.0.113." + i).status()).isEqualTo(401);
        }

        assertThat(login(unknownEmail(), WRONG, "203.0.113.200").status()).isEqualTo(429);
    }

    /** bcrypt reads only 72 bytes, and the library refuses more: once a 500, now a plain wrong password. */
    @Test
    void aPasswordLongerThanBcryptReadsIsAnsweredAsAWrongPassword() {
        UserView user = fixtures.operator();
        Reply wrong = login(user.email(), WRONG);

        Reply tooLong = login(user.email(), Fixtures.PASSWORD + "x".repeat(60));

        assertThat(tooLong.status()).isEqualTo(401);
        assertThat(tooLong.body()).isEqualTo(wrong.body());
    }

    @Test
    void creatingAUserWithAPasswordOver72BytesIsRefusedNamingTheField() {
        UserView operator = fixtures.operator();
        Api api = new Api(server.getURL(), json);
        String token = api.login(operator.email(), Fixtures.PASSWORD);
        String japanese = "架け橋のパスワードはとても長いです架け橋のパスワードは長い"; // 28 characters, 84 bytes

        Api.Reply reply = api.post("/api/v1/users", Map.of("email", "long-" + UUID.randomUUID() + "@test.example",
                "displayName", "Long", "role", "CONSULTANT", "password", japanese), token);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"field\":\"password\"", "72 bytes");
    }

    /** A role taken away must take effect at once, not when the token expires. */
    @Test
    void aDemotedOperatorsTokenLosesTheOperatorsAccessAtOnce() throws SQLException {
        UserView user = fixtures.operator();
        Api api = new Api(server.getURL(), json);
        String token = api.login(user.email(), Fixtures.PASSWORD);
        assertThat(api.get("/api/v1/users", token).status()).isEqualTo(200);

        sql("UPDATE app_user SET role = 'CONSULTANT' WHERE id = ?", user);

        assertThat(api.get("/api/v1/users", token).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
        String fresh = api.login(user.email(), Fixtures.PASSWORD);
        assertThat(api.get("/api/v1/me", fresh).field("role")).isEqualTo("CONSULTANT");
        assertThat(api.get("/api/v1/users", fresh).status()).isEqualTo(403);
    }

    @Test
    void apiAnswersAreNeitherCachedNorSniffedAndNameNoServer() {
        UserView user = fixtures.operator();
        Reply login = login(user.email(), Fixtures.PASSWORD);
        Api api = new Api(server.getURL(), json);
        String token = api.login(user.email(), Fixtures.PASSWORD);

        Api.Reply me = api.get("/api/v1/me", token);
        Api.Reply refused = api.get("/api/v1/me", null);

        for (Map<String, String> headers : List.of(me.headers(), refused.headers())) {
            assertThat(headers).containsEntry("cache-control", "no-store").containsEntry("x-content-type-options", "nosniff")
                    .doesNotContainKey("server");
        }
        assertThat(login.header("Cache-Control")).isEqualTo("no-store");
        assertThat(login.header("Server")).isNull();
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
        sql("UPDATE app_user SET active = false WHERE id = ?", user);
    }

    private void sql(String update, UserView user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "kakehashi_app", "kakehashi_app");
             PreparedStatement statement = connection.prepareStatement(update)) {
            statement.setObject(1, user.id());
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
