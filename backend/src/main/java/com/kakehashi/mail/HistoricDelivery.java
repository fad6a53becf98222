package com.kakehashi.mail;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.invitation.InvitationService;
import com.kakehashi.invitation.InvitationTokens;
import com.kakehashi.invitation.InvitationView;
import com.kakehashi.invitation.IssuedToken;
import com.kakehashi.participant.ParticipantContacts;
import com.kakehashi.wave.WaveService;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The demo's history: the notices of past action events are recorded as sent when the event happened
 * ({@link #recordActionNoticesAsSent}); the invitation mails of a wave that lies in the past are recorded as sent
 * at their send time, with a link token minted and stored as a sent mail's is, but
 * nothing is delivered; the links go back to the caller instead of a mailbox. Reminders of such a
 * wave are cancelled. Both carry the note {@value #NOTE_SENT} / {@value #NOTE_CANCELLED} in
 * {@code last_error}, so the console's outbox says why. Never used outside the demo.
 */
@Singleton
public class HistoricDelivery {

    static final String NOTE_SENT = "demo history: recorded as sent, not delivered";
    static final String NOTE_CANCELLED = "demo history: not sent";

    /** What the mail would have carried: who (for the demo's seeded randomness only) and the link token. */
    public record HistoricLink(String email, Side side, Level level, String language, Instant sentAt, String token) {
    }

    private final OutboxStore store;
    private final InvitationService invitations;
    private final ParticipantContacts contacts;
    private final WaveService waves;

    HistoricDelivery(OutboxStore store, InvitationService invitations, ParticipantContacts contacts, WaveService waves) {
        this.store = store;
        this.invitations = invitations;
        this.contacts = contacts;
        this.waves = waves;
    }

    /**
     * Must join the transaction that opened the wave: its outbox rows are then never visible as
     * PENDING to the dispatcher, so not one historic mail reaches the demo mailbox.
     *
     * @return one link per invitation of the wave, ordered by address
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public List<HistoricLink> recordAsSent(UUID waveId) {
        Instant closesAt = waves.windows(List.of(waveId)).get(waveId).closesAt();
        List<InvitationView> invited = invitations.ofWave(waveId);
        Map<UUID, ParticipantContacts.Contact> people = contacts.of(invited.stream().map(InvitationView::participantId)
                .filter(Objects::nonNull).toList());
        List<HistoricLink> links = new ArrayList<>(invited.size());
        List<IssuedToken> tokens = new ArrayList<>(invited.size());
        for (InvitationView invitation : invited) {
            ParticipantContacts.Contact contact = invitation.participantId() == null ? null : people.get(invitation.participantId());
            String token = InvitationTokens.mint();
            links.add(new HistoricLink(contact == null ? null : contact.email(), invitation.side(), invitation.level(),
                    invitation.language(), invitation.sendAt(), token));
            tokens.add(new IssuedToken(token, invitation.id(), closesAt));
        }
        invitations.storeTokens(tokens);
        store.recordHistoric(invited.stream().map(InvitationView::id).toList(), NOTE_SENT, NOTE_CANCELLED);
        return links.stream().sorted(Comparator.comparing(HistoricLink::email, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /**
     * The notices of an action's past events (proposed, agreed, done, overdue: {@code ActionEvent} names),
     * queued by the action service as the demo writes the action's history, recorded as sent when each
     * event happened and not delivered. Must join the transaction that queued them, for the reason
     * {@link #recordAsSent(UUID)} must.
     *
     * @return how many notices were recorded
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public int recordActionNoticesAsSent(UUID actionId, Map<String, Instant> sentAtByEvent) {
        int recorded = 0;
        for (Map.Entry<String, Instant> event : sentAtByEvent.entrySet()) {
            recorded += store.recordHistoricAction(actionId, event.getKey(), event.getValue(), NOTE_SENT);
        }
        return recorded;
    }
}
