package com.kakehashi.participant;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Addresses and names for the mail the system sends on its own (invitations, reminders), in the
 * tenant in context. No caller: nothing here reaches an API; an erased participant is simply absent.
 */
@Singleton
public class ParticipantContacts {

    /** Where a participant's mail goes and how it greets them. */
    public record Contact(UUID id, String email, String displayName) {
    }

    private final ParticipantRepository participants;

    ParticipantContacts(ParticipantRepository participants) {
        this.participants = participants;
    }

    @Transactional
    public Map<UUID, Contact> of(Collection<UUID> ids) {
        Map<UUID, Contact> found = new HashMap<>();
        if (!ids.isEmpty()) {
            participants.findByIdIn(ids).forEach(p -> found.put(p.id(), new Contact(p.id(), p.email(), p.displayName())));
        }
        return found;
    }
}
