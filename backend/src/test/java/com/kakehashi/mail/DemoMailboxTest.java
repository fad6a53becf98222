package com.kakehashi.mail;

import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo run with no SMTP host: the embedded mailbox receives what the recurring
 * {@code mail-dispatch} task sends (nobody calls the dispatcher here), and lists it without login.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.demo", value = "true")
@Property(name = "kakehashi.public-url", value = "http://demo.test.example")
@Property(name = "kakehashi.mail.dispatch-interval", value = "300ms")
@Property(name = "kakehashi.scheduler.polling-interval", value = "300ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoMailboxTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Inject
    Fixtures fixtures;

    @Inject
    DemoMailbox mailbox;

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Override
    public Map<String, String> getProperties() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Map.of("kakehashi.mail.demo-smtp-port", Integer.toString(socket.getLocalPort()),
                    "kakehashi.mail.smtp.host", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void invitationSentByTheRecurringTaskAppearsInTheDemoMailboxWithItsLink() throws Exception {
        String email = "demo-" + UUID.randomUUID() + "@people.example";
        try (OutboxRows db = new OutboxRows(databaseUrl, fixtures.tenant("Demo").id())) {
            OutboxRows.Wave wave = db.wave("Demo engagement", Instant.parse("2030-12-06T09:00:00Z"));
            db.outbox(db.invitation(wave, email, "Demo Person", "ja", "Asia/Tokyo"), "INVITATION", Instant.now().minusSeconds(1));
        }

        Api api = new Api(server.getURL(), json);
        List<Map<String, Object>> mails = List.of();
        for (int i = 0; i < 100 && mails.isEmpty(); i++) {
            Api.Reply reply = api.get("/demo/mailbox.json", null);
            assertThat(reply.status()).isEqualTo(200);
            mails = reply.list().stream().filter(m -> String.valueOf(m.get("to")).contains(email)).toList();
            if (mails.isEmpty()) {
                Thread.sleep(200);
            }
        }
        assertThat(mails).as("the mail reached the demo mailbox within 20 s").hasSize(1);
        Map<String, Object> mail = mails.getFirst();
        assertThat(mail.get("subject")).isEqualTo("アンケートご回答のお願い：Demo engagement（12月6日(金)締切）");
        @SuppressWarnings("unchecked")
        List<String> links = (List<String>) mail.get("links");
        assertThat(links).hasSize(1);
        assertThat(links.getFirst()).matches("http://demo\\.test\\.example/s/[A-Za-z0-9_-]{43}");

        Api.Reply page = api.get("/demo/mailbox", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Demo mailbox").contains(links.getFirst()).contains("Demo engagement");
    }
}
