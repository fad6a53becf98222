package com.kakehashi.console.objective;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.FakeKakehashiApi;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.ObjectiveRecords.DecisionRow;
import com.kakehashi.console.api.ObjectiveRecords.InitiativeRow;
import com.kakehashi.console.api.ObjectiveRecords.Summary;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObjectivePresenterTest {

    private final UUID engagement = UUID.randomUUID();
    private final List<String> fieldErrors = new ArrayList<>();
    private Boolean canEdit;
    private boolean closed;

    private final ObjectivePresenter.View view = new ObjectivePresenter.View() {
        @Override
        public void showAll(List<Engagement> engagements, List<InitiativeRow> initiatives, List<DecisionRow> decisions,
                            Summary summary, boolean edit) {
            canEdit = edit;
        }

        @Override
        public void showFieldError(String field, String messageKey, Object... arguments) {
            fieldErrors.add(field + ":" + arguments[0]);
        }

        @Override
        public void showProblem(ApiProblem problem) {
            throw new AssertionError(problem);
        }

        @Override
        public void closeForms() {
            closed = true;
        }
    };

    @Test
    void milestoneLinesBecomeMilestonesWithOptionalActualDates() {
        FakeKakehashiApi api = Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND);
        var presenter = new ObjectivePresenter(api, api.me, Fixtures.NORTHWIND.id(), view);

        presenter.createInitiative(engagement, "Direct channel", LocalDate.of(2027, 1, 5),
                "Pilot; 2027-02-01; 2027-02-10\n\nRollout；2027-04-01\n");

        var draft = api.initiativeDrafts.getFirst();
        assertEquals(2, draft.milestones().size());
        assertEquals(LocalDate.of(2027, 2, 10), draft.milestones().get(0).actualOn());
        assertNull(draft.milestones().get(1).actualOn());
        assertTrue(closed);
    }

    @Test
    void aMalformedMilestoneLineIsReportedWithItsNumberAndNothingIsSent() {
        FakeKakehashiApi api = Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND);
        var presenter = new ObjectivePresenter(api, api.me, Fixtures.NORTHWIND.id(), view);

        presenter.createInitiative(engagement, "Direct channel", LocalDate.of(2027, 1, 5), "Pilot; 2027-02-01\nRollout; April");

        assertEquals(List.of("milestones:2"), fieldErrors);
        assertFalse(api.calls.contains("createInitiative"));
    }

    @Test
    void executivesReadButCannotRecordDecisions() {
        FakeKakehashiApi api = Fixtures.apiFor(Fixtures.executiveOf(Fixtures.NORTHWIND), Fixtures.NORTHWIND);
        var presenter = new ObjectivePresenter(api, api.me, Fixtures.NORTHWIND.id(), view);

        presenter.load();
        presenter.createDecision(engagement, "Pricing", LocalDate.of(2027, 1, 5), null, false);

        assertFalse(canEdit);
        assertFalse(api.calls.contains("createDecision"));
    }
}
