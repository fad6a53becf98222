package com.kakehashi.mail;

import com.kakehashi.participant.ParticipantErasing;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * An erased participant's links stop working at once and nothing more is mailed to them: their
 * pending invitation and reminder mails are cancelled and every link token minted for them is
 * deleted, in the erasure's transaction (the tenant in context). The invitations themselves stay,
 * without the participant, for the waves' response rates.
 */
@Singleton
class ErasedParticipantLinks {

    static final String REASON = "participant erased";

    private final JdbcOperations jdbc;

    ErasedParticipantLinks(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The mails first: a batch the dispatcher is sending holds its rows locked, so the update waits
     * for it, and the token that batch stores is committed before the delete below (a new statement)
     * looks for tokens.
     */
    @EventListener
    @Transactional
    void onErasing(ParticipantErasing event) {
        jdbc.prepareStatement("""
                UPDATE mail_outbox SET status = 'CANCELLED', last_error = ?
                WHERE status = 'PENDING' AND invitation_id IN (SELECT id FROM invitation WHERE participant_id = ?)
                """, ps -> {
            ps.setString(1, REASON);
            ps.setObject(2, event.participantId());
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("""
                DELETE FROM invitation_token WHERE invitation_id IN (SELECT id FROM invitation WHERE participant_id = ?)
                """, ps -> {
            ps.setObject(1, event.participantId());
            return ps.executeUpdate();
        });
    }
}
