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
 * stored only for the mails that went out, in the transaction that marks them SENT. A mail to an
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
        Map<UUID, IssuedToken> minted = new HashMap<>();
        return new Shipment() {
            @Override
            public Optional<String> cancelReason(QueuedMail queued) {
                OutboxMail mail = complete.get(queued.id());
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

            @Override
            public MimeMessage compose(QueuedMail queued, Session session) throws MessagingException {
                OutboxMail mail = complete.get(queued.id());
                String token = InvitationTokens.mint();
                MimeMessage message = templates.message(session, mail, settings.link(token));
                minted.put(mail.id(), new IssuedToken(token, mail.invitationId(), mail.closesAt()));
                return message;
            }

            @Override
            public void delivered(List<UUID> mailIds) {
                List<IssuedToken> tokens = new ArrayList<>(mailIds.size());
                mailIds.forEach(id -> tokens.add(minted.get(id)));
                invitations.storeTokens(tokens);
            }
        };
    }
}
