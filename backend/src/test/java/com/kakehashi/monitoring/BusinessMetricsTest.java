package com.kakehashi.monitoring;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.mail.MailDispatcher;
import com.kakehashi.mail.OutboxBacklog;
import com.kakehashi.schedule.ScheduleView;
import com.kakehashi.support.Api;
import com.kakehashi.support.AppRoleSql;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.LocalSmtp;
import com.kakehashi.support.PulseFixtures;
import com.kakehashi.support.Scrape;
import com.kakehashi.support.TestClock;
import com.kakehashi.tenant.TenantView;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business metrics, read as Prometheus reads them (GET /prometheus on the real server) after
 * real actions on real parts: a consultant launches a wave over the API, its mails go to GreenMail,
 * a respondent answers through the mailed link, bad submissions and a bad login follow. Counters
 * are compared before and after (other test classes share the database, so gauges are compared
 * with at least); no label anywhere names a tenant, a person or a token.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "kakehashi.public-url", value = "https://pulse.metrics.example")
@Property(name = "kakehashi.mail.smtp.tls", value = "false")
@Property(name = "kakehashi.mail.smtp.timeout", value = "2s")
@Property(name = "kakehashi.mail.max-attempts", value = "2")
@Property(name = "kakehashi.insight.fold-delay", value = "0ms")
@Property(name = "kakehashi.respond.requests-per-minute", value = "100000")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusinessMetricsTest implements TestPropertyProvider {

    private static final int SMTP_PORT = LocalSmtp.freePort();
    private static final Pattern LINK = Pattern.compile("https://pulse\\.metrics\\.example/s/([A-Za-z0-9_-]+)");
    private static final Pattern UUID_TEXT = Pattern.compile("(?i).*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*");

    @RegisterExtension
    static final GreenMailExtension SMTP = LocalSmtp.on(SMTP_PORT);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;
    @Inject
    PulseFixtures pulse;
    @Inject
    MailDispatcher dispatcher;
    @Inject
    OutboxBacklog backlog;
    @Inject
    AppRoleSql appSql;
    @Inject
    TestClock clock;

    @Override
    public Map<String, String> getProperties() {
        return LocalSmtp.settings(SMTP_PORT);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A tenant whose consultant has just launched a wave over the API (one Japan, one HQ participant). */
    private record Launched(TenantView tenant, String token, String base, Api api, Set<String> addresses, String waveId) {
    }

    private Launched launch() throws Exception {
        TenantView tenant = fixtures.tenant("Metrics");
        UserView user = fixtures.memberOf(tenant, Role.CONSULTANT);
        Caller consultant = new Caller(user.id(), user.email(), Role.CONSULTANT);
        var version = pulse.surveyReady(tenant.id(), consultant, 1, 1);
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.now().plusDays(30), List.of(2));
        Api api = new Api(server.getURL(), json);
        String token = api.login(user.email(), Fixtures.PASSWORD);
        String base = "/api/v1/tenants/" + tenant.id();
        Api.Reply launched = api.post(base + "/schedules/" + schedule.id() + "/waves", Map.of(), token);
        assertThat(launched.status()).isEqualTo(201);
        Set<String> addresses = appSql.rows(tenant.id(), "SELECT email FROM participant").stream()
                .map(row -> row.get("email")).collect(Collectors.toSet());
        return new Launched(tenant, token, base, api, addresses, launched.field("id"));
    }

    private Scrape scrape() {
        return Scrape.of(server.getURL());
    }

    @Test
    void launchingAWaveCountsTheWaveItsInvitationsAndTheirMailsAndTheBacklogShowsThem() throws Exception {
        Scrape before = scrape();

        launch();
        backlog.refresh();
        Scrape after = scrape();

        assertThat(delta(before, after, "kakehashi_waves_opened_total")).isEqualTo(1);
        assertThat(delta(before, after, "kakehashi_invitations_total")).isEqualTo(2);
        assertThat(delta(before, after, "kakehashi_outbox_queued_mails_total", "kind", "invitation")).isEqualTo(2);
        assertThat(delta(before, after, "kakehashi_outbox_queued_mails_total", "kind", "reminder")).isEqualTo(2);
        assertThat(after.value("kakehashi_outbox_due_mails")).as("the two invitations are due now").isGreaterThanOrEqualTo(2);
        assertThat(after.value("kakehashi_outbox_oldest_due_age_seconds")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void sentMailsAndAcceptedAndRejectedSubmissionsAreCountedByOutcomeAndReason() throws Exception {
        Launched wave = launch();
        Scrape before = scrape();

        dispatcher.dispatchDue();
        MimeMessage[] ours = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> wave.addresses().contains(recipient(m)))
                .toArray(MimeMessage[]::new);
        assertThat(ours).hasSize(2);
        String[] tokens = Arrays.stream(ours).map(m -> token(body(m))).toArray(String[]::new);
        Map<String, String> answers = answers(wave.api(), tokens[0]);

        assertThat(submit(wave.api(), tokens[0], answers).status()).isEqualTo(200);             // accepted
        assertThat(submit(wave.api(), tokens[0], answers).status()).isEqualTo(200);             // already answered
        assertThat(submit(wave.api(), tokens[1], Map.of()).status()).isIn(200, 400, 422);        // invalid: nothing answered
        assertThat(submit(wave.api(), "no-such-token-" + System.nanoTime(), answers).status()).isIn(200, 404, 410);
        Scrape after = scrape();

        assertThat(delta(before, after, "kakehashi_outbox_mails_total", "kind", "invitation", "outcome", "sent")).isGreaterThanOrEqualTo(2);
        assertThat(delta(before, after, "kakehashi_submissions_accepted_total")).isEqualTo(1);
        assertThat(delta(before, after, "kakehashi_submissions_rejected_total", "reason", "already_answered")).isEqualTo(1);
        assertThat(delta(before, after, "kakehashi_submissions_rejected_total", "reason", "invalid")).isEqualTo(1);
        assertThat(delta(before, after, "kakehashi_submissions_rejected_total", "reason", "unavailable")).isEqualTo(1);
    }

    @Test
    void anAcceptedResponseIsFoldedIntoTheRollupsAndItsLagRecorded() throws Exception {
        Launched wave = launch();
        dispatcher.dispatchDue();
        String token = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> wave.addresses().contains(recipient(m)))
                .map(m -> token(body(m))).findFirst().orElseThrow();
        Scrape before = scrape();

        assertThat(submit(wave.api(), token, answers(wave.api(), token)).status()).isEqualTo(200);

        // The fold runs on the folder's own thread right after the commit: wait for it (bounded), not for a time.
        Scrape after = scrape();
        for (int i = 0; i < 200 && delta(before, after, "kakehashi_rollup_fold_lag_seconds_count") < 1; i++) {
            Thread.sleep(50);
            after = scrape();
        }
        assertThat(delta(before, after, "kakehashi_rollup_fold_lag_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(after.value("kakehashi_rollup_fold_lag_seconds_max")).isGreaterThanOrEqualTo(0);
        assertThat(delta(before, after, "kakehashi_rollup_fold_failures_total")).isZero();
    }

    @Test
    void closingAWaveCountsTheCloseAndItsAlertEvaluation() throws Exception {
        Launched wave = launch();
        Scrape before = scrape();

        assertThat(wave.api().post(wave.base() + "/waves/" + wave.waveId() + "/close", Map.of(), wave.token()).status()).isEqualTo(200);
        Scrape after = scrape();

        assertThat(delta(before, after, "kakehashi_waves_closed_total")).isEqualTo(1);
        assertThat(delta(before, after, "kakehashi_alerts_evaluations_total", "trigger", "close", "outcome", "done")).isEqualTo(1);
        assertThat(delta(before, after, "kakehashi_outbox_wave_cancellations_total")).isEqualTo(1);
    }

    @Test
    void aFailedLoginIsCountedWithoutTheAccountOrTheAddress() throws Exception {
        Api api = new Api(server.getURL(), json);
        Scrape before = scrape();

        assertThat(api.post("/login", Map.of("username", "nobody-" + System.nanoTime() + "@metrics.example", "password", "wrong"), null)
                .status()).isEqualTo(401);
        Scrape after = scrape();

        assertThat(delta(before, after, "kakehashi_login_failures_total")).isEqualTo(1);
        assertThat(after.text()).doesNotContain("metrics.example");
    }

    @Test
    void mailsTheServerRefusesAreRetriedThenFailedForGoodAndTheBacklogAges() throws Exception {
        launch();
        SMTP.stop();
        Scrape before = scrape();

        dispatcher.dispatchDue();                                  // attempt 1 of 2: retried in a minute
        clock.set(java.time.Instant.now().plus(Duration.ofMinutes(5)));
        backlog.refresh();
        dispatcher.dispatchDue();                                  // attempt 2 of 2: failed for good
        Scrape after = scrape();

        assertThat(delta(before, after, "kakehashi_outbox_mails_total", "kind", "invitation", "outcome", "retried")).isGreaterThanOrEqualTo(2);
        assertThat(delta(before, after, "kakehashi_outbox_mails_total", "kind", "invitation", "outcome", "failed")).isGreaterThanOrEqualTo(2);
        assertThat(after.value("kakehashi_outbox_oldest_due_age_seconds")).as("due mails waited while the server refused")
                .isGreaterThanOrEqualTo(60);
    }

    @Test
    void noLabelValueNamesATenantAPersonOrAToken() throws Exception {
        Launched wave = launch();
        dispatcher.dispatchDue();
        wave.api().post("/login", Map.of("username", "someone@metrics.example", "password", "wrong"), null);
        wave.api().send(HttpRequest.POST("/s/not-a-token", "q_X=1").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), null);
        backlog.refresh();

        Scrape scrape = scrape();

        assertThat(scrape.samples()).isNotEmpty();
        for (Scrape.Sample sample : scrape.samples()) {
            assertThat(sample.name()).as("metric names are fixed").doesNotContain("@").doesNotMatch(UUID_TEXT);
            sample.labels().forEach((label, value) -> assertThat(value)
                    .as(sample.name() + "{" + label + "}")
                    .doesNotMatch(UUID_TEXT)
                    .doesNotContain("@")
                    .doesNotContain("not-a-token")
                    .doesNotContain(wave.tenant().name()));
        }
        List<String> business = scrape.names().stream().filter(n -> n.startsWith("kakehashi_")).sorted().toList();
        assertThat(business).as("business metrics are exported").isNotEmpty();
        Set<String> tags = scrape.samples().stream().filter(s -> s.name().startsWith("kakehashi_"))
                .flatMap(s -> s.labels().keySet().stream()).collect(Collectors.toSet());
        assertThat(tags).as("the only labels of business metrics: small fixed sets").isSubsetOf(
                Set.of("kind", "outcome", "reason", "trigger", "event", "quantile", "le"));
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static Map<String, String> answers(Api api, String token) {
        Api.Reply page = api.get("/s/" + token, null);
        assertThat(page.status()).isEqualTo(200);
        Set<String> questions = new LinkedHashSet<>();
        Matcher names = Pattern.compile("name=\"(q_[A-Z_0-9]+)\"").matcher(page.body());
        while (names.find()) {
            questions.add(names.group(1));
        }
        assertThat(questions).isNotEmpty();
        return questions.stream().collect(Collectors.toMap(q -> q, q -> "4"));
    }

    private static Api.Reply submit(Api api, String token, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        return api.send(HttpRequest.POST("/s/" + token, body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), null);
    }

    private static String token(String text) {
        Matcher matcher = LINK.matcher(text);
        assertThat(matcher.find()).as("a /s/ link in:\n" + text).isTrue();
        return matcher.group(1);
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) {
        try {
            jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return (String) parts.getBodyPart(i).getContent();
                }
            }
            throw new AssertionError("no plain-text part");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
