package com.kakehashi.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.LocalSmtp;
import com.kakehashi.support.TestClock;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "smtp" and "outbox" in /health against a real SMTP server (GreenMail) and real PostgreSQL: an
 * unreachable relay and an old backlog are DEGRADED, shown on /health, but readiness stays 200 (mail
 * waits in the outbox; the API and the respondent pages must stay in service).
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "kakehashi.mail.smtp.tls", value = "false")
@Property(name = "kakehashi.mail.smtp.timeout", value = "2s")
@Property(name = "kakehashi.mail.backlog.degraded-after", value = "10m")
@Property(name = "endpoints.health.details-visible", value = "ANONYMOUS")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailHealthTest implements TestPropertyProvider {

    private static final int SMTP_PORT = LocalSmtp.freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = LocalSmtp.on(SMTP_PORT);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    SmtpHealth smtp;
    @Inject
    OutboxBacklog backlog;
    @Inject
    MailDispatcher dispatcher;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    io.micronaut.context.ApplicationContext context;
    @Inject
    com.kakehashi.support.PulseFixtures pulse;
    @Inject
    com.kakehashi.wave.WaveService waves;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        return LocalSmtp.settings(SMTP_PORT);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void smtpIsUpWhileTheServerAcceptsAndDegradedWhileItIsGoneWithoutTakingTheReplicaOutOfService() throws Exception {
        smtp.check();
        assertThat(component(health("/health"), "smtp").get("status")).isEqualTo("UP");

        SMTP.stop();
        smtp.check();

        Map<String, Object> health = health("/health");
        Map<String, Object> component = component(health, "smtp");
        assertThat(component.get("status")).isEqualTo("DEGRADED");
        assertThat(details(component).get("error").toString()).contains("Connect");
        assertThat(health.get("status")).isEqualTo("DEGRADED");
        assertThat(status("/health")).isEqualTo(200);
        assertThat(status("/health/readiness")).as("a mail relay outage keeps the replica in service").isEqualTo(200);
    }

    @Test
    void theOutboxIsDegradedWhileDueMailWaitsTooLongAndUpOnceItIsSent() throws Exception {
        // Due mail: a launched wave's invitations are due at once (GreenMail takes them below).
        launchWaveIn("Outbox health");

        clock.set(Instant.now().plus(Duration.ofHours(1)));
        backlog.refresh();
        Map<String, Object> waiting = component(health("/health"), "outbox");
        assertThat(waiting.get("status")).isEqualTo("DEGRADED");
        assertThat(((Number) details(waiting).get("dueMails")).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(status("/health/readiness")).isEqualTo(200);

        clock.reset();
        dispatcher.dispatchDue();
        backlog.refresh();

        Map<String, Object> sent = component(health("/health"), "outbox");
        assertThat(sent.get("status")).as("outbox after the dispatcher caught up: " + sent).isEqualTo("UP");
    }

    @Test
    void mailRetriedThroughAnSmtpOutageAgesTheBacklogUntilTheOutboxIsDegradedAndUpOnceDelivered() throws Exception {
        Instant launched = launchWaveIn("Outbox outage");

        SMTP.stop();
        // Attempts as the dispatcher makes them while the relay is gone: at 0, 1, 3 and 7 minutes
        // (backoff 1, 2, 4, 8 min), so the next attempt is due at 15 minutes.
        for (int minute : new int[] {0, 1, 3, 7}) {
            clock.set(launched.plus(Duration.ofMinutes(minute)).plusSeconds(1));
            assertThat(dispatcher.dispatchDue().sent()).isZero();
        }
        clock.set(launched.plus(Duration.ofMinutes(12)));
        backlog.refresh();
        Map<String, Object> outage = component(health("/health"), "outbox");
        assertThat(outage.get("status")).as("12 minutes into the outage, between attempts: " + outage).isEqualTo("DEGRADED");
        assertThat(((Number) details(outage).get("oldestDueAgeSeconds")).longValue()).isGreaterThanOrEqualTo(12 * 60 - 1);

        SMTP.start();
        // Far enough ahead that every mail backing off in this shared database is due again.
        clock.set(launched.plus(Duration.ofHours(2)));
        dispatcher.dispatchDue();
        backlog.refresh();
        Map<String, Object> delivered = component(health("/health"), "outbox");
        assertThat(delivered.get("status")).as("after the relay came back and the mail left: " + delivered).isEqualTo("UP");
    }

    /** A new tenant's wave launched now: its invitations are due at once. @return when it was launched */
    private Instant launchWaveIn(String tenantName) {
        var tenant = fixtures.tenant(tenantName);
        var user = fixtures.memberOf(tenant, com.kakehashi.identity.Role.CONSULTANT);
        var consultant = new com.kakehashi.identity.Caller(user.id(), user.email(), com.kakehashi.identity.Role.CONSULTANT);
        var version = pulse.surveyReady(tenant.id(), consultant, 1, 1);
        var schedule = pulse.weeklySchedule(tenant.id(), consultant, version, java.time.LocalDate.now().plusDays(30), java.util.List.of());
        Instant launched = Instant.now();
        com.kakehashi.tenancy.TenantContext.runAs(tenant.id(), () -> waves.launchNow(consultant, schedule.id(), null));
        return launched;
    }

    private int status(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> health(String path) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return json.readValue(body, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> component(Map<String, Object> health, String name) {
        Map<String, Object> details = (Map<String, Object>) health.get("details");
        assertThat(details).as("health details: " + health).containsKey(name);
        return (Map<String, Object>) details.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> component) {
        return (Map<String, Object>) component.get("details");
    }
}
