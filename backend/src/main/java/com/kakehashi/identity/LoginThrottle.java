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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Growing delays instead of a lock (OWASP Authentication and Credential Stuffing cheat sheets).
 * Failed logins are counted per window in PostgreSQL, so every replica sees the same counts, under
 * three keys: the account, the client address, and the account from that address. Past a key's
 * free failures, the next attempt must wait {@code base-delay × 2^(failures − free)} (at most
 * {@code max-delay}) after that key's last failure, else it is answered 429 with Retry-After.
 * <p>
 * The account's own delay cannot be turned against its owner: an address that has not used up its
 * free failures on the account is never refused for the account's sake. It is only held back (by
 * at most {@code fresh-address-max-delay}) before its password is checked. So an attacker who
 * fails a thousand times from elsewhere cannot keep the right password out, while each of their
 * addresses gets only a few tries at full speed. Keys are hashed: the table never holds an email
 * someone merely tried, nor an address.
 */
@Singleton
class LoginThrottle {

    /** How long a key's count lives: one window from its first failure. */
    private final Duration window;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration freshAddressMaxDelay;
    private final int accountFree;
    private final int addressFree;
    private final int pairFree;
    private final int notifyAfter;
    private final JdbcOperations jdbc;
    private final Clock clock;

    LoginThrottle(JdbcOperations jdbc, Clock clock,
                  @Value("${kakehashi.security.login.window:PT1H}") Duration window,
                  @Value("${kakehashi.security.login.base-delay:PT1S}") Duration baseDelay,
                  @Value("${kakehashi.security.login.max-delay:PT15M}") Duration maxDelay,
                  @Value("${kakehashi.security.login.fresh-address-max-delay:PT5S}") Duration freshAddressMaxDelay,
                  @Value("${kakehashi.security.login.account-free-failures:5}") int accountFree,
                  @Value("${kakehashi.security.login.address-free-failures:20}") int addressFree,
                  @Value("${kakehashi.security.login.account-address-free-failures:3}") int pairFree,
                  @Value("${kakehashi.security.login.notify-after:10}") int notifyAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.window = window;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.freshAddressMaxDelay = freshAddressMaxDelay;
        this.accountFree = accountFree;
        this.addressFree = addressFree;
        this.pairFree = pairFree;
        this.notifyAfter = notifyAfter;
    }

    /** A failure that made the account's owner due for a notice (once per window). */
    record NoticeDue(String accountKey, Instant windowStart, int failures) {
    }

    private record Count(int failures, Instant lastFailure) {
        static final Count NONE = new Count(0, Instant.EPOCH);
    }

    /**
     * @return how long to hold this attempt before checking its password (zero unless the account is
     *         under attack from elsewhere)
     * @throws TooManyRequestsException when this address, or this account from this address, must wait
     */
    @Transactional
    public Duration checkAllowed(String email, String address) {
        Instant now = clock.instant();
        Map<String, Count> counts = read(List.of(account(email), address(address), pair(email, address)), now);
        Count pair = counts.getOrDefault(pair(email, address), Count.NONE);
        Duration accountWait = remaining(counts.getOrDefault(account(email), Count.NONE), accountFree, now);
        Duration wait = max(remaining(counts.getOrDefault(address(address), Count.NONE), addressFree, now),
                remaining(pair, pairFree, now));
        boolean fresh = pair.failures() < pairFree;
        if (!fresh) {
            wait = max(wait, accountWait);
        }
        if (!wait.isZero()) {
            // Retry-After is whole seconds: round up, or a client that obeys it arrives too early.
            throw new TooManyRequestsException(Duration.ofSeconds((wait.toMillis() + 999) / 1000));
        }
        return fresh ? min(accountWait, freshAddressMaxDelay) : Duration.ZERO;
    }

