package com.kakehashi.console.objective;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.FakeKakehashiApi;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.ObjectiveRecords.CycleGroup;
import com.kakehashi.console.api.ObjectiveRecords.CycleInterval;
import com.kakehashi.console.api.ObjectiveRecords.CycleTimes;
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
    private final List<ApiProblem> problems = new ArrayList<>();
    private List<ObjectivePresenter.TimelineRow> timeline;
    private ObjectivePresenter.CycleComparison comparison;

    private final ObjectivePresenter.View view = new ObjectivePresenter.View() {
        @Override
        public void showAll(List<Engagement> engagements, List<InitiativeRow> initiatives, List<DecisionRow> decisions,
                            Summary summary, boolean edit) {
            canEdit = edit;
        }

        @Override
        public void showFieldError(String field, String messageKey, Object... arguments) {
            fieldErrors.add(field + ":" + (arguments.length == 0 ? messageKey : arguments[0]));
        }

        @Override
        public void showProblem(ApiProblem problem) {
            problems.add(problem);
        }

        @Override
        public void closeForms() {
            closed = true;
        }

        @Override
        public void showDecisionTimeline(List<ObjectivePresenter.TimelineRow> rows, ObjectivePresenter.CycleComparison c) {
            timeline = rows;
            comparison = c;
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
        presenter.createDecision(engagement, "Pricing", LocalDate.of(2027, 1, 5), null, false, null, null);

        assertFalse(canEdit);
        assertFalse(api.calls.contains("createDecision"));
    }

    // ---- decision stages, timeline and cycle times ----

    private static DecisionRow decision(String title, String consulted, String proposed, String approved, String execution) {
        return new DecisionRow(UUID.randomUUID(), UUID.randomUUID(), title, date(proposed), date(approved),
                consulted != null && approved != null && date(consulted).isBefore(date(approved)), date(consulted), date(execution));
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    private ObjectivePresenter presenter(FakeKakehashiApi api) {
        return new ObjectivePresenter(api, api.me, Fixtures.NORTHWIND.id(), view);
    }

    @Test
    void theTimelineOrdersEachDecisionsStagesByDateAndPutsAllDecisionsOnTheScaleOfTheLongest() {
        FakeKakehashiApi api = Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND);
        // consulted 1 Mar, proposed 11 Mar (+10), approved 31 Mar (+20), execution 10 Apr (+10): 40 days in all
        api.decisions.add(decision("Early", "2026-03-01", "2026-03-11", "2026-03-31", "2026-04-10"));
        // proposed 1 May, consulted afterwards (3 May), approved 11 May, execution not started yet
        api.decisions.add(decision("Late", "2026-05-03", "2026-05-01", "2026-05-11", null));
        // proposed only
        api.decisions.add(decision("Open", null, "2026-06-01", null, null));

        presenter(api).load();

        assertEquals(List.of("Open", "Late", "Early"), timeline.stream().map(r -> r.decision().title()).toList());
        var early = timeline.get(2);
        assertEquals(List.of(ObjectivePresenter.Stage.CONSULTED, ObjectivePresenter.Stage.PROPOSED,
                ObjectivePresenter.Stage.APPROVED, ObjectivePresenter.Stage.EXECUTION_STARTED),
                early.stages().stream().map(ObjectivePresenter.StagePoint::stage).toList());
        assertEquals(java.util.Arrays.asList(null, 10L, 20L, 10L),
                early.stages().stream().map(ObjectivePresenter.StagePoint::daysSincePrevious).toList());
        assertEquals(List.of(0.0, 25.0, 75.0, 100.0), early.stages().stream().map(ObjectivePresenter.StagePoint::offsetPercent).toList());
        assertTrue(early.consultedBeforeProposal());
        assertNull(early.waitingFor());
        assertEquals(40, early.spanDays());

        var late = timeline.get(1);
        assertEquals(List.of(ObjectivePresenter.Stage.PROPOSED, ObjectivePresenter.Stage.CONSULTED, ObjectivePresenter.Stage.APPROVED),
                late.stages().stream().map(ObjectivePresenter.StagePoint::stage).toList());
        assertEquals(List.of(0.0, 5.0, 25.0), late.stages().stream().map(ObjectivePresenter.StagePoint::offsetPercent).toList());
        assertFalse(late.consultedBeforeProposal());
        assertEquals(ObjectivePresenter.Stage.EXECUTION_STARTED, late.waitingFor());

        var open = timeline.get(0);
        assertEquals(1, open.stages().size());
        assertEquals(0.0, open.stages().getFirst().offsetPercent());
        assertEquals(ObjectivePresenter.Stage.APPROVED, open.waitingFor());
    }

    @Test
    void cycleTimesShowMedianAndIqrWhereThereAreEnoughDecisionsAndSaySoWhereNot() {
        FakeKakehashiApi api = Fixtures.apiFor(Fixtures.executiveOf(Fixtures.NORTHWIND), Fixtures.NORTHWIND);
        api.cycleTimes = new CycleTimes(5,
                new CycleGroup(6, new CycleInterval(6, true, 17.5, 12.0, 21.25), new CycleInterval(6, true, 5.5, 4.0, 7.0),
                        new CycleInterval(3, false, null, null, null)),
                new CycleGroup(6, new CycleInterval(6, true, 6.5, 5.0, 8.0), new CycleInterval(6, true, 36.5, 30.0, 41.0),
                        new CycleInterval(6, true, 43.0, 36.0, 49.0)));

        presenter(api).load();

        assertEquals(6, comparison.consultedDecisions());
        assertEquals(6, comparison.otherDecisions());
        var approval = comparison.rows().get(0);
        assertEquals("objective.cycle.proposalToApproval", approval.intervalKey());
        assertEquals(new ObjectivePresenter.Message("objective.cycle.value", List.of(17.5, 12.0, 21.25, 6)), approval.consulted());
        assertEquals(new ObjectivePresenter.Message("objective.cycle.longer", List.of(11.0)), approval.difference());
        var execution = comparison.rows().get(1);
        assertEquals(new ObjectivePresenter.Message("objective.cycle.shorter", List.of(31.0)), execution.difference());
        var whole = comparison.rows().get(2);
        assertEquals(new ObjectivePresenter.Message("objective.cycle.notEnough", List.of(3, 5)), whole.consulted());
        assertEquals("objective.cycle.noComparison", whole.difference().key());
    }

    @Test
    void stageDatesInTheWrongOrderAreMarkedOnTheirFieldAndNothingIsSent() {
        FakeKakehashiApi api = Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND);
        var presenter = presenter(api);
        LocalDate proposed = LocalDate.of(2027, 1, 10);

        presenter.createDecision(engagement, "Pricing", proposed, proposed.minusDays(1), false, null, null);
        presenter.createDecision(engagement, "Pricing", proposed, null, false, null, proposed.minusDays(1));
        presenter.createDecision(engagement, "Pricing", proposed, proposed.plusDays(5), false, null, proposed.plusDays(4));
        presenter.createDecision(engagement, "Pricing", proposed, proposed.plusDays(5), false, proposed.minusDays(3), null);

        assertEquals(List.of("approvedOn", "executionStartedOn", "executionStartedOn", "japanConsulted"), fieldErrorFields());
        assertFalse(api.calls.contains("createDecision"));
    }

    private List<String> fieldErrorFields() {
        return fieldErrors.stream().map(f -> f.substring(0, f.indexOf(':'))).toList();
    }

    @Test
    void aDecisionWithItsStagesIsSentWhole() {
        FakeKakehashiApi api = Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND);
        LocalDate proposed = LocalDate.of(2027, 1, 10);

        presenter(api).createDecision(engagement, "Pricing", proposed, proposed.plusDays(14), true, proposed.minusDays(7),
                proposed.plusDays(20));

        var draft = api.decisionDrafts.getFirst();
        assertEquals(proposed.minusDays(7), draft.consultedOn());
        assertEquals(proposed.plusDays(20), draft.executionStartedOn());
        assertTrue(draft.japanConsulted());
        assertTrue(closed);
        assertEquals(1, timeline.size());
    }

    @Test
    void aRefusalOfTheBackendGoesToTheFormWhichMarksTheFieldItNames() {
        FakeKakehashiApi api = Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND);
        var refusal = new ApiProblem(null, "Bad Request", 400, "The request has invalid fields.",
                List.of(new ApiProblem.FieldError("executionStartedOn", "must not be before the approval")));
        api.refuseNext(refusal);

        presenter(api).createDecision(engagement, "Pricing", LocalDate.of(2027, 1, 10), null, false, null, null);

        assertEquals(List.of(refusal), problems);
        assertFalse(closed);
        assertEquals("executionStartedOn", problems.getFirst().fieldMessages().keySet().iterator().next());
    }
}
