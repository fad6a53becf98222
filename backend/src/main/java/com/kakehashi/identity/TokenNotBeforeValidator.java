package com.kakehashi.identity;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JWTClaimsSetUtils;
import io.micronaut.security.token.jwt.validator.NotBeforeJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Date;

/** Micronaut's {@code nbf} check with the application clock, the one {@link JwtIssuer} stamps it from. */
@Singleton
@Replaces(NotBeforeJwtClaimsValidator.class)
@Requires(property = "micronaut.security.token.jwt.claims-validators.not-before", value = "true")
final class TokenNotBeforeValidator<T> implements GenericJwtClaimsValidator<T> {

    private final Clock clock;

    TokenNotBeforeValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean validate(Claims claims, T request) {
        Date notBefore = JWTClaimsSetUtils.jwtClaimsSetFromClaims(claims).getNotBeforeTime();
        return notBefore == null || !clock.instant().isBefore(notBefore.toInstant());
    }
}
