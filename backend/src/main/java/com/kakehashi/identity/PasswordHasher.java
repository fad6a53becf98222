package com.kakehashi.identity;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

@Singleton
final class PasswordHasher {

    /** bcrypt reads at most 72 bytes; the library refuses more rather than silently ignoring the rest. */
    static final int MAX_BYTES = 72;

    private final int cost;
    /** Compared against when the email is unknown, so both paths take the same time. */
    private final String dummyHash;

    PasswordHasher(@Value("${kakehashi.security.bcrypt-cost}") int cost) {
        this.cost = cost;
        this.dummyHash = hash("not-a-real-password-" + System.nanoTime());
    }

    static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    boolean matches(String password, String hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            // No stored password is this long, so it is wrong; spend the same time as a real check.
            verify(Arrays.copyOf(bytes, MAX_BYTES), dummyHash);
            return false;
        }
        return verify(bytes, hash);
    }

    void burnEquivalentTime(String password) {
        matches(password, dummyHash);
    }

    private static boolean verify(byte[] password, String hash) {
        // bcrypt's own comparison of the derived hashes is constant-time.
        return BCrypt.verifyer().verify(password, hash.getBytes(StandardCharsets.UTF_8)).verified;
    }
}
