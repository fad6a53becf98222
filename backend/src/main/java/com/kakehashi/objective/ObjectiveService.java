package com.kakehashi.objective;

import com.kakehashi.audit.AuditLog;
import com.kakehashi.engagement.EngagementService;
import com.kakehashi.identity.Caller;
import com.kakehashi.web.InvalidInputException;
import com.kakehashi.web.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Initiatives and decisions of the tenant in context, and the objective signals derived from them. */
@Singleton
public class ObjectiveService {

    private final InitiativeRepository initiatives;
    private final Milestones milestones;
    private final DecisionRepository decisions;
    private final EngagementService engagements;
    private final AuditLog audit;
    private final Clock clock;

    ObjectiveService(InitiativeRepository initiatives, Milestones milestones, DecisionRepository decisions,
                     EngagementService engagements, AuditLog audit, Clock clock) {
        this.initiatives = initiatives;
        this.milestones = milestones;
        this.decisions = decisions;
        this.engagements = engagements;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<InitiativeView> initiatives(@Nullable UUID engagementId) {
        Map<UUID, List<MilestoneDetails>> all = milestones.all();
        List<Initiative> found = engagementId == null ? initiatives.listOrderByAnnouncedOnDesc()
                : initiatives.findByEngagementIdOrderByAnnouncedOnDesc(engagementId);
        return found.stream().map(i -> InitiativeView.of(i, all.getOrDefault(i.id(), List.of()), today())).toList();
    }

    @Transactional
    public InitiativeView initiative(UUID id) {
        return InitiativeView.of(loadInitiative(id), milestones.all().getOrDefault(id, List.of()), today());
    }

    @Transactional
    public InitiativeView createInitiative(Caller caller, InitiativeDetails details) {
        requireEngagement(details.engagementId());
        Instant now = clock.instant();
        Initiative saved = initiatives.save(new Initiative(UUID.randomUUID(), null, details.engagementId(),
                details.title().trim(), blankToNull(details.description()), details.announcedOn(), now, now));
        milestones.replace(saved.id(), details.milestoneList());
        audit.record(caller, "initiative.created", "initiative", saved.id());
        return initiative(saved.id());
    }

    @Transactional
    public InitiativeView updateInitiative(Caller caller, UUID id, InitiativeDetails details) {
        Initiative old = loadInitiative(id);
        requireEngagement(details.engagementId());
        initiatives.update(new Initiative(id, old.tenantId(), details.engagementId(), details.title().trim(),
                blankToNull(details.description()), details.announcedOn(), old.createdAt(), clock.instant()));
        milestones.replace(id, details.milestoneList());
        audit.record(caller, "initiative.updated", "initiative", id);
        return initiative(id);
    }

    @Transactional
    public void deleteInitiative(Caller caller, UUID id) {
        loadInitiative(id);
        initiatives.deleteById(id);
        audit.record(caller, "initiative.deleted", "initiative", id);
    }

    @Transactional
    public List<DecisionView> decisions(@Nullable UUID engagementId) {
        List<Decision> found = engagementId == null ? decisions.listOrderByProposedOnDesc()
                : decisions.findByEngagementIdOrderByProposedOnDesc(engagementId);
        return found.stream().map(DecisionView::of).toList();
    }

    @Transactional
    public DecisionView decision(UUID id) {
        return DecisionView.of(loadDecision(id));
    }

    @Transactional
    public DecisionView createDecision(Caller caller, DecisionDetails details) {
        check(details);
        Instant now = clock.instant();
        Decision saved = decisions.save(new Decision(UUID.randomUUID(), null, details.engagementId(), details.title().trim(),
                details.proposedOn(), details.approvedOn(), details.japanConsulted(), details.consultedOn(), details.executionStartedOn(),
                blankToNull(details.notes()), now, now));
        audit.record(caller, "decision.created", "decision", saved.id());
        return DecisionView.of(saved);
    }

    @Transactional
    public DecisionView updateDecision(Caller caller, UUID id, DecisionDetails details) {
        Decision old = loadDecision(id);
        check(details);
        Decision updated = decisions.update(new Decision(id, old.tenantId(), details.engagementId(), details.title().trim(),
                details.proposedOn(), details.approvedOn(), details.japanConsulted(), details.consultedOn(), details.executionStartedOn(),
                blankToNull(details.notes()),
                old.createdAt(), clock.instant()));
        audit.record(caller, "decision.updated", "decision", id);
        return DecisionView.of(updated);
    }

    @Transactional
    public void deleteDecision(Caller caller, UUID id) {
        loadDecision(id);
        decisions.deleteById(id);
        audit.record(caller, "decision.deleted", "decision", id);
    }

    /** Slippage over all milestones that are late or reached; consultation rate over approved decisions. */
    @Transactional
    public ObjectiveSignals signals(@Nullable UUID engagementId) {
        List<InitiativeView> all = initiatives(engagementId);
        List<Long> slips = all.stream().flatMap(i -> i.milestones().stream()).map(MilestoneView::slippageDays)
                .filter(Objects::nonNull).toList();
        int milestoneCount = all.stream().mapToInt(i -> i.milestones().size()).sum();
        List<DecisionView> approved = decisions(engagementId).stream().filter(d -> d.approvedOn() != null).toList();
        int consulted = (int) approved.stream().filter(DecisionView::japanConsulted).count();
        return new ObjectiveSignals(all.size(), milestoneCount, (int) slips.stream().filter(s -> s > 0).count(),
                slips.isEmpty() ? null : slips.stream().mapToLong(Long::longValue).average().orElseThrow(),
                slips.stream().max(Long::compare).orElse(null),
                approved.size(), consulted, approved.isEmpty() ? null : (double) consulted / approved.size());
    }

    /** Days between the stages of the decisions, split by whether Japan was consulted before the proposal. */
    @Transactional
    public DecisionCycleTimes cycleTimes(@Nullable UUID engagementId) {
        return DecisionCycleTimes.of(decisions(engagementId));
    }

    private void check(DecisionDetails details) {
        if (details.approvedOn() != null && details.approvedOn().isBefore(details.proposedOn())) {
            throw new InvalidInputException("approvedOn", "must not be before the proposal");
        }
        if (details.executionStartedOn() != null) {
            if (details.executionStartedOn().isBefore(details.proposedOn())) {
                throw new InvalidInputException("executionStartedOn", "must not be before the proposal");
            }
            if (details.approvedOn() != null && details.executionStartedOn().isBefore(details.approvedOn())) {
                throw new InvalidInputException("executionStartedOn", "must not be before the approval");
            }
        }
        if (details.consultedOn() != null && details.approvedOn() != null
                && details.consultedOn().isBefore(details.approvedOn()) && !details.japanConsulted()) {
            throw new InvalidInputException("japanConsulted", "must be true: consultedOn is before the approval");
        }
        requireEngagement(details.engagementId());
    }

    private void requireEngagement(UUID engagementId) {
        try {
            engagements.get(engagementId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("engagementId", "no such engagement in this tenant");
        }
    }

    private Initiative loadInitiative(UUID id) {
        return initiatives.findById(id).orElseThrow(() -> new NotFoundException("initiative"));
    }

    private Decision loadDecision(UUID id) {
        return decisions.findById(id).orElseThrow(() -> new NotFoundException("decision"));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
