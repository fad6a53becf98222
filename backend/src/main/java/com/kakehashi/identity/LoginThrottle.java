package com.kakehashi.identity;

import com.kakehashi.web.TooManyRequestsException;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Counts failed logins per account and per client address in PostgreSQL, so every replica sees
 * the same count. Keys are hashed: the table never holds an email someone merely tried.
 */
@Singleton
class LoginThrottle {

    /** A shared office address logs in for many people: it gets more room than one account. */
    private static final int ADDRESS_FACTOR = 4;

    private final JdbcOperations jdbc;
    private final int maxFailures;
    private final Duration window;

    LoginThrottle(JdbcOperations jdbc,
                  @Value("${kakehashi.security.login-max-failures}") int maxFailures,
                  @Value("${kakehashi.security.login-window}") Duration window) {
        this.jdbc = jdbc;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    @Transactional
    public void checkAllowed(String email, String address) {
        check(key("account", email), maxFailures);
        check(key("address", address), maxFailures * ADDRESS_FACTOR);
    }

    @Transactional
    public void recordFailure(String email, String address) {
        increment(key("account", email));
        increment(key("address", address));
    }

    @Transactional
    public void recordSuccess(String email) {
        jdbc.prepareStatement("DELETE FROM login_throttle WHERE throttle_key = ?", ps -> {
            ps.setString(1, key("account", email));
            return ps.executeUpdate();
        });
    }

    private void check(String key, int limit) {
        jdbc.prepareStatement("SELECT failures, window_start FROM login_throttle WHERE throttle_key = ?", ps -> {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    Instant until = rs.getTimestamp(2).toInstant().plus(window);
                    if (rs.getInt(1) >= limit && until.isAfter(Instant.now())) {
                        throw new TooManyRequestsException(Duration.between(Instant.now(), until));
                    }
                }
            }
            return null;
        });
    }

    private void increment(String key) {
        jdbc.prepareStatement("""
                INSERT INTO login_throttle AS t (throttle_key, failures, window_start) VALUES (?, 1, now())
                ON CONFLICT (throttle_key) DO UPDATE SET
                    failures = CASE WHEN t.window_start < ? THEN 1 ELSE t.failures + 1 END,
                    window_start = CASE WHEN t.window_start < ? THEN now() ELSE t.window_start END
                """, ps -> {
            Timestamp expired = Timestamp.from(Instant.now().minus(window));
            ps.setString(1, key);
            ps.setTimestamp(2, expired);
            ps.setTimestamp(3, expired);
            return ps.executeUpdate();
        });
    }

    private static String key(String kind, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
