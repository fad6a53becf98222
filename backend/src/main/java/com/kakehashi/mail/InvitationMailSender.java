package com.kakehashi.mail;

import com.kakehashi.invitation.InvitationService;
import com.kakehashi.invitation.InvitationTokens;
import com.kakehashi.invitation.IssuedToken;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Invitation and reminder mails: each carries a freshly minted personal link token, whose hash is
 * stored and committed before the round's mails are sent (see
 * {@link InvitationService#storeTokensBeforeSending}). A mail to an
 * erased participant, one due after its wave's closing time (before the closer has closed it) and
 * a reminder to someone who already answered are cancelled instead.
 */
@Singleton
class InvitationMailSender implements OutboxSender {

    private final InvitationMailReader reader;
    private final InvitationService invitations;
    private final MailTemplates templates;
    private final MailSettings settings;
    private final Clock clock;

    InvitationMailSender(InvitationMailReader reader, InvitationService invitations, MailTemplates templates,
                         MailSettings settings, Clock clock) {
        this.reader = reader;
        this.invitations = invitations;
        this.templates = templates;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Set<OutboxKind> kinds() {
        return Set.of(OutboxKind.INVITATION, OutboxKind.REMINDER);
    }

    @Override
    public Shipment prepare(List<QueuedMail> mails) {
        Map<UUID, OutboxMail> complete = new HashMap<>();
        reader.complete(mails).forEach(mail -> complete.put(mail.id(), mail));
        Instant now = clock.instant();
        return new Shipment() {
            /** Minted at the first message of the round: only once the SMTP server has answered. */
            private Map<UUID, String> minted;

            @Override
            public Optional<String> cancelReason(QueuedMail queued) {
                return InvitationMailSender.cancelReason(complete.get(queued.id()), now);
            }

            @Override
            public MimeMessage compose(QueuedMail queued, Session session) throws MessagingException {
                if (minted == null) {
                    minted = mintAndStore(mails, complete, now);
                }
                return templates.message(session, complete.get(queued.id()), settings.link(minted.get(queued.id())));
            }
        };
    }

    /**
     * One token for every mail of the round that is to go out, committed before the first is sent.
     * Not before the SMTP server has answered: attempts during an outage store no tokens.
     */
    private Map<UUID, String> mintAndStore(List<QueuedMail> mails, Map<UUID, OutboxMail> complete, Instant now) {
        Map<UUID, String> minted = new HashMap<>();
        List<IssuedToken> issued = new ArrayList<>();
        for (QueuedMail queued : mails) {
            OutboxMail mail = complete.get(queued.id());
            if (cancelReason(mail, now).isEmpty()) {
                String token = InvitationTokens.mint();
                minted.put(queued.id(), token);
                issued.add(new IssuedToken(token, mail.invitationId(), mail.closesAt()));
            }
        }
        invitations.storeTokensBeforeSending(issued);
        return minted;
    }

    private static Optional<String> cancelReason(OutboxMail mail, Instant now) {
        if (mail == null) {
            return Optional.of("invitation gone");
        }
        if (mail.email() == null) {
            return Optional.of(ErasedParticipantLinks.REASON);
        }
        if (!mail.closesAt().isAfter(now)) {
            return Optional.of(WaveMailLifecycle.WAVE_CLOSED);
        }
        if (mail.kind() == OutboxKind.REMINDER && mail.responded()) {
            return Optional.of("already responded");
        }
        return Optional.empty();
    }
}
