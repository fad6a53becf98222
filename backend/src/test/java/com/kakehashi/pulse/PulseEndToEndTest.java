package com.kakehashi.pulse;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.mail.MailDispatcher;
import com.kakehashi.schedule.ScheduleView;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.LocalSmtp;
import com.kakehashi.support.PulseFixtures;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop on real parts: a consultant launches a wave over the API, the invitation arrives
 * by SMTP (GreenMail), its link opens the respondent page, the answers are stored anonymously, and
 * the reminder reaches only the person who did not answer.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "kakehashi.public-url", value = "https://pulse.e2e.example")
@Property(name = "kakehashi.mail.smtp.tls", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PulseEndToEndTest implements TestPropertyProvider {

    private static final int SMTP_PORT = LocalSmtp.freePort();
    private static final Pattern LINK = Pattern.compile("https://pulse\\.e2e\\.example/s/([A-Za-z0-9_-]+)");

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
    com.kakehashi.support.AppRoleSql appSql;

    @Override
    public Map<String, String> getProperties() {
        return LocalSmtp.settings(SMTP_PORT);
    }

    @Test
    void launchedWaveIsAnsweredThroughTheMailedLinkAndOnlyTheSilentOneIsReminded() throws Exception {
        TenantView tenant = fixtures.tenant("E2E");
        UserView user = fixtures.memberOf(tenant, Role.CONSULTANT);
        Caller consultant = new Caller(user.id(), user.email(), Role.CONSULTANT);
        UUID version = pulse.surveyReady(tenant.id(), consultant, 1, 1);
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.now().plusDays(30), List.of(2));
        Api api = new Api(server.getURL(), json);
        String token = api.login(user.email(), Fixtures.PASSWORD);
        String base = "/api/v1/tenants/" + tenant.id();

        Api.Reply launched = api.post(base + "/schedules/" + schedule.id() + "/waves", Map.of(), token);
        assertThat(launched.status()).isEqualTo(201);
        dispatcher.dispatchDue();

        // The one worker sends every tenant's due mail of every kind (other test classes leave alert mails
        // due in the shared database): only this tenant's participants count here.
        Set<String> ours = appSql.rows(tenant.id(), "SELECT email FROM participant").stream()
                .map(row -> row.get("email")).collect(Collectors.toSet());
        MimeMessage[] invitations = java.util.Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> ours.contains(recipient(m))).toArray(MimeMessage[]::new);
        assertThat(invitations).hasSize(2);
        MimeMessage japanese = java.util.Arrays.stream(invitations)
                .filter(m -> recipient(m).endsWith("@example.jp")).findFirst().orElseThrow();
        String silentRecipient = java.util.Arrays.stream(invitations).map(PulseEndToEndTest::recipient)
                .filter(r -> !r.endsWith("@example.jp")).findFirst().orElseThrow();
        Matcher link = LINK.matcher(body(japanese));
        assertThat(link.find()).as("the invitation carries a personal link").isTrue();
        String respondentToken = link.group(1);

        Api.Reply page = api.get("/s/" + respondentToken, null);
        assertThat(page.status()).isEqualTo(200);
        Set<String> questions = new LinkedHashSet<>();
        Matcher names = Pattern.compile("name=\"(q_[A-Z_0-9]+)\"").matcher(page.body());
        while (names.find()) {
            questions.add(names.group(1));
        }
        assertThat(questions).isNotEmpty();
        String form = questions.stream().map(q -> q + "=4").collect(Collectors.joining("&")) + "&comment=" + "もう少し早く相談してほしい";
        Api.Reply submitted = api.send(HttpRequest.POST("/s/" + respondentToken, form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), null);
        assertThat(submitted.status()).isEqualTo(200);

        Map<String, Object> wave = api.get(base + "/waves/" + launched.field("id"), token).map();
        assertThat(wave.get("responded")).isEqualTo(1);
        assertThat(wave.get("invited")).isEqualTo(2);

        // Reminder time: make the reminders due now, then run the dispatcher again.
        SMTP.reset();
        appSql.update(tenant.id(), "UPDATE mail_outbox SET send_after = now() WHERE kind = 'REMINDER'");
        dispatcher.dispatchDue();

        MimeMessage[] reminders = java.util.Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> ours.contains(recipient(m))).toArray(MimeMessage[]::new);
        assertThat(reminders).extracting(PulseEndToEndTest::recipient).containsExactly(silentRecipient);

        // The stored response has nothing that leads back to the participant or the invitation.
        List<String> columns = appSql.rows(tenant.id(),
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'response' ORDER BY ordinal_position")
                .stream().map(row -> row.get("column_name")).toList();
        assertThat(columns).containsExactly("tenant_id", "id", "wave_id", "side", "level", "language", "delay_bucket", "comment");
        assertThat(appSql.rows(tenant.id(), "SELECT count(*) AS joined FROM response r JOIN invitation i ON i.id = r.id")
                .getFirst().get("joined")).as("a response id is never an invitation id").isEqualTo("0");
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
