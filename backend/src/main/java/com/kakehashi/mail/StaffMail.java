package com.kakehashi.mail;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain-text mail to staff (not invitations) over the same {@link Mailer} and sender as the outbox:
 * {@link #compose} builds one for an {@link OutboxSender} (alert mails go through the outbox), and
 * {@link #send} delivers at once, one SMTP connection per call, for mail that is not worth queueing
 * (a failed-login notice).
 */
@Singleton
public class StaffMail {

    /** {@code idLocalPart} becomes the Message-ID's left-hand side, so a resend keeps the same id. */
    public record Notice(String idLocalPart, String to, String subject, String text) {
    }

    private final Mailer mailer;
    private final MailSettings settings;

    StaffMail(Mailer mailer, MailSettings settings) {
        this.mailer = mailer;
        this.settings = settings;
    }

    public boolean available() {
        return mailer.available();
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
                        unreachable = OutboxWorker.describe(e);
                    }
                }
                if (unreachable != null) {
                    outcomes.add(unreachable);
                    continue;
                }
                try {
                    connection.send(compose(mailer.session(), notice));
                    outcomes.add(null);
                } catch (MessagingException e) {
                    outcomes.add(OutboxWorker.describe(e));
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

    public MimeMessage compose(Session session, Notice notice) throws MessagingException {
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
