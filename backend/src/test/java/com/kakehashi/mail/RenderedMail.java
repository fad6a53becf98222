package com.kakehashi.mail;

import com.kakehashi.invitation.InvitationTokens;
import io.micronaut.context.ApplicationContext;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** For the mail benchmark: the size of one invitation as the dispatcher renders it (headers and body). */
public final class RenderedMail {

    private RenderedMail() {
    }

    public static int invitationBytes(ApplicationContext context) throws Exception {
        MailTemplates templates = context.getBean(MailTemplates.class);
        Mailer mailer = context.getBean(Mailer.class);
        MailSettings settings = context.getBean(MailSettings.class);
        Instant now = Instant.now();
        OutboxMail mail = new OutboxMail(UUID.randomUUID(), UUID.randomUUID(), OutboxKind.INVITATION, now, 0, "ja", "Asia/Tokyo",
                false, "p1-bench@bench.example", "Bench 1", now.plus(Duration.ofDays(5)), "Pulse engagement");
        RenderedMessage message = templates.message(mailer.session(), mail, settings.link(InvitationTokens.mint()));
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.size();
    }

    /**
     * The dispatcher's mail work without its database work: render {@code count} invitations, each
     * with a fresh token, and send them over one connection per {@code batchSize}, as
     * the dispatcher did before workers kept one connection per run. @return seconds
     */
    public static double renderAndSendOnly(ApplicationContext context, int count, int batchSize) throws Exception {
        MailTemplates templates = context.getBean(MailTemplates.class);
        Mailer mailer = context.getBean(Mailer.class);
        MailSettings settings = context.getBean(MailSettings.class);
        Instant now = Instant.now();
        long start = System.nanoTime();
        for (int done = 0; done < count; done += batchSize) {
            try (Mailer.Connection connection = mailer.connect()) {
                for (int i = done; i < Math.min(count, done + batchSize); i++) {
                    OutboxMail mail = new OutboxMail(UUID.randomUUID(), UUID.randomUUID(), OutboxKind.INVITATION, now, 0, "ja",
                            "Asia/Tokyo", false, "p" + i + "-bench@bench.example", "Bench " + i,
                            now.plus(Duration.ofDays(5)), "Pulse engagement");
                    String token = InvitationTokens.mint();
                    connection.send(templates.message(mailer.session(), mail, settings.link(token)));
                    InvitationTokens.hash(token);
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
