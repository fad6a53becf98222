package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.AlertRecords.Alert;
import com.kakehashi.console.api.AlertRecords.Status;
import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.FakeKakehashiApi;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.Side;
import com.kakehashi.console.dashboard.AlertsPresenter.AlertItem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
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

    private AlertItem item(UUID id) {
        return view.alerts.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    static final class RecordingView implements AlertsPresenter.View {
        List<AlertItem> alerts;
        Set<String> alertingSigns;
        String noteProblem;
        ApiProblem problem;

        @Override
        public void showAlerts(List<AlertItem> alerts, Set<String> alertingSigns) {
            this.alerts = alerts;
            this.alertingSigns = alertingSigns;
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
