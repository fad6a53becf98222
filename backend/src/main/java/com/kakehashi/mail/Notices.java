package com.kakehashi.mail;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain-text notices to staff (not invitations) over the same {@link Mailer} and sender as the
 * outbox dispatcher: one SMTP connection per call, one outcome per notice. Callers keep their own
 * outbox and retry with {@link #backoff}.
 */
@Singleton
public class Notices {

    /** {@code idLocalPart} becomes the Message-ID's left-hand side, so a resend keeps the same id. */
    public record Notice(String idLocalPart, String to, String subject, String text) {
    }

    private final Mailer mailer;
    private final MailSettings settings;

    Notices(Mailer mailer, MailSettings settings) {
        this.mailer = mailer;
        this.settings = settings;
    }

    public boolean available() {
        return mailer.available();
    }

    public int maxAttempts() {
        return settings.maxAttempts();
    }

    /** 1 min after the first failure, doubling, at most 1 h (as the invitation outbox). */
    public static Duration backoff(int attempts) {
        return OutboxBatch.backoff(attempts);
    }

    /** @return per notice, in order: null when sent, else a short error without addresses */
    public List<@Nullable String> send(List<Notice> notices) {
        List<String> outcomes = new ArrayList<>();
        Mailer.Connection connection = null;
        String unreachable = null;
        try {
            for (Notice notice : notices) {
                if (connection == null && unreachable == null) {
                    try {
                        connection = mailer.connect();
                    } catch (MessagingException e) {
                        unreachable = OutboxBatch.describe(e);
                    }
                }
                if (unreachable != null) {
                    outcomes.add(unreachable);
                    continue;
                }
                try {
                    connection.send(message(mailer.session(), notice));
                    outcomes.add(null);
                } catch (MessagingException e) {
                    outcomes.add(OutboxBatch.describe(e));
                    if (!connection.isOpen()) {
                        connection.close();
                        connection = null;
                    }
                }
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
        return outcomes;
    }

    private MimeMessage message(Session session, Notice notice) throws MessagingException {
        String messageId = "<" + notice.idLocalPart() + "@" + settings.domain() + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(settings.from());
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(notice.to(), true));
        message.setSubject(notice.subject(), StandardCharsets.UTF_8.name());
        message.setText(notice.text(), StandardCharsets.UTF_8.name());
        return message;
    }
}
