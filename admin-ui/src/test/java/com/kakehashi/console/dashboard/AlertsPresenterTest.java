package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.AlertRecords.Alert;
import com.kakehashi.console.api.AlertRecords.HistoryPoint;
import com.kakehashi.console.api.AlertRecords.Status;
import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.FakeKakehashiApi;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.Side;
import com.kakehashi.console.dashboard.AlertsPresenter.AlertItem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertsPresenterTest {

    private static final UUID NORTHWIND = Fixtures.NORTHWIND.id();
    private final RecordingView view = new RecordingView();

    private static Alert alert(String rule, String sign, Side side, String severity, double value, double threshold,
                               Status status, LocalDate date) {
        return new Alert(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), date, rule, sign, side, severity, value,
                threshold, status, List.of());
    }

    private final Alert silentJapan = alert("RESPONSE_RATE_DROP", null, Side.JAPAN, "MEDIUM", 35.2, 50,
            Status.OPEN, LocalDate.of(2026, 11, 1));
    private final Alert exclusionAcknowledged = alert("SIGN_ABOVE_THRESHOLD", "EXCLUSION", Side.JAPAN, "HIGH", 70.04, 60,
            Status.ACKNOWLEDGED, LocalDate.of(2026, 11, 1));
    private final Alert gapOpen = alert("GAP_WIDENING", "SILENT_DISSENT", null, "HIGH", 22.5, 15,
            Status.OPEN, LocalDate.of(2026, 10, 15));
    private final Alert resolved = alert("SIGN_WORSENING", "RISK_LENS", Side.HQ, "HIGH", 80, 0,
            Status.RESOLVED, LocalDate.of(2026, 11, 1));

    private FakeKakehashiApi apiWithAlerts(FakeKakehashiApi api) {
        List.of(silentJapan, exclusionAcknowledged, gapOpen, resolved).forEach(a -> api.alerts.put(a.id(), a));
        return api;
    }

    @Test
    void unresolvedAlertsAreListedMostUrgentFirstWithTheirWordsAndNumbers() {
        var api = apiWithAlerts(Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND));
        new AlertsPresenter(api, Fixtures.consultant(), NORTHWIND, view).load();

        assertEquals(List.of(gapOpen.id(), exclusionAcknowledged.id(), silentJapan.id()),
                view.alerts.stream().map(AlertItem::id).toList(), "high before medium, open before acknowledged; resolved gone");
        AlertItem gap = view.alerts.get(0);
        assertEquals("dashboard.alert.rule.GAP_WIDENING", gap.ruleKey());
        assertEquals("instrument.sign.SILENT_DISSENT", gap.signKey());
        assertNull(gap.sideKey(), "the gap is about both sides");
        assertEquals("dashboard.alert.severity.HIGH", gap.severityKey());
        assertEquals("22.5", gap.value());
        assertEquals("15.0", gap.threshold());
        AlertItem exclusion = view.alerts.get(1);
        assertEquals("dashboard.side.JAPAN", exclusion.sideKey());
        assertEquals("70.0", exclusion.value());
        assertEquals("dashboard.alert.status.ACKNOWLEDGED", exclusion.statusKey());
        AlertItem silence = view.alerts.get(2);
        assertNull(silence.signKey());
        assertEquals("35%", silence.value(), "rates and shares read as percentages");
        assertEquals("50%", silence.threshold());
        assertEquals(Set.of("EXCLUSION", "SILENT_DISSENT"), view.alertingSigns, "signs to mark on their charts");
    }

    @Test
    void aConsultantAcknowledgesAnnotatesAndResolvesAnAlert() {
        var api = apiWithAlerts(Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND));
        var presenter = new AlertsPresenter(api, Fixtures.consultant(), NORTHWIND, view);
        presenter.load();
        AlertItem gap = view.alerts.getFirst();
        assertTrue(gap.canAcknowledge() && gap.canResolve() && gap.canAnnotate());
        assertFalse(view.alerts.get(1).canAcknowledge(), "already acknowledged");

        presenter.acknowledge(gap.id());
        assertEquals("dashboard.alert.status.ACKNOWLEDGED", item(gap.id()).statusKey());
        assertFalse(item(gap.id()).canAcknowledge());

        presenter.addNote(gap.id(), "  Raised with the Tokyo GM on Monday  ");
        assertTrue(api.calls.contains("annotateAlert " + gap.id() + " Raised with the Tokyo GM on Monday"));
        assertEquals("Raised with the Tokyo GM on Monday", item(gap.id()).notes().getFirst().text());

        presenter.resolve(gap.id());
        assertTrue(api.calls.contains("resolveAlert " + gap.id()));
        assertTrue(view.alerts.stream().noneMatch(a -> a.id().equals(gap.id())));
        assertEquals(Set.of("EXCLUSION"), view.alertingSigns, "a resolved alert no longer marks its sign");
    }

    @Test
    void aBlankOrOverlongNoteIsRefusedWithoutAskingTheBackend() {
        var api = apiWithAlerts(Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND));
        var presenter = new AlertsPresenter(api, Fixtures.consultant(), NORTHWIND, view);
        presenter.load();

        presenter.addNote(gapOpen.id(), "   ");
        assertEquals("dashboard.alert.noteRequired", view.noteProblem);
        presenter.addNote(gapOpen.id(), "x".repeat(AlertsPresenter.NOTE_MAX + 1));
        assertEquals("dashboard.alert.noteTooLong", view.noteProblem);
        assertTrue(api.calls.stream().noneMatch(c -> c.startsWith("annotateAlert")));
    }

    @Test
    void anExecutiveReadsAlertsButIsOfferedNoActionAndCannotTriggerOne() {
        var exec = Fixtures.executiveOf(Fixtures.NORTHWIND);
        var api = apiWithAlerts(Fixtures.apiFor(exec, Fixtures.NORTHWIND));
        var presenter = new AlertsPresenter(api, exec, NORTHWIND, view);
        presenter.load();

        assertEquals(3, view.alerts.size());
        assertTrue(view.alerts.stream().noneMatch(a -> a.canAcknowledge() || a.canResolve() || a.canAnnotate()));
        presenter.acknowledge(gapOpen.id());
        presenter.resolve(gapOpen.id());
        presenter.addNote(gapOpen.id(), "note");
        assertEquals(List.of("alerts " + NORTHWIND), api.calls, "read only, as the backend allows");
    }

    @Test
    void aRefusedActionShowsTheBackendsProblemAndKeepsTheAlert() {
        var api = apiWithAlerts(Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND));
        var presenter = new AlertsPresenter(api, Fixtures.consultant(), NORTHWIND, view);
        presenter.load();

        api.refuseNext(ApiProblem.of(404, "Not Found"));
        presenter.resolve(gapOpen.id());

        assertEquals(404, view.problem.status());
        assertEquals(3, view.alerts.size());
    }

    private static Alert condition(String severity, LocalDate opened, List<HistoryPoint> history) {
        var latest = history.getLast();
        return new Alert(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), latest.occurrenceDate(), "GAP_WIDENING",
                "TRUST_EROSION", null, severity, latest.value(), 15, Status.OPEN, List.of(), opened, history, 0,
                "The HQ–Japan gap on trust erosion has widened beyond noise to 24 points.",
                "信頼の低下について、本社と日本の認識ギャップが誤差を超えて24ポイントに広がっています。", null);
    }

    private static final List<HistoryPoint> WIDENING = List.of(
            new HistoryPoint(LocalDate.of(2026, 9, 1), 6.6, null, null, false, "CLEAR"),
            new HistoryPoint(LocalDate.of(2026, 9, 15), null, null, null, false, "NOT_TESTED"),
            new HistoryPoint(LocalDate.of(2026, 10, 1), 17.7, 12.0, 23.4, true, "FIRED"),
            new HistoryPoint(LocalDate.of(2026, 10, 15), 24.0, 18.1, 29.9, true, "FIRED"));

    @Test
    void eachConditionIsOneCollapsedRowWithItsSentenceSinceWhenLatestValueAndSparkline() {
        var gap = condition("HIGH", LocalDate.of(2026, 10, 1), WIDENING);
        var api = Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND);
        api.alerts.put(gap.id(), gap);
        new AlertsPresenter(api, Fixtures.consultant(), NORTHWIND, view).load();

        AlertItem row = view.alerts.getFirst();
        assertFalse(row.expanded(), "rows start closed: the list stays short");
        assertEquals("The HQ–Japan gap on trust erosion has widened beyond noise to 24 points.", row.summary(Locale.ENGLISH));
        assertEquals("信頼の低下について、本社と日本の認識ギャップが誤差を超えて24ポイントに広がっています。", row.summary(Locale.JAPAN));
        assertEquals(LocalDate.of(2026, 10, 1), row.since());
        assertEquals("24.0", row.value());
        assertEquals(Arrays.asList(6.6, null, 17.7, 24.0), row.sparkline(), "a hidden wave is a gap, never a zero");
        assertEquals("dashboard.alert.outcome.FIRED", row.history().getLast().outcomeKey());
        assertNull(row.history().get(1).formatted());
    }

    @Test
    void aRowOpensToItsDetailAndClosesAgain() {
        var api = apiWithAlerts(Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND));
        var presenter = new AlertsPresenter(api, Fixtures.consultant(), NORTHWIND, view);
        presenter.load();

        presenter.toggle(gapOpen.id());
        assertTrue(item(gapOpen.id()).expanded());
        assertFalse(item(silentJapan.id()).expanded(), "only the row asked for opens");
        presenter.acknowledge(gapOpen.id());
        assertTrue(item(gapOpen.id()).expanded(), "acting keeps the detail open");
        presenter.toggle(gapOpen.id());
        assertFalse(item(gapOpen.id()).expanded());
        assertEquals(List.of("alerts " + NORTHWIND, "acknowledgeAlert " + gapOpen.id()), api.calls,
                "opening a row asks the backend nothing");
    }

    @Test
    void anExecutivesOpenedDetailHasNoActions() {
        var exec = Fixtures.executiveOf(Fixtures.NORTHWIND);
        var presenter = new AlertsPresenter(apiWithAlerts(Fixtures.apiFor(exec, Fixtures.NORTHWIND)), exec, NORTHWIND, view);
        presenter.load();

        presenter.toggle(gapOpen.id());

        assertTrue(item(gapOpen.id()).expanded());
        assertFalse(item(gapOpen.id()).hasActions());
    }

    @Test
    void manyConditionsShowAShortListAndTheRestOnRequest() {
        var api = Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND);
        for (int i = 0; i < AlertsPresenter.SHORT_LIST + 3; i++) {
            var a = alert("SIGN_ABOVE_THRESHOLD", "EXCLUSION", Side.JAPAN, "MEDIUM", 61 + i, 60, Status.OPEN,
                    LocalDate.of(2026, 1, 1).plusWeeks(i));
            api.alerts.put(a.id(), a);
        }
        var presenter = new AlertsPresenter(api, Fixtures.consultant(), NORTHWIND, view);
        presenter.load();

        assertEquals(AlertsPresenter.SHORT_LIST, view.alerts.size());
        assertEquals(3, view.hidden);
        presenter.showAll();
        assertEquals(AlertsPresenter.SHORT_LIST + 3, view.alerts.size());
        assertEquals(0, view.hidden);
    }

    @Test
    void anAlertFromABackendWithoutSentencesFallsBackToItsRule() {
        var api = apiWithAlerts(Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND));
        new AlertsPresenter(api, Fixtures.consultant(), NORTHWIND, view).load();

        assertNull(view.alerts.getFirst().summary(Locale.JAPAN));
        assertEquals(gapOpen.occurrenceDate(), view.alerts.getFirst().since());
        assertTrue(view.alerts.getFirst().sparkline().isEmpty());
    }

    private static Alert ended(String sign, LocalDate opened, LocalDate closed, String reason) {
        var history = List.of(
                new HistoryPoint(opened, 71.0, 66.0, 76.0, true, "FIRED"),
                new HistoryPoint(closed, 52.0, 47.0, 57.0, false, "CLEAR"));
        return new Alert(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), closed, "SIGN_ABOVE_THRESHOLD", sign,
                Side.JAPAN, "HIGH", 52.0, 60, Status.RESOLVED, List.of(), opened, history, 2,
                "Japan's " + sign + " was above its threshold beyond noise.",
                "日本の" + sign + "が誤差を超えて閾値を上回っていました。", reason);
    }

    private final Alert exclusionEnded = ended("EXCLUSION", LocalDate.of(2025, 12, 15), LocalDate.of(2026, 5, 4), "AUTO");
    private final Alert dissentEnded = ended("SILENT_DISSENT", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 1), "PERSON");
    private final Alert longAgo = ended("TRUST_EROSION", LocalDate.of(2023, 1, 10), LocalDate.of(2023, 6, 1), "AUTO");

    private FakeKakehashiApi apiWithEndedConditions(FakeKakehashiApi api) {
        List.of(gapOpen, exclusionEnded, dissentEnded, longAgo).forEach(a -> api.alerts.put(a.id(), a));
        return api;
    }

    @Test
    void conditionsOpenInThePeriodAndResolvedSinceShowBelowTheOpenOnesNewestFirst() {
        var api = apiWithEndedConditions(Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND));
        var presenter = new AlertsPresenter(api, Fixtures.consultant(), NORTHWIND, view);
        presenter.period(LocalDate.of(2025, 1, 1), null);
        presenter.load();

        assertEquals(List.of(gapOpen.id()), view.alerts.stream().map(AlertItem::id).toList(), "open ones stay first, alone");
        assertEquals(List.of(dissentEnded.id(), exclusionEnded.id()), view.resolved.stream().map(AlertItem::id).toList(),
                "newest closed first; one closed before the period is not listed");
        assertEquals(0, view.resolvedHidden);
        AlertItem exclusion = view.resolved.get(1);
        assertEquals(LocalDate.of(2025, 12, 15), exclusion.since());
        assertEquals(LocalDate.of(2026, 5, 4), exclusion.closedOn());
        assertEquals("dashboard.alert.closedBy.AUTO", exclusion.closedByKey());
        assertEquals("dashboard.alert.closedBy.PERSON", view.resolved.getFirst().closedByKey());
        assertEquals("Japan's EXCLUSION was above its threshold beyond noise.", exclusion.summary(Locale.ENGLISH));
        assertEquals("日本のEXCLUSIONが誤差を超えて閾値を上回っていました。", exclusion.summary(Locale.JAPAN));
        assertEquals(Arrays.asList(71.0, 52.0), exclusion.sparkline());
        assertEquals(Set.of("SILENT_DISSENT"), view.alertingSigns, "only the open condition marks its sign");
        assertNull(view.alerts.getFirst().closedOn(), "an open row has no end");
    }

    @Test
    void aResolvedConditionOffersNoActionsEvenToAConsultantAndIgnoresAttemptedOnes() {
        var api = apiWithEndedConditions(Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND));
        var presenter = new AlertsPresenter(api, Fixtures.consultant(), NORTHWIND, view);
        presenter.load();

        assertTrue(view.resolved.stream().noneMatch(AlertItem::hasActions));
        assertTrue(view.alerts.getFirst().hasActions(), "the open one keeps its actions");
        presenter.toggle(exclusionEnded.id());
        AlertItem opened = view.resolved.stream().filter(a -> a.id().equals(exclusionEnded.id())).findFirst().orElseThrow();
        assertTrue(opened.expanded(), "a resolved row opens to its history like an open one");
        assertFalse(opened.hasActions());
        presenter.acknowledge(exclusionEnded.id());
        presenter.resolve(exclusionEnded.id());
        presenter.addNote(exclusionEnded.id(), "too late");
        assertEquals(List.of("alerts " + NORTHWIND), api.calls);
    }

    @Test
    void changingThePeriodRefiltersTheResolvedConditionsWithoutAskingTheBackendAgain() {
        var api = apiWithEndedConditions(Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND));
        var presenter = new AlertsPresenter(api, Fixtures.consultant(), NORTHWIND, view);
        presenter.load();
        assertEquals(3, view.resolved.size(), "no period yet: every resolved condition");

        presenter.period(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 12, 31));
        assertEquals(List.of(dissentEnded.id()), view.resolved.stream().map(AlertItem::id).toList(),
                "closed before the period began: not in it");
        presenter.period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 15));
        assertEquals(List.of(exclusionEnded.id()), view.resolved.stream().map(AlertItem::id).toList(),
                "opened on the period's last day: in it");
        presenter.period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 14));
        assertTrue(view.resolved.isEmpty(), "opened after the period ended: not in it");
        assertEquals(List.of(gapOpen.id()), view.alerts.stream().map(AlertItem::id).toList(), "open ones whatever the period");
        assertEquals(List.of("alerts " + NORTHWIND), api.calls);
    }

    @Test
    void manyResolvedConditionsShowFiveAndTheRestOnRequest() {
        var api = Fixtures.apiFor(Fixtures.executiveOf(Fixtures.NORTHWIND), Fixtures.NORTHWIND);
        for (int i = 0; i < AlertsPresenter.RESOLVED_SHORT_LIST + 2; i++) {
            var a = ended("EXCLUSION", LocalDate.of(2026, 1, 1).plusWeeks(i), LocalDate.of(2026, 3, 1).plusWeeks(i), "AUTO");
            api.alerts.put(a.id(), a);
        }
        var presenter = new AlertsPresenter(api, Fixtures.executiveOf(Fixtures.NORTHWIND), NORTHWIND, view);
        presenter.load();

        assertEquals(5, view.resolved.size());
        assertEquals(2, view.resolvedHidden);
        assertEquals(LocalDate.of(2026, 3, 1).plusWeeks(AlertsPresenter.RESOLVED_SHORT_LIST + 1),
                view.resolved.getFirst().closedOn(), "newest first");
        presenter.showAllResolved();
        assertEquals(AlertsPresenter.RESOLVED_SHORT_LIST + 2, view.resolved.size());
        assertEquals(0, view.resolvedHidden);
    }

    @Test
    void anAlertAPersonResolvesMovesToTheResolvedPart() {
        var api = apiWithAlerts(Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND));
        var presenter = new AlertsPresenter(api, Fixtures.consultant(), NORTHWIND, view);
        presenter.load();
        assertEquals(List.of(resolved.id()), view.resolved.stream().map(AlertItem::id).toList());

        presenter.resolve(gapOpen.id());

        assertTrue(view.resolved.stream().anyMatch(a -> a.id().equals(gapOpen.id())));
        assertTrue(view.resolved.stream().noneMatch(AlertItem::hasActions));
    }

    private AlertItem item(UUID id) {
        return view.alerts.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anActionIsCreatedFromAnAlertInOneClickLinkedToItAndTheAlertIsAcknowledged() {
        var user = Fixtures.executiveOf(Fixtures.NORTHWIND);
        var api = apiWithAlerts(Fixtures.apiFor(user, Fixtures.NORTHWIND));
        var exclusionOpen = alert("SIGN_ABOVE_THRESHOLD", "EXCLUSION", Side.JAPAN, "HIGH", 71.5, 60, Status.OPEN,
                LocalDate.of(2026, 11, 15));
        api.alerts.put(exclusionOpen.id(), exclusionOpen);
        var presenter = new AlertsPresenter(api, user, NORTHWIND, view);
        presenter.load();
        assertTrue(item(exclusionOpen.id()).canCreateAction(), "executives propose actions too");
        assertTrue(view.resolved.stream().noneMatch(AlertItem::canCreateAction), "not from a resolved alert");

        presenter.createAction(exclusionOpen.id(), "ja", LocalDate.of(2026, 12, 5));
        var input = view.actionForm;
        assertEquals(exclusionOpen.id(), input.alertId());
        assertEquals(exclusionOpen.engagementId(), input.engagementId());
        assertEquals(Set.of("EXCLUSION"), input.signs());
        assertEquals("ja", input.language());

        presenter.saveAction(new com.kakehashi.console.api.ActionRecords.FormInput(null, input.engagementId(), input.alertId(),
                "日本側リーダーへの事前説明", "", "ja", input.signs(), input.startOn(), input.dueOn(), null, "Ann Smith",
                "ann@hq.example", "en", user.id(), null, null, null));
        assertTrue(view.actionFormClosed);
        var draft = api.actionDrafts.getLast();
        assertEquals(exclusionOpen.id(), draft.alertId());
        assertEquals(Status.ACKNOWLEDGED, api.alerts.get(exclusionOpen.id()).status());
        assertEquals("dashboard.alert.status.ACKNOWLEDGED", item(exclusionOpen.id()).statusKey(), "the panel is read again");
    }

    static final class RecordingView implements AlertsPresenter.View {
        List<AlertItem> alerts;
        Set<String> alertingSigns;
        int hidden;
        List<AlertItem> resolved;
        int resolvedHidden;
        String noteProblem;
        ApiProblem problem;
        com.kakehashi.console.api.ActionRecords.FormInput actionForm;
        boolean actionFormClosed;

        @Override
        public void openActionForm(List<com.kakehashi.console.api.Engagement> engagements,
                                   List<com.kakehashi.console.api.ActionRecords.OwnerChoice> owners,
                                   com.kakehashi.console.api.ActionRecords.FormInput input) {
            this.actionForm = input;
        }

        @Override
        public void closeActionForm() {
            actionFormClosed = true;
        }

        @Override
        public void showAlerts(List<AlertItem> alerts, Set<String> alertingSigns) {
            this.alerts = alerts;
            this.alertingSigns = alertingSigns;
        }

        @Override
        public void showResolved(List<AlertItem> resolved, int hidden) {
            this.resolved = resolved;
            this.resolvedHidden = hidden;
        }

        @Override
        public void showHidden(int hidden) {
            this.hidden = hidden;
        }

        @Override
        public void showNoteProblem(UUID alertId, String messageKey) {
            this.noteProblem = messageKey;
        }

        @Override
        public void showProblem(ApiProblem problem) {
            this.problem = problem;
        }
    }
}
