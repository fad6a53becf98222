package com.kakehashi.respond;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address for the respondent pages: {@code kakehashi.respond.requests-per-minute}
 * requests (default 30), refilled evenly over a minute. Held in memory, so the limit is per backend
 * replica: with N replicas behind a load balancer a client may get up to N times the limit.
 */
@Singleton
class RateLimiter {

    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();
    /** Beyond this many tracked addresses, full (idle) buckets are dropped. */
    private static final int SWEEP_ABOVE = 50_000;

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(@Value("${kakehashi.respond.requests-per-minute:30}") int perMinute, Clock clock) {
        this.perMinute = Math.max(1, perMinute);
        this.clock = clock;
    }

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long updatedNanos) {
            this.tokens = tokens;
            this.updatedNanos = updatedNanos;
        }
    }

    /** Takes one token for the address; false if none is left. */
    boolean tryAcquire(String address) {
        long now = nanos();
        if (buckets.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        boolean[] granted = new boolean[1];
        buckets.compute(address, (key, bucket) -> {
            Bucket b = bucket == null ? new Bucket(perMinute, now) : bucket;
            refill(b, now);
            if (b.tokens >= 1) {
                b.tokens -= 1;
                granted[0] = true;
            }
            return b;
        });
        return granted[0];
    }

    /** Seconds until the next token: the Retry-After a limited client gets. */
    long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(60.0 / perMinute));
    }

    private void refill(Bucket bucket, long now) {
        long elapsed = Math.max(0, now - bucket.updatedNanos);
        bucket.tokens = Math.min(perMinute, bucket.tokens + (double) elapsed * perMinute / MINUTE_NANOS);
        bucket.updatedNanos = now;
    }

    private void sweep(long now) {
        buckets.entrySet().removeIf(e -> now - e.getValue().updatedNanos > MINUTE_NANOS);
    }

    private long nanos() {
        // The clock is the application's (UTC, millisecond precision is enough here).
        return clock.millis() * 1_000_000L;
    }
}
