package com.kakehashi.mail;

import com.kakehashi.health.Degraded;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "outbox" in /health: DEGRADED (never DOWN, see {@link Degraded}) while the oldest due mail has
 * waited longer than {@code kakehashi.mail.backlog.degraded-after}: SMTP refuses, the dispatcher is
 * stuck, or a wave is larger than the dispatcher's pace. Reads {@link OutboxBacklog}'s last
 * measurement; it never queries the database itself.
 */
@Singleton
class OutboxHealth implements HealthIndicator {

    static final String NAME = "outbox";

    private final OutboxBacklog backlog;
    private final Duration degradedAfter;
    private final Clock clock;

    OutboxHealth(OutboxBacklog backlog, @Value("${kakehashi.mail.backlog.degraded-after:15m}") Duration degradedAfter, Clock clock) {
        this.backlog = backlog;
        this.degradedAfter = degradedAfter;
        this.clock = clock;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(result(clock.instant()));
    }

    HealthResult result(Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("degradedAfterSeconds", degradedAfter.toSeconds());
        HealthStatus status = HealthStatus.UP;
        var measured = backlog.last();
        if (measured.isEmpty()) {
            details.put("measured", false);
        } else {
            Duration age = measured.get().oldestDueAge(now);
            details.put("dueMails", measured.get().dueMails());
            details.put("oldestDueAgeSeconds", age.toSeconds());
            details.put("measuredAt", measured.get().measuredAt().toString());
            if (age.compareTo(degradedAfter) > 0) {
                status = Degraded.STATUS;
            }
        }
        return HealthResult.builder(NAME, status).details(details).build();
    }
}
