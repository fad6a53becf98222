package com.kakehashi.schedule;

import com.kakehashi.audit.AuditLog;
import com.kakehashi.engagement.EngagementService;
import com.kakehashi.identity.Caller;
import com.kakehashi.survey.InstrumentService;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.TenantService;
import com.kakehashi.web.InvalidInputException;
import com.kakehashi.web.NotFoundException;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Pulse schedules of the tenant in context. Creating waves from them is the wave feature's job. */
@Singleton
public class ScheduleService {

    private final ScheduleRepository schedules;
    private final EngagementService engagements;
    private final InstrumentService instruments;
    private final TenantService tenants;
    private final AuditLog audit;
    private final ApplicationEventPublisher<ScheduleChanged> events;
    private final Clock clock;

    ScheduleService(ScheduleRepository schedules, EngagementService engagements, InstrumentService instruments,
                    TenantService tenants, AuditLog audit, ApplicationEventPublisher<ScheduleChanged> events, Clock clock) {
        this.schedules = schedules;
        this.engagements = engagements;
        this.instruments = instruments;
        this.tenants = tenants;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public List<ScheduleView> list() {
        var zone = tenants.hqZone();
        return schedules.listOrderByCreatedAt().stream().map(s -> ScheduleView.of(s, zone, clock.instant())).toList();
    }

    /** Empty when the schedule was deleted meanwhile (a background task may outlive it). */
    @Transactional
    public java.util.Optional<ScheduleView> find(UUID id) {
        return schedules.findById(id).map(s -> ScheduleView.of(s, tenants.hqZone(), clock.instant()));
    }

    /** The survey titles alone: all the respondent page and mail need of a schedule, in one read. */
    @Transactional
    public java.util.Optional<SurveyTitles> surveyTitles(UUID id) {
        return schedules.findById(id).map(s -> new SurveyTitles(s.surveyTitleEn(), s.surveyTitleJa()));
    }

    @Transactional
    public ScheduleView get(UUID id) {
        return ScheduleView.of(load(id), tenants.hqZone(), clock.instant());
    }

    @Transactional
    public ScheduleView create(Caller caller, ScheduleDetails details) {
        check(details);
        Instant now = clock.instant();
        PulseSchedule saved = schedules.save(new PulseSchedule(UUID.randomUUID(), null, details.engagementId(),
                details.instrumentVersionId(), details.name().trim(), details.surveyTitleEn().strip(),
                details.surveyTitleJa().strip(), ScheduleView.join(details.sides()),
                ScheduleView.join(details.levels()), details.cadence(), details.japanSendTime(), details.hqSendTime(),
                details.daysOpen(), ScheduleView.joinInts(details.reminders()), details.startDate(), details.endDate(),
                false, now, now));
        audit.record(caller, "schedule.created", "schedule", saved.id());
        changed(saved.id());
        return ScheduleView.of(saved, tenants.hqZone(), now);
    }

    @Transactional
    public ScheduleView update(Caller caller, UUID id, ScheduleDetails details) {
        PulseSchedule old = load(id);
        check(details);
        PulseSchedule updated = schedules.update(new PulseSchedule(old.id(), old.tenantId(), details.engagementId(),
                details.instrumentVersionId(), details.name().trim(), details.surveyTitleEn().strip(),
                details.surveyTitleJa().strip(), ScheduleView.join(details.sides()),
                ScheduleView.join(details.levels()), details.cadence(), details.japanSendTime(), details.hqSendTime(),
                details.daysOpen(), ScheduleView.joinInts(details.reminders()), details.startDate(), details.endDate(),
                old.paused(), old.createdAt(), clock.instant()));
        audit.record(caller, "schedule.updated", "schedule", id);
        changed(id);
        return ScheduleView.of(updated, tenants.hqZone(), clock.instant());
    }

    @Transactional
    public ScheduleView pause(Caller caller, UUID id) {
        return setPaused(caller, id, true);
    }

    /** Resuming plans the next occurrence from now: occurrences missed while paused are not sent. */
    @Transactional
    public ScheduleView resume(Caller caller, UUID id) {
        return setPaused(caller, id, false);
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        load(id);
        schedules.deleteById(id);
        audit.record(caller, "schedule.deleted", "schedule", id);
    }

    private ScheduleView setPaused(Caller caller, UUID id, boolean paused) {
        PulseSchedule old = load(id);
        if (old.paused() != paused) {
            schedules.update(new PulseSchedule(old.id(), old.tenantId(), old.engagementId(), old.instrumentVersionId(),
                    old.name(), old.surveyTitleEn(), old.surveyTitleJa(), old.audienceSides(), old.audienceLevels(), old.cadence(), old.japanSendTime(),
                    old.hqSendTime(), old.daysOpen(), old.reminderOffsets(), old.startDate(), old.endDate(), paused,
                    old.createdAt(), clock.instant()));
            audit.record(caller, paused ? "schedule.paused" : "schedule.resumed", "schedule", id);
            changed(id);
        }
        return get(id);
    }

    private void check(ScheduleDetails details) {
        if (details.endDate() != null && details.endDate().isBefore(details.startDate())) {
            throw new InvalidInputException("endDate", "must not be before the start date");
        }
        if (details.reminders().stream().anyMatch(days -> days >= details.daysOpen())) {
            throw new InvalidInputException("reminderOffsetDays", "every reminder must come before the wave closes");
        }
        if (instruments.publishedVersion(details.instrumentVersionId()).isEmpty()) {
            throw new InvalidInputException("instrumentVersionId", "must be a published version of one of this tenant's instruments");
        }
        try {
            engagements.get(details.engagementId());
        } catch (NotFoundException e) {
            throw new InvalidInputException("engagementId", "no such engagement in this tenant");
        }
    }

    private void changed(UUID id) {
        events.publishEvent(new ScheduleChanged(TenantContext.require(), id));
    }

    private PulseSchedule load(UUID id) {
        return schedules.findById(id).orElseThrow(() -> new NotFoundException("schedule"));
    }
}