    /** @return a notice when this failure is the account's {@code notify-after}th of the window and none went out yet */
    @Transactional
    public Optional<NoticeDue> recordFailure(String email, String address) {
        Instant now = clock.instant();
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            sweep(now);
        }
        increment(address(address), now);
        increment(pair(email, address), now);
        String account = account(email);
        Count counted = increment(account, now);
        if (counted.failures() < notifyAfter) {
            return Optional.empty();
        }
        return jdbc.prepareStatement("""
                UPDATE login_throttle SET notified_at = ? WHERE throttle_key = ? AND notified_at IS NULL
                RETURNING window_start, failures
                """, ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, account);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new NoticeDue(account, rs.getTimestamp(1).toInstant(), rs.getInt(2)))
                        : Optional.empty();
            }
        });
    }

    /** The notice could not be sent: the next failure may try again. */
    @Transactional
    public void noticeFailed(NoticeDue notice) {
        jdbc.prepareStatement("UPDATE login_throttle SET notified_at = NULL WHERE throttle_key = ? AND window_start = ?", ps -> {
            ps.setString(1, notice.accountKey());
            ps.setTimestamp(2, Timestamp.from(notice.windowStart()));
            return ps.executeUpdate();
        });
    }

    /**
     * The address proved it knows the password: its own failures on the account are forgiven. The
     * account's count stays, so the owner's login does not hand an attacker a fresh set of free tries.
     */
    @Transactional
    public void recordSuccess(String email, String address) {
        jdbc.prepareStatement("DELETE FROM login_throttle WHERE throttle_key = ?", ps -> {
            ps.setString(1, pair(email, address));
            return ps.executeUpdate();
        });
    }

    Duration delay(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 40);
        Duration grown = doublings >= 40 ? maxDelay : baseDelay.multipliedBy(1L << doublings);
        return min(grown, maxDelay);
    }

    private Duration remaining(Count count, int free, Instant now) {
        Duration delay = delay(count.failures(), free);
        if (delay.isZero()) {
            // Free failures never hold anyone back, even when this replica's clock is behind the one
            // that recorded the last failure (the wait would otherwise be the clocks' difference).
            return Duration.ZERO;
        }
        Instant until = count.lastFailure().plus(delay);
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    private Map<String, Count> read(List<String> keys, Instant now) {
        return jdbc.prepareStatement("""
                SELECT throttle_key, failures, last_failure FROM login_throttle
                WHERE throttle_key IN (?, ?, ?) AND window_start > ?
                """, ps -> {
            for (int i = 0; i < keys.size(); i++) {
                ps.setString(i + 1, keys.get(i));
            }
            ps.setTimestamp(4, Timestamp.from(now.minus(window)));
            Map<String, Count> counts = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), new Count(rs.getInt(2), rs.getTimestamp(3).toInstant()));
                }
            }
            return counts;
        });
    }

    /** A count whose window has passed starts again at one (and its notice with it). */
    private Count increment(String key, Instant now) {
        return jdbc.prepareStatement("""
                INSERT INTO login_throttle AS t (throttle_key, failures, window_start, last_failure) VALUES (?, 1, ?, ?)
                ON CONFLICT (throttle_key) DO UPDATE SET
                    failures = CASE WHEN t.window_start <= ? THEN 1 ELSE t.failures + 1 END,
                    notified_at = CASE WHEN t.window_start <= ? THEN NULL ELSE t.notified_at END,
                    window_start = CASE WHEN t.window_start <= ? THEN EXCLUDED.window_start ELSE t.window_start END,
                    last_failure = EXCLUDED.last_failure
                RETURNING failures, last_failure
                """, ps -> {
            Timestamp at = Timestamp.from(now);
            Timestamp expired = Timestamp.from(now.minus(window));
            ps.setString(1, key);
            ps.setTimestamp(2, at);
            ps.setTimestamp(3, at);
            ps.setTimestamp(4, expired);
            ps.setTimestamp(5, expired);
            ps.setTimestamp(6, expired);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Count(rs.getInt(1), rs.getTimestamp(2).toInstant());
            }
        });
    }

    private void sweep(Instant now) {
        jdbc.prepareStatement("DELETE FROM login_throttle WHERE last_failure < ? AND window_start < ?", ps -> {
            Timestamp expired = Timestamp.from(now.minus(window).minus(maxDelay));
            ps.setTimestamp(1, expired);
            ps.setTimestamp(2, expired);
            return ps.executeUpdate();
        });
    }

    private static String account(String email) {
        return key("account", email);
    }

    private static String address(String address) {
        return key("address", address);
    }

    private static String pair(String email, String address) {
        return key("account-address", email + "\n" + address);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
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
