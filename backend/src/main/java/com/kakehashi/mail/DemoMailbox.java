package com.kakehashi.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo run's local mailbox: an embedded SMTP server (GreenMail) that keeps every mail in memory,
 * so the loop invitation → link → answer can be tried on one machine. Exists only with
 * {@code kakehashi.demo=true} and no {@code kakehashi.mail.smtp.host}; never in production.
 */
@Singleton
@Bean(preDestroy = "stop")
@Requires(property = "kakehashi.demo", value = "true")
@Requires(condition = NoSmtpHostConfigured.class)
public class DemoMailbox {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMailbox.class);
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+/s/[A-Za-z0-9_-]+");

    /** One received mail as the mailbox page shows it. */
    @Serdeable
    public record Entry(String to, String subject, Instant receivedAt, List<String> links) {
    }

    private final GreenMail server;

    DemoMailbox(@Value("${kakehashi.mail.demo-smtp-port:3025}") int port) {
        this.server = start(port);
        LOG.info("Demo mailbox: SMTP on 127.0.0.1:{}, mails listed at /demo/mailbox", port());
    }

    private static GreenMail start(int port) {
        GreenMail candidate = create(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try {
            candidate.start();
            return candidate;
        } catch (RuntimeException e) {
            LOG.warn("Demo mailbox port {} is taken; using a free port instead", port);
            GreenMail dynamic = create(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            dynamic.start();
            return dynamic;
        }
    }

    private static GreenMail create(ServerSetup setup) {
        GreenMail mail = new GreenMail(setup);
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        return mail;
    }

    int port() {
        return server.getSmtp().getPort();
    }

    void stop() {
        server.stop();
    }

    /** Every received mail, newest first. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                entries.add(new Entry(recipients(message), message.getSubject(), received(message), links(message)));
            } catch (MessagingException | IOException e) {
                LOG.debug("unreadable mail in the demo mailbox", e);
            }
        }
        entries.sort(Comparator.comparing(Entry::receivedAt).reversed());
        return entries;
    }

    private static String recipients(MimeMessage message) throws MessagingException {
        Address[] to = message.getRecipients(Message.RecipientType.TO);
        return to == null ? "" : String.join(", ", Arrays.stream(to).map(Address::toString).toList());
    }

    private static Instant received(MimeMessage message) throws MessagingException {
        return message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                : message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.EPOCH;
    }

    private static List<String> links(MimeMessage message) throws MessagingException, IOException {
        LinkedHashSet<String> links = new LinkedHashSet<>();
        collect(message.getContent(), links);
        return List.copyOf(links);
    }

    private static void collect(Object content, LinkedHashSet<String> links) throws MessagingException, IOException {
        if (content instanceof String text) {
            Matcher matcher = LINK.matcher(text);
            while (matcher.find()) {
                links.add(matcher.group());
            }
        } else if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), links);
            }
        }
    }
}
