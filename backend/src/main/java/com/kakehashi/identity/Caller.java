package com.kakehashi.identity;

import io.micronaut.security.authentication.Authentication;

import java.util.UUID;

/** The verified user behind a request, as the services see it. */
public record Caller(UUID id, String email, Role role) {

    public static Caller of(Authentication authentication) {
        Object email = authentication.getAttributes().get(JwtIssuer.EMAIL_CLAIM);
        Role role = authentication.getRoles().stream().findFirst().map(Role::valueOf).orElseThrow();
        return new Caller(UUID.fromString(authentication.getName()), email == null ? "" : email.toString(), role);
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }
}
