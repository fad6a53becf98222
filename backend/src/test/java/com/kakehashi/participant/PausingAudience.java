package com.kakehashi.participant;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;

/**
 * The real audience that, once armed, holds the next reader's transaction right after the read:
 * the window in which a wave has its audience but has not yet written its invitations.
 */
@Singleton
@Replaces(ParticipantAudience.class)
@Requires(property = "participant-test.holds", value = "true")
class PausingAudience extends ParticipantAudience {

    private final JdbcOperations jdbc;
    private volatile TransactionHold next;

    PausingAudience(JdbcOperations jdbc) {
        super(jdbc);
        this.jdbc = jdbc;
    }

    TransactionHold holdNextRead() {
        TransactionHold hold = new TransactionHold();
        next = hold;
        return hold;
    }

    @Override
    @Transactional
    public List<Member> members(Set<Side> sides, Set<Level> levels) {
        List<Member> members = super.members(sides, levels);
        TransactionHold hold = next;
        if (hold != null) {
            next = null;
            hold.holdHere(jdbc);
        }
        return members;
    }
}
