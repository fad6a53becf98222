package com.kakehashi.identity;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

@Singleton
final class PasswordHasher {

    private final int cost;
    /** Compared against when the email is unknown, so both paths take the same time. */
    private final String dummyHash;

    PasswordHasher(@Value("${kakehashi.security.bcrypt-cost}") int cost) {
        this.cost = cost;
        this.dummyHash = hash("not-a-real-password-" + System.nanoTime());
    }

    String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    boolean matches(String password, String hash) {
        // bcrypt's own comparison of the derived hashes is constant-time.
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    void burnEquivalentTime(String password) {
        matches(password, dummyHash);
    }
}
