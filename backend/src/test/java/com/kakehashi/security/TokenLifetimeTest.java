package com.kakehashi.security;

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

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token's lifetime is decided by the application clock alone, the one that stamped it: issued and
 * checked years away from the machine's time, it is honoured until the application clock passes
 * {@code exp} and not before the clock reaches {@code nbf}.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
class TokenLifetimeTest {

    private static final Instant ISSUED = Instant.parse("2031-06-02T09:00:00Z");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;

    @Value("${micronaut.security.token.generator.access-token.expiration}")
    long lifetimeSeconds;

    Api api;
    String token;

    @BeforeEach
    void tokenIssuedYearsFromNow() {
        api = new Api(server.getURL(), json);
        clock.set(ISSUED);
        token = api.login(fixtures.operator().email(), Fixtures.PASSWORD);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void tokenIsHonouredUntilTheApplicationClockPassesItsExpiry() {
        clock.set(ISSUED.plusSeconds(lifetimeSeconds - 1));
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);

        clock.set(ISSUED.plusSeconds(lifetimeSeconds + 1));
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
    }

    @Test
    void tokenIsRefusedWhileTheApplicationClockIsBeforeItsIssue() {
        clock.set(ISSUED.minusSeconds(60));

        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
    }
}
