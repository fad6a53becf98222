package com.kakehashi.engagement;

import com.kakehashi.audit.AuditLog;
import com.kakehashi.identity.Caller;
import com.kakehashi.tenant.MembershipService;
import com.kakehashi.web.InvalidInputException;
import com.kakehashi.web.NotFoundException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Consulting engagements of the tenant in context; surveys, initiatives and decisions hang off them. */
@Singleton
public class EngagementService {

    private final EngagementRepository engagements;
    private final EngagementConsultants consultants;
    private final MembershipService memberships;
    private final AuditLog audit;
    private final Clock clock;

    EngagementService(EngagementRepository engagements, EngagementConsultants consultants,
                      MembershipService memberships, AuditLog audit, Clock clock) {
        this.engagements = engagements;
        this.consultants = consultants;
        this.memberships = memberships;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<EngagementView> list() {
        Map<UUID, List<UUID>> assigned = consultants.all();
        return engagements.listOrderByStartDateDesc().stream()
                .map(e -> EngagementView.of(e, assigned.getOrDefault(e.id(), List.of())))
                .toList();
    }

    @Transactional
    public EngagementView get(UUID id) {
        return EngagementView.of(load(id), consultants.of(id));
    }

    @Transactional
    public EngagementView create(Caller caller, EngagementDetails details) {
        Set<UUID> team = checked(details);
        Instant now = clock.instant();
        Engagement saved = engagements.save(new Engagement(UUID.randomUUID(), null, details.name().trim(),
                blankToNull(details.goals()), details.startDate(), details.endDate(), details.status(), now, now));
        consultants.replace(saved.id(), team);
        audit.record(caller, "engagement.created", "engagement", saved.id());
        return EngagementView.of(saved, List.copyOf(team));
    }

    @Transactional
    public EngagementView update(Caller caller, UUID id, EngagementDetails details) {
        Engagement old = load(id);
        Set<UUID> team = checked(details);
        Engagement updated = engagements.update(new Engagement(old.id(), old.tenantId(), details.name().trim(),
                blankToNull(details.goals()), details.startDate(), details.endDate(), details.status(),
                old.createdAt(), clock.instant()));
        consultants.replace(id, team);
        audit.record(caller, "engagement.updated", "engagement", id);
        return EngagementView.of(updated, List.copyOf(team));
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        load(id);
        engagements.deleteById(id);
        audit.record(caller, "engagement.deleted", "engagement", id);
    }

    private Set<UUID> checked(EngagementDetails details) {
        if (details.endDate() != null && details.endDate().isBefore(details.startDate())) {
            throw new InvalidInputException("endDate", "must not be before the start date");
        }
        Set<UUID> team = new LinkedHashSet<>(details.consultants());
        for (UUID consultant : team) {
            if (!memberships.isConsultantHere(consultant)) {
                throw new InvalidInputException("consultantIds", "every consultant must be assigned to this tenant");
            }
        }
        return team;
    }

    private Engagement load(UUID id) {
        return engagements.findById(id).orElseThrow(() -> new NotFoundException("engagement"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
