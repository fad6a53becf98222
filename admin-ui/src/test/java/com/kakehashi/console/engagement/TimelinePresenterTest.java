package com.kakehashi.console.engagement;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.EngagementDraft;
import com.kakehashi.console.api.EngagementStatus;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.TimelineRecords;
import com.kakehashi.console.api.TimelineRecords.Kind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.kakehashi.console.api.Fixtures.CONTOSO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelinePresenterTest {

    private static final EngagementDraft ALIGNMENT = new EngagementDraft("Alignment", "", LocalDate.of(2026, 3, 2), null,
            EngagementStatus.ACTIVE, List.of());

    @Test
    void consultantAddsAnEventAndSeesItBesideTheEngagementStartOldestFirst() {
        var api = Fixtures.apiFor(Fixtures.consultant(), CONTOSO);
        Engagement engagement = api.createEngagement(CONTOSO.id(), ALIGNMENT);
        var view = new RecordingView();
        var presenter = new TimelinePresenter(api, api.me, CONTOSO.id(), view);
        presenter.show(engagement);

        presenter.add(new TimelineRecords.Draft(LocalDate.of(2025, 9, 1), Kind.ORGANISATION_CHANGE, " HQ restructuring ", " "));

        assertTrue(view.cleared);
        assertTrue(view.editable);
        assertEquals(List.of(Kind.ORGANISATION_CHANGE, Kind.ENGAGEMENT_START), view.events.stream().map(TimelineRecords.Event::kind).toList());
        var recorded = view.events.getFirst();
        assertEquals("HQ restructuring", recorded.labelEn(), "labels are sent trimmed");
        assertNull(recorded.labelJa(), "a blank label is sent as none");
    }

    @Test
    void eventWithoutAnyLabelIsNotSent() {
        var api = Fixtures.apiFor(Fixtures.consultant(), CONTOSO);
        var view = new RecordingView();
        var presenter = new TimelinePresenter(api, api.me, CONTOSO.id(), view);
        presenter.show(api.createEngagement(CONTOSO.id(), ALIGNMENT));

        presenter.add(new TimelineRecords.Draft(LocalDate.of(2025, 9, 1), Kind.OTHER, "  ", ""));
        presenter.add(new TimelineRecords.Draft(null, Kind.OTHER, "Offsite", ""));

        assertEquals(List.of("labelEn", "occurredOn"), view.missing);
        assertFalse(api.calls.stream().anyMatch(c -> c.startsWith("createEvent")));
    }

    @Test
    void theBackendsRefusalIsShownOnTheForm() {
        var api = Fixtures.apiFor(Fixtures.consultant(), CONTOSO);
        var view = new RecordingView();
        var presenter = new TimelinePresenter(api, api.me, CONTOSO.id(), view);
        presenter.show(api.createEngagement(CONTOSO.id(), ALIGNMENT));
        var problem = new ApiProblem(null, "The request has invalid fields.", 400, null,
                List.of(new ApiProblem.FieldError("occurredOn", "must be between 2000-01-01 and 2027-12-04")));
        api.refuseNext(problem);

        presenter.add(new TimelineRecords.Draft(LocalDate.of(1999, 1, 1), Kind.MILESTONE, "Kick-off", null));

        assertEquals(problem, view.formProblem);
        assertFalse(view.cleared);
    }

    @Test
    void consultantDeletesARecordedEventButNeverTheEngagementStart() {
        var api = Fixtures.apiFor(Fixtures.consultant(), CONTOSO);
        Engagement engagement = api.createEngagement(CONTOSO.id(), ALIGNMENT);
        api.createEvent(CONTOSO.id(), engagement.id(), new TimelineRecords.Draft(LocalDate.of(2026, 5, 1), Kind.LEADERSHIP_CHANGE,
                null, "新社長"));
        var view = new RecordingView();
        var presenter = new TimelinePresenter(api, api.me, CONTOSO.id(), view);
        presenter.show(engagement);
        var start = view.events.getFirst();
        var recorded = view.events.getLast();

        presenter.delete(start);
        presenter.delete(recorded);

        assertEquals(1, api.calls.stream().filter(c -> c.startsWith("deleteEvent")).count());
        assertEquals(List.of(Kind.ENGAGEMENT_START), view.events.stream().map(TimelineRecords.Event::kind).toList());
    }

    @Test
    void executiveReadsEventsButCannotAddOrDelete() {
        var api = Fixtures.apiFor(Fixtures.executiveOf(CONTOSO), CONTOSO);
        Engagement engagement = api.createEngagement(CONTOSO.id(), ALIGNMENT);
        api.createEvent(CONTOSO.id(), engagement.id(), new TimelineRecords.Draft(LocalDate.of(2026, 5, 1), Kind.MILESTONE, "Go-live", null));
        api.calls.clear();
        var view = new RecordingView();
        var presenter = new TimelinePresenter(api, api.me, CONTOSO.id(), view);
        presenter.show(engagement);

        presenter.add(new TimelineRecords.Draft(LocalDate.of(2026, 6, 1), Kind.OTHER, "Mine", null));
        presenter.delete(view.events.getLast());

        assertFalse(view.editable);
        assertEquals(2, view.events.size());
        assertEquals(List.of("events " + engagement.id()), api.calls, "nothing but the reading reaches the backend");
    }

    @Test
    void noEngagementChosenShowsNothingAndAsksNothing() {
        var api = Fixtures.apiFor(Fixtures.consultant(), CONTOSO);
        api.calls.clear();
        var view = new RecordingView();
        new TimelinePresenter(api, api.me, CONTOSO.id(), view).show(null);

        assertTrue(view.events.isEmpty());
        assertTrue(api.calls.isEmpty());
    }

    private static final class RecordingView implements TimelinePresenter.View {
        List<TimelineRecords.Event> events;
        boolean editable;
        boolean cleared;
        final List<String> missing = new ArrayList<>();
        ApiProblem formProblem;

        @Override
        public void showEvents(Engagement engagement, List<TimelineRecords.Event> events, boolean editable) {
            this.events = events;
            this.editable = editable;
        }

        @Override
        public void clearForm() {
            cleared = true;
        }

        @Override
        public void showMissing(String field) {
            missing.add(field);
        }

        @Override
        public void showFormProblem(ApiProblem problem) {
            formProblem = problem;
        }

        @Override
        public void showProblem(ApiProblem problem) {
            throw new AssertionError(problem.toString());
        }
    }
}
