package com.kakehashi.identity;

import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/** A token without an expiry would be valid forever, and one without a subject names nobody. */
@Singleton
final class RequiredClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    @Override
    public boolean validate(Claims claims, T request) {
        return claims.get(Claims.EXPIRATION_TIME) != null && claims.get(Claims.SUBJECT) != null
                && claims.get("roles") != null;
    }
}
