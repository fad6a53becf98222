package com.kakehashi.identity;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Issues the HS256 access token; the matching checks (exp, iss, aud) are in application.yml. */
@Singleton
final class JwtIssuer {

    static final String EMAIL_CLAIM = "email";

    private final TokenGenerator tokenGenerator;
    private final String issuer;
    private final String audience;
    private final long ttlSeconds;
    private final Clock clock;

    JwtIssuer(TokenGenerator tokenGenerator, Clock clock,
              @Value("${kakehashi.jwt.issuer}") String issuer,
              @Value("${kakehashi.jwt.audience}") String audience,
              @Value("${micronaut.security.token.generator.access-token.expiration:3600}") long ttlSeconds) {
        this.tokenGenerator = tokenGenerator;
        this.clock = clock;
        this.issuer = issuer;
        this.audience = audience;
        this.ttlSeconds = ttlSeconds;
    }

    LoginResponse issue(AppUser user) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", user.id().toString());
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + ttlSeconds);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("roles", List.of(user.role().name()));
        claims.put(EMAIL_CLAIM, user.email());
        String token = tokenGenerator.generateToken(claims)
                .orElseThrow(() -> new IllegalStateException("token generation failed"));
        return new LoginResponse(token, "Bearer", ttlSeconds);
    }
}
