package com.kakehashi.alert;

import com.kakehashi.vocabulary.Side;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Alert mail to an SMTP server that does not answer: retried with backoff, then FAILED; never lost silently. */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "kakehashi.mail.smtp.tls", value = "false")
@Property(name = "kakehashi.mail.smtp.timeout", value = "2s")
@Property(name = "kakehashi.mail.max-attempts", value = "2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertMailRetryTest implements TestPropertyProvider {

    @Inject
    AlertWorld worlds;
    @Inject
    com.kakehashi.mail.MailDispatcher mail;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("kakehashi.mail.smtp.host", "127.0.0.1", "kakehashi.mail.smtp.port", Integer.toString(closedPort()));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // closed again at once: connections are refused
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unreachableServerMeansRetryWithBackoffThenFailed() throws Exception {
        AlertWorld.World w = worlds.create("Retry", 3);
        UUID wave = w.wave();
        w.respond(wave, Side.JAPAN, AlertWorld.levels(6, 5, 6, 4));
        w.close(wave);
        Instant before = Instant.now();

        mail.dispatchDue();

        List<Map<String, String>> rows = worlds.rows(w.id(), "SELECT status, attempts, last_error, send_after FROM mail_outbox WHERE kind = 'ALERT'");
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("status")).isEqualTo("PENDING");
            assertThat(r.get("attempts")).isEqualTo("1");
            assertThat(r.get("last_error")).isNotBlank().doesNotContain(w.consultant.email());
        });
        assertThat(worlds.rows(w.id(), "SELECT 1 FROM mail_outbox WHERE kind = 'ALERT' AND send_after < ?",
                java.sql.Timestamp.from(before.plus(Duration.ofSeconds(50))))).isEmpty();

        worlds.sql(w.id(), "UPDATE mail_outbox SET send_after = now() - interval '1 second' WHERE kind = 'ALERT'");
        mail.dispatchDue();

        assertThat(worlds.rows(w.id(), "SELECT status, attempts FROM mail_outbox WHERE kind = 'ALERT'"))
                .allSatisfy(r -> assertThat(r).containsEntry("status", "FAILED").containsEntry("attempts", "2"));
    }
}
