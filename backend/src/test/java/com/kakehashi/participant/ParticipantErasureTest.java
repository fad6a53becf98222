package com.kakehashi.participant;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.mail.MailDispatcher;
import com.kakehashi.schedule.ScheduleView;
import com.kakehashi.support.Api;
import com.kakehashi.support.AppRoleSql;
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
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * Erasing a participant while their wave is open: the link in the mail they already received no
 * longer opens the form (through the real respondent page), and their pending reminder is
 * cancelled instead of sent. Mail through real SMTP (GreenMail), as in PulseEndToEndTest.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "kakehashi.public-url", value = "https://pulse.erasure.example")
@Property(name = "kakehashi.mail.smtp.tls", value = "false")
@Property(name = "kakehashi.respond.requests-per-minute", value = "100000")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipantErasureTest implements TestPropertyProvider {

    private static final int SMTP_PORT = LocalSmtp.freePort();
    private static final Pattern LINK = Pattern.compile("https://pulse\\.erasure\\.example/s/([A-Za-z0-9_-]+)");

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
    AppRoleSql appSql;

    @Override
    public Map<String, String> getProperties() {
        return LocalSmtp.settings(SMTP_PORT);
    }

    @Test
    void erasedParticipantsMailedLinkNoLongerOpensTheFormAndTheirReminderIsCancelled() throws Exception {
        TenantView tenant = fixtures.tenant("Erasure");
        UserView user = fixtures.memberOf(tenant, Role.CONSULTANT);
        Caller consultant = new Caller(user.id(), user.email(), Role.CONSULTANT);
        UUID version = pulse.surveyReady(tenant.id(), consultant, 2, 0);
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.now().plusDays(30), List.of(2));
        Api api = new Api(server.getURL(), json);
        String token = api.login(user.email(), Fixtures.PASSWORD);
        String base = "/api/v1/tenants/" + tenant.id();
        String waveId = api.post(base + "/schedules/" + schedule.id() + "/waves", Map.of(), token).field("id");
        dispatcher.dispatchDue();
        Map<String, String> linkByRecipient = linksByRecipient(SMTP.getReceivedMessages());
        assertThat(linkByRecipient).hasSize(2);
        String erasedEmail = linkByRecipient.keySet().iterator().next();
        String keptEmail = linkByRecipient.keySet().stream().filter(e -> !e.equals(erasedEmail)).findFirst().orElseThrow();
        String erasedLink = linkByRecipient.get(erasedEmail);
        String keptLink = linkByRecipient.get(keptEmail);
        assertThat(api.get("/s/" + erasedLink, null).body()).as("the link works before the erasure").contains("name=\"q_");
        Api.Reply unknown = api.get("/s/" + "x".repeat(43), null);

        Api.Reply erased = api.delete(base + "/participants/" + participantId(api, base, token, erasedEmail), token);
        assertThat(erased.status()).isEqualTo(204);

        Api.Reply visit = api.get("/s/" + erasedLink, null);
        assertThat(visit.status()).as("exactly like an unknown link").isEqualTo(404).isEqualTo(unknown.status());
        assertThat(visit.body()).isEqualTo(unknown.body()).doesNotContain("name=\"q_");
        Api.Reply submit = api.send(HttpRequest.POST("/s/" + erasedLink, completeForm(api.get("/s/" + keptLink, null).body()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), null);
        assertThat(submit.status()).isEqualTo(404);
        assertThat(api.get(base + "/waves/" + waveId, token).map().get("responded")).isEqualTo(0);
        assertThat(appSql.rows(tenant.id(), "SELECT count(*) AS n FROM invitation_token t JOIN invitation i ON i.id = t.invitation_id "
                + "WHERE i.participant_id IS NULL").getFirst().get("n")).isEqualTo("0");

        assertThat(appSql.rows(tenant.id(), "SELECT o.status, o.last_error FROM mail_outbox o JOIN invitation i ON i.id = o.invitation_id "
                + "WHERE o.kind = 'REMINDER' AND i.participant_id IS NULL"))
                .containsExactly(Map.of("status", "CANCELLED", "last_error", "participant erased"));
        SMTP.reset();
        appSql.update(tenant.id(), "UPDATE mail_outbox SET send_after = now() WHERE kind = 'REMINDER'");
        dispatcher.dispatchDue();
        assertThat(SMTP.getReceivedMessages()).extracting(ParticipantErasureTest::recipient).containsExactly(keptEmail);

        Api.Reply keptPage = api.get("/s/" + keptLink, null);
        assertThat(keptPage.status()).as("the other participant's link still works").isEqualTo(200);
        Api.Reply answered = api.send(HttpRequest.POST("/s/" + keptLink, completeForm(keptPage.body()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), null);
        assertThat(answered.status()).isEqualTo(200);
        Map<String, Object> wave = api.get(base + "/waves/" + waveId, token).map();
        assertThat(wave.get("responded")).isEqualTo(1);
        assertThat(wave.get("invited")).as("the erased person's invitation still counts as invited").isEqualTo(2);
    }

    private static String participantId(Api api, String base, String token, String email) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) api.get(base + "/participants?q=" + email, token)
                .map().get("items");
        assertThat(items).hasSize(1);
        return items.getFirst().get("id").toString();
    }

    private static String completeForm(String page) {
        Set<String> questions = new LinkedHashSet<>();
        Matcher names = Pattern.compile("name=\"(q_[A-Z_0-9]+)\"").matcher(page);
        while (names.find()) {
            questions.add(names.group(1));
        }
        assertThat(questions).isNotEmpty();
        return questions.stream().map(q -> q + "=4").collect(Collectors.joining("&"));
    }

    private static Map<String, String> linksByRecipient(MimeMessage[] messages) {
        Map<String, String> links = new LinkedHashMap<>();
        for (MimeMessage message : Arrays.asList(messages)) {
            Matcher link = LINK.matcher(body(message));
            assertThat(link.find()).as("the invitation carries a personal link").isTrue();
            links.put(recipient(message), link.group(1));
        }
        return links;
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) {
        try {
            Multipart parts = (Multipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return (String) parts.getBodyPart(i).getContent();
                }
            }
            throw new AssertionError("no plain-text part");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
