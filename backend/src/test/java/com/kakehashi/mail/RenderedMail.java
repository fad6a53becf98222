package com.kakehashi.mail;

import io.micronaut.context.ApplicationContext;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** For the mail benchmark: the size of one invitation as the dispatcher renders it (headers and body). */
public final class RenderedMail {

    private RenderedMail() {
    }

    public static int invitationBytes(ApplicationContext context) throws Exception {
        MailRenderer renderer = context.getBean(MailRenderer.class);
        Mailer mailer = context.getBean(Mailer.class);
        MailSettings settings = context.getBean(MailSettings.class);
        Instant now = Instant.now();
        OutboxMail mail = new OutboxMail(UUID.randomUUID(), UUID.randomUUID(), MailKind.INVITATION, now, 0, "ja", "Asia/Tokyo",
                false, "p1-bench@bench.example", "Bench 1", "OPEN", now.plus(Duration.ofDays(5)), "Pulse engagement");
        MimeMessage message = renderer.message(mailer.session(), mail, settings.link(InvitationTokens.mint()));
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.size();
    }
}
