package com.kakehashi.security;

import com.kakehashi.identity.UserView;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Every token the server did not issue, or no longer honours, is refused on GET /api/v1/me. */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtValidationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;

    @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}")
    String secret;
    @Value("${kakehashi.jwt.issuer}")
    String issuer;
    @Value("${kakehashi.jwt.audience}")
    String audience;

    Api api;
    UserView operator;

    @BeforeAll
    void setUp() {
        api = new Api(server.getURL(), json);
        operator = fixtures.operator();
    }

    /** The claims the server itself puts in a token, for the operator above. */
    private JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(operator.id().toString())
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("OPERATOR"))
                .claim("email", operator.email());
    }

    private static String sign(JWTClaimsSet claims, String key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String signed(UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(validClaims()).build(), secret);
    }

    private void assertRefused(String token) {
        Api.Reply reply = api.get("/api/v1/me", token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.field("status")).isEqualTo("401");
        assertThat(reply.body()).doesNotContain(operator.email());
    }

    @Test
    void tokenSignedWithTheServerSecretIsAccepted() {
        Api.Reply reply = api.get("/api/v1/me", signed(c -> c));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.field("email")).isEqualTo(operator.email());
    }

    @Test
    void tokenFromLoginIsAccepted() {
        String token = api.login(operator.email(), Fixtures.PASSWORD);

        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
    }

    @Test
    void unsignedTokenWithAlgNoneIsRefused() {
        assertRefused(new PlainJWT(validClaims().build()).serialize());
    }

    @Test
    void unsignedTokenWithAlgNoneAndTheValidSignatureKeptIsRefused() {
        String[] valid = signed(c -> c).split("\\.");
        String noneHeader = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");

        assertRefused(noneHeader + "." + valid[1] + "." + valid[2]);
    }

    @Test
    void tokenWithTamperedPayloadIsRefused() {
        String[] parts = signed(c -> c.claim("roles", List.of("EXECUTIVE"))).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("EXECUTIVE", "OPERATOR");

        assertRefused(parts[0] + "." + base64Url(payload) + "." + parts[2]);
    }

    @Test
    void tokenSignedWithAnotherSecretIsRefused() {
        assertRefused(sign(validClaims().build(), "another-secret-of-sufficient-length-0123456789"));
    }

    @Test
    void expiredTokenIsRefused() {
        Instant past = Instant.now().minusSeconds(3600);
        assertRefused(signed(c -> c.issueTime(Date.from(past.minusSeconds(600))).notBeforeTime(Date.from(past.minusSeconds(600)))
                .expirationTime(Date.from(past))));
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        assertRefused(signed(c -> c.issuer("someone-else")));
    }

    @Test
    void tokenWithoutIssuerIsRefused() {
        assertRefused(signed(c -> c.issuer(null)));
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        assertRefused(signed(c -> c.audience("another-api")));
    }

    @Test
    void tokenWithoutAudienceIsRefused() {
        assertRefused(signed(c -> c.audience((String) null)));
    }

    @Test
    void tokenWithoutExpiryIsRefused() {
        assertRefused(signed(c -> c.expirationTime(null)));
    }

    @Test
    void tokenNotYetValidIsRefused() {
        Instant later = Instant.now().plusSeconds(3600);
        assertRefused(signed(c -> c.notBeforeTime(Date.from(later)).expirationTime(Date.from(later.plusSeconds(600)))));
    }

    @Test
    void garbageInsteadOfATokenIsRefused() {
        assertRefused("not-a-jwt");
    }

    @Test
    void missingTokenIsRefused() {
        Api.Reply reply = api.get("/api/v1/me", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
