package com.kakehashi.audit;

import com.kakehashi.identity.Caller;
import com.kakehashi.web.PageView;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

/**
 * Append-only record of who did what to which object in the tenant in context. Entries name
 * objects by id only: after a participant is erased, nothing here identifies the person.
 */
@Singleton
public class AuditLog {

    private final AuditRepository events;
    private final Clock clock;

    AuditLog(AuditRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Joins the caller's transaction, so the entry commits or rolls back with the change itself. */
    @Transactional
    public void record(Caller actor, String action, String objectType, UUID objectId) {
        record(actor, action, objectType, objectId, null);
    }

    /** With the person's own words for why (a reason they were asked for); never personal data of others. */
    @Transactional
    public void record(Caller actor, String action, String objectType, UUID objectId, String detail) {
        events.save(new AuditEvent(UUID.randomUUID(), null, clock.instant(),
                actor == null ? null : actor.id(), actor == null ? "system" : actor.email(), action, objectType, objectId,
                detail));
    }

    @Transactional
    public PageView<AuditEntry> page(int page, int size) {
        var found = events.findAll(Pageable.from(page, size, Sort.of(Sort.Order.desc("occurredAt"))));
        return new PageView<>(found.getContent().stream().map(AuditEntry::of).toList(), page, size, found.getTotalSize());
    }
}
