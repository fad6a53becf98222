package com.kakehashi.identity;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.ExpirationJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JWTClaimsSetUtils;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Date;

/**
 * Micronaut's expiry check with the application clock instead of the system's: {@link JwtIssuer}
 * stamps {@code exp} from that clock, so one clock decides both when a token ends and whether it has.
 */
@Singleton
@Replaces(ExpirationJwtClaimsValidator.class)
@Requires(property = "micronaut.security.token.jwt.claims-validators.expiration", notEquals = "false")
final class TokenExpiryValidator<T> implements GenericJwtClaimsValidator<T> {

    private final Clock clock;

    TokenExpiryValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean validate(Claims claims, T request) {
        Date expires = JWTClaimsSetUtils.jwtClaimsSetFromClaims(claims).getExpirationTime();
        return expires == null || !expires.toInstant().isBefore(clock.instant());
    }
}
