package com.kakehashi.invitation;

import com.kakehashi.participant.ParticipantAudience;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Invitations of the tenant in context and their link tokens: who a wave invites, who answered,
 * and which token leads to which invitation. Writes join the caller's transaction (a wave's
 * invitations commit with the wave, a token with the mail's SENT mark).
 */
@Singleton
public class InvitationService {

    private final InvitationStore store;
    private final ParticipantAudience audience;

    InvitationService(InvitationStore store, ParticipantAudience audience) {
        this.store = store;
        this.audience = audience;
    }

    /**
     * One invitation per active participant in the audience (empty sets mean everyone), sent at
     * their side's time.
     *
     * @return the number of invitations created
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public int invite(UUID waveId, Set<Side> sides, Set<Level> levels, Map<Side, Instant> sendAt, Instant fallbackSendAt) {
        return store.invite(waveId, audience.members(sides, levels), sendAt, fallbackSendAt);
    }

    /** How many people {@link #invite} would invite now, per side. */
    @Transactional
    public Map<Side, Long> audience(Set<Side> sides, Set<Level> levels) {
        return audience.count(sides, levels);
    }

    /** Invited and responded per wave and side. */
    @Transactional
    public List<InvitationCount> counts(Collection<UUID> waveIds) {
        return store.counts(waveIds);
    }

    @Transactional
    public List<InvitationView> ofWave(UUID waveId) {
        return store.ofWave(waveId);
    }

    @Transactional
    public Map<UUID, InvitationView> find(Collection<UUID> ids) {
        return store.find(ids).stream().collect(Collectors.toMap(InvitationView::id, Function.identity()));
    }

    @Transactional
    public List<UUID> idsOfWave(UUID waveId) {
        return store.idsOfWave(waveId);
    }

    @Transactional
    public List<UUID> idsOfParticipant(UUID participantId) {
        return store.idsOfParticipant(participantId);
    }

    /**
     * Marks the invitation answered, in the caller's transaction, only if it was not.
     *
     * @return false if it had already been answered
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean markResponded(UUID invitationId) {
        return store.markResponded(invitationId);
    }

    /** Stores the hashes of tokens in the caller's transaction (the demo's history: they count only if it commits). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void storeTokens(List<IssuedToken> tokens) {
        store.insertTokens(tokens);
    }

    /**
     * Retention: the link between these waves' invitations and their token hashes goes. The tokens
     * expired when the waves closed; once the rows are gone nobody (not even with the database and
     * a mail someone kept) can tell which invitation a token was.
     *
     * @return the token rows deleted
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public int forgetTokensOfWaves(Collection<UUID> waveIds) {
        return waveIds.isEmpty() ? 0 : store.deleteTokensOfWaves(waveIds);
    }

    /**
     * Stores the hashes of tokens about to be mailed, committed at once in a transaction of their own
     * (in the tenant in context), before the mails that carry them leave. A dispatcher that dies after
     * sending rolls back its round and sends those mails again with new tokens: both links then work
     * (the invitation is still answered once). Stored with the round instead, the first copy's link
     * was dead, and mail clients that drop a second copy with the same Message-ID kept only that one
     * (kill-replica drill, docs/reliability.md). A token whose mail never left is never known to anyone.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void storeTokensBeforeSending(List<IssuedToken> tokens) {
        store.insertTokens(tokens);
    }

    /** Every link minted for the participant stops working at once (erasure). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void revokeTokensOf(UUID participantId) {
        store.deleteTokensOfParticipant(participantId);
    }

    /** The token's tenant and invitation while it has not expired at {@code now}; needs no tenant in context. */
    @Transactional
    public Optional<TokenOwner> resolve(String token, Instant now) {
        return store.resolve(InvitationTokens.hash(token), now);
    }
}
