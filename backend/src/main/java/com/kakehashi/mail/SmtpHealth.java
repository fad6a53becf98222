package com.kakehashi.mail;

import com.kakehashi.health.Degraded;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import org.reactivestreams.Publisher;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "smtp" in /health, only when an SMTP server is configured ({@code KAKEHASHI_SMTP_HOST}): whether a
 * connection (with STARTTLS and login, as the dispatcher makes it) succeeded at the last check.
 * Checked in the background every {@code kakehashi.mail.smtp.check-interval}, not per probe: a
 * relay must not see a connection per probe and replica, and a probe must not wait out an SMTP
 * timeout. An unreachable relay is DEGRADED, not DOWN (see {@link Degraded}): mail waits in the outbox.
 */
@Singleton
@Requires(property = "kakehashi.mail.smtp.host", pattern = ".*\\S.*")
class SmtpHealth implements HealthIndicator {

    static final String NAME = "smtp";

    private record Check(Instant at, String error) {
    }

    private final Mailer mailer;
    private final MailSettings settings;
    private final Clock clock;
    private volatile Check last;

    SmtpHealth(Mailer mailer, MailSettings settings, Clock clock) {
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${kakehashi.mail.smtp.check-interval:60s}", initialDelay = "${kakehashi.monitoring.initial-delay:5s}")
    void check() {
        String error = null;
        try {
            mailer.connect().close();
        } catch (MessagingException | RuntimeException e) {
            error = OutboxWorker.describe(e);
        }
        last = new Check(clock.instant(), error);
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("host", settings.smtpHost() + ":" + settings.smtpPort());
        Check check = last;
        HealthStatus status;
        if (check == null) {
            status = HealthStatus.UP;
            details.put("checked", false);
        } else {
            details.put("checkedAt", check.at().toString());
            if (check.error() == null) {
                status = HealthStatus.UP;
            } else {
                status = Degraded.STATUS;
                details.put("error", check.error());
            }
        }
        return Publishers.just(HealthResult.builder(NAME, status).details(details).build());
    }
}
