package com.kakehashi.security;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.kakehashi.identity.UserView;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.LocalSmtp;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** After repeated failures the owner is told by mail (GreenMail), once per window, in Japanese and English. */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "kakehashi.mail.smtp.tls", value = "false")
@Property(name = "kakehashi.mail.smtp.timeout", value = "5s")
@Property(name = "kakehashi.security.login.fresh-address-max-delay", value = "PT0.1S")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailedLoginMailTest implements TestPropertyProvider {

    private static final int SMTP_PORT = LocalSmtp.freePort();
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);

    @RegisterExtension
    static final GreenMailExtension SMTP = LocalSmtp.on(SMTP_PORT);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;
    @io.micronaut.context.annotation.Value("${datasources.default.url}")
    String databaseUrl;

    /** The test database outlives a run, and so would the counts of this class's loopback addresses. */
    @org.junit.jupiter.api.BeforeAll
    void forgetEarlierRuns() throws java.sql.SQLException {
        try (var connection = java.sql.DriverManager.getConnection(databaseUrl, "kakehashi_app", "kakehashi_app")) {
            connection.createStatement().executeUpdate("DELETE FROM login_throttle");
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return LocalSmtp.settings(SMTP_PORT);
    }

    /** Three failures from each of several fresh addresses on 127.0.2.x: no address is ever refused. */
    private void fail(String email, int times) throws Exception {
        HttpClient from = null;
        for (int i = 0; i < times; i++) {
            if (i % 3 == 0) {
                from = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.2." + NEXT_ADDRESS.getAndIncrement())).build();
            }
            String body = json.writeValueAsString(Map.of("username", email, "password", "wrong password " + i));
            int status = from.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
            assertThat(status).isEqualTo(401);
        }
    }

    private List<MimeMessage> mailTo(String address) throws Exception {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void tenFailuresMailTheOwnerOnceInBothLanguages() throws Exception {
        UserView user = fixtures.operator();

        fail(user.email(), 9);
        Thread.sleep(500);
        assertThat(mailTo(user.email())).isEmpty();
        fail(user.email(), 1);
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        fail(user.email(), 6);
        Thread.sleep(1_000);

        List<MimeMessage> mails = mailTo(user.email());
        assertThat(mails).hasSize(1);
        String text = mails.get(0).getContent().toString();
        assertThat(mails.get(0).getSubject()).contains("ログイン", "sign-ins");
        assertThat(text).contains("10 回失敗", "10 failed sign-ins", "not locked", "ロックされていません");
        assertThat(text).doesNotContain("127.0.");
    }
}
