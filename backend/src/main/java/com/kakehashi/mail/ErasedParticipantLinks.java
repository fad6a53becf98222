package com.kakehashi.mail;

import com.kakehashi.invitation.InvitationService;
import com.kakehashi.participant.ParticipantErasing;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * An erased participant's links stop working at once and nothing more is mailed to them: their
 * pending invitation and reminder mails are cancelled and every link token minted for them is
 * revoked, in the erasure's transaction (the tenant in context). The invitations themselves stay,
 * without the participant, for the waves' response rates.
 */
@Singleton
class ErasedParticipantLinks {

    static final String REASON = "participant erased";

    private final InvitationService invitations;
    private final OutboxStore store;

    ErasedParticipantLinks(InvitationService invitations, OutboxStore store) {
        this.invitations = invitations;
        this.store = store;
    }

    /**
     * The mails first: a round the outbox worker is sending holds its rows locked, so the update waits
     * for it, and the tokens that round stores are committed before the revocation below (a new
     * statement) looks for tokens.
     */
    @EventListener
    @Transactional
    void onErasing(ParticipantErasing event) {
        store.cancelPending(invitations.idsOfParticipant(event.participantId()), REASON);
        invitations.revokeTokensOf(event.participantId());
    }
}
