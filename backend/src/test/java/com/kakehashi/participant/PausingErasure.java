package com.kakehashi.participant;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Once armed, holds the next erasure's transaction where its listeners run: after the participant's
 * row is locked, before it is deleted.
 */
@Singleton
@Requires(property = "participant-test.holds", value = "true")
class PausingErasure {

    private final JdbcOperations jdbc;
    private volatile TransactionHold next;

    PausingErasure(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    TransactionHold holdNextErasure() {
        TransactionHold hold = new TransactionHold();
        next = hold;
        return hold;
    }

    @EventListener
    void onErasing(ParticipantErasing event) {
        TransactionHold hold = next;
        if (hold != null) {
            next = null;
            hold.holdHere(jdbc);
        }
    }
}
