package com.kakehashi.timeline;

import com.kakehashi.audit.AuditLog;
import com.kakehashi.engagement.EngagementService;
import com.kakehashi.engagement.EngagementView;
import com.kakehashi.identity.Caller;
import com.kakehashi.web.InvalidInputException;
import com.kakehashi.web.NotFoundException;
import com.kakehashi.web.Problem;
import com.kakehashi.web.Text;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The dated events of an engagement that explain its trends. Dates are kept to the span a pulse
 * history can show: nothing before 2000 (a typo such as 0202), nothing more than a year ahead
 * (a planned change may be noted, a guess about the far future is no event).
 */
@Singleton
public class TimelineService {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final TimelineStore store;
    private final EngagementService engagements;
    private final AuditLog audit;
    private final Clock clock;

    TimelineService(TimelineStore store, EngagementService engagements, AuditLog audit, Clock clock) {
        this.store = store;
        this.engagements = engagements;
        this.audit = audit;
        this.clock = clock;
    }

    /** The recorded events and the engagement's start, oldest first (the start first on a tie). */
    @Transactional
    public List<TimelineEventView> list(UUID engagementId) {
        EngagementView engagement = engagements.get(engagementId);
        List<TimelineEventView> events = new ArrayList<>(store.of(engagementId));
        events.add(TimelineEventView.engagementStart(engagementId, engagement.startDate()));
        events.sort(Comparator.comparing(TimelineEventView::occurredOn)
                .thenComparing(e -> !e.derived()));
        return events;
    }

    @Transactional
    public TimelineEventView create(Caller caller, UUID engagementId, NewTimelineEvent event) {
        engagements.get(engagementId);
        String labelEn = label("labelEn", event.labelEn());
        String labelJa = label("labelJa", event.labelJa());
        List<Problem.FieldError> errors = new ArrayList<>();
        if (labelEn == null && labelJa == null) {
            errors.add(new Problem.FieldError("labelEn", "an English or a Japanese label is required"));
        }
        if (!event.kind().recordable()) {
            errors.add(new Problem.FieldError("kind", "the engagement's start comes from the engagement and cannot be recorded"));
        }
        LocalDate latest = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusYears(1);
        if (event.occurredOn().isBefore(EARLIEST) || event.occurredOn().isAfter(latest)) {
            errors.add(new Problem.FieldError("occurredOn", "must be between " + EARLIEST + " and " + latest));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        TimelineEventView saved = store.insert(engagementId, event, labelEn, labelJa, caller.id());
        audit.record(caller, "timeline-event.created", "timeline_event", saved.id());
        return saved;
    }

    @Transactional
    public void delete(Caller caller, UUID engagementId, UUID eventId) {
        engagements.get(engagementId);
        if (!store.delete(engagementId, eventId)) {
            throw new NotFoundException("event");
        }
        audit.record(caller, "timeline-event.deleted", "timeline_event", eventId);
    }

    /** Blank is no label; the JSON reader has applied {@link Text} already, callers inside the backend may not have. */
    private static String label(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String label = value.strip();
        var refusal = Text.refusal(label, false);
        if (refusal.isPresent()) {
            throw new InvalidInputException(field, refusal.get());
        }
        if (label.length() > TimelineEventView.LABEL_MAX) {
            throw new InvalidInputException(field, "must be at most " + TimelineEventView.LABEL_MAX + " characters");
        }
        return label;
    }
}
