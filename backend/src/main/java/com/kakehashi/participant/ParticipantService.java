package com.kakehashi.participant;

import com.kakehashi.vocabulary.Side;
import com.kakehashi.audit.AuditLog;
import com.kakehashi.identity.Caller;
import com.kakehashi.tenancy.TenantScoped;
import com.kakehashi.tenant.MembershipService;
import com.kakehashi.tenant.TenantService;
import com.kakehashi.web.ConflictException;
import com.kakehashi.web.InvalidInputException;
import com.kakehashi.web.NotFoundException;
import com.kakehashi.web.PageView;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The people of the tenant in context who receive surveys. Their names and emails are personal
 * data: every operation first asks {@link MembershipService#requireParticipantAdmin} whether the
 * caller may handle them (a client executive needs the permission a consultant grants).
 */
@Singleton
public class ParticipantService {

    static final String JAPAN_ZONE = "Asia/Tokyo";

    private final ParticipantRepository participants;
    private final TenantService tenants;
    private final AuditLog audit;
    private final ApplicationEventPublisher<ParticipantErasing> erasing;
    private final MembershipService memberships;
    private final Clock clock;

    ParticipantService(ParticipantRepository participants, TenantService tenants, AuditLog audit,
                       ApplicationEventPublisher<ParticipantErasing> erasing, MembershipService memberships, Clock clock) {
        this.memberships = memberships;
        this.participants = participants;
        this.tenants = tenants;
        this.audit = audit;
        this.erasing = erasing;
        this.clock = clock;
    }

    @Transactional
    public PageView<ParticipantView> list(Caller caller, ParticipantFilter filter, int page, int size) {
        memberships.requireParticipantAdmin(caller);
        var found = participants.findAll(TenantScoped.where(filter.toSpecification()),
                Pageable.from(page, size, Sort.of(Sort.Order.asc("displayName"), Sort.Order.asc("id"))));
        return new PageView<>(found.getContent().stream().map(ParticipantView::of).toList(), page, size, found.getTotalSize());
    }

    @Transactional
    public ParticipantView create(Caller caller, ParticipantDetails details) {
        memberships.requireParticipantAdmin(caller);
        String email = details.normalisedEmail();
        if (participants.findByEmail(email).isPresent()) {
            throw new ConflictException("email", "A participant with this email already exists in this tenant.");
        }
        Instant now = clock.instant();
        Participant participant = new Participant(UUID.randomUUID(), null, email, "", details.side(), details.level(),
                details.language(), "", null, true, now, now).withDetails(details, zoneFor(details), now);
        Participant saved = participants.save(participant);
        audit.record(caller, "participant.created", "participant", saved.id());
        return ParticipantView.of(saved);
    }

    @Transactional
    public ParticipantView get(Caller caller, UUID id) {
        memberships.requireParticipantAdmin(caller);
        return ParticipantView.of(load(id));
    }

    @Transactional
    public ParticipantView update(Caller caller, UUID id, ParticipantDetails details) {
        memberships.requireParticipantAdmin(caller);
        Participant old = load(id);
        String email = details.normalisedEmail();
        if (!email.equals(old.email()) && participants.findByEmail(email).isPresent()) {
            throw new ConflictException("email", "A participant with this email already exists in this tenant.");
        }
        Participant updated = participants.update(old.withDetails(details, zoneFor(details), clock.instant()));
        audit.record(caller, "participant.updated", "participant", id);
        return ParticipantView.of(updated);
    }

    /** Deactivated participants keep their history but receive no further surveys. */
    @Transactional
    public ParticipantView deactivate(Caller caller, UUID id) {
        memberships.requireParticipantAdmin(caller);
        Participant old = load(id);
        if (!old.active()) {
            return ParticipantView.of(old);
        }
        Participant updated = participants.update(old.withActive(false, clock.instant()));
        audit.record(caller, "participant.deactivated", "participant", id);
        return ParticipantView.of(updated);
    }

    /**
     * A privacy request: the person's row goes; anonymous responses never pointed at it and stay.
     * The audit entry names only the id, which no longer resolves to anyone. Their links stop
     * working and their pending mails are cancelled in the same transaction ({@link ParticipantErasing}).
     * The row is locked before the event: a wave being opened holds its audience's rows
     * ({@link ParticipantAudience#members}) until it commits, so the erasure waits for the wave and
     * its listeners then see, and cancel, the mails that wave queued for the person.
     */
    @Transactional
    public void erase(Caller caller, UUID id) {
        memberships.requireParticipantAdmin(caller);
        participants.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("participant"));
        erasing.publishEvent(new ParticipantErasing(id));
        participants.deleteById(id);
        audit.record(caller, "participant.erased", "participant", id);
    }

    /** Upsert by email in one transaction: good lines are saved, bad lines reported, a broken file changes nothing. */
    @Transactional
    public CsvImportReport importCsv(Caller caller, byte[] body) {
        memberships.requireParticipantAdmin(caller);
        ParticipantCsv.Parsed parsed = ParticipantCsv.read(body);
        Map<String, Participant> existing = participants.findByEmailIn(
                        parsed.rows().stream().map(ParticipantCsv.Row::email).toList()).stream()
                .collect(Collectors.toMap(Participant::email, Function.identity()));
        ZoneId hqZone = tenants.hqZone();
        Instant now = clock.instant();
        List<Participant> toCreate = new ArrayList<>();
        List<Participant> toUpdate = new ArrayList<>();
        int unchanged = 0;
        for (ParticipantCsv.Row row : parsed.rows()) {
            ParticipantDetails details = new ParticipantDetails(row.email(), row.name(), row.side(), row.level(),
                    row.language(), row.timeZone().orElse(null), row.department().orElse(null));
            String zone = row.timeZone().orElseGet(() -> defaultZone(row.side(), hqZone));
            Participant old = existing.get(row.email());
            if (old == null) {
                toCreate.add(new Participant(UUID.randomUUID(), null, row.email(), "", row.side(), row.level(),
                        row.language(), zone, null, true, now, now).withDetails(details, zone, now));
            } else {
                Participant changed = old.withDetails(details, zone, now);
                if (changed.sameDetails(old)) {
                    unchanged++;
                } else {
                    toUpdate.add(changed);
                }
            }
        }
        participants.saveAll(toCreate);
        // One statement each: Micronaut Data's batch update fails on records with a @TenantId.
        toUpdate.forEach(participants::update);
        audit.record(caller, "participants.imported", "participant-import", null);
        return new CsvImportReport(toCreate.size(), toUpdate.size(), unchanged, countLines(parsed.errors()), parsed.errors());
    }

    private static int countLines(List<CsvImportReport.LineError> errors) {
        return (int) errors.stream().mapToLong(CsvImportReport.LineError::line).distinct().count();
    }

    private Participant load(UUID id) {
        return participants.findById(id).orElseThrow(() -> new NotFoundException("participant"));
    }

    private String zoneFor(ParticipantDetails details) {
        if (details.timeZone() != null && !details.timeZone().isBlank()) {
            try {
                return ZoneId.of(details.timeZone().trim()).getId();
            } catch (DateTimeException e) {
                throw new InvalidInputException("timeZone", "must be an IANA time zone such as Asia/Tokyo");
            }
        }
        return defaultZone(details.side(), tenants.hqZone());
    }

    private static String defaultZone(Side side, ZoneId hqZone) {
        return side == Side.JAPAN ? JAPAN_ZONE : hqZone.getId();
    }
}
