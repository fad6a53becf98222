package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.dashboard.AlertsPresenter.AlertItem;
import com.kakehashi.console.shell.Formats;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextArea;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** The open alerts as cards that wrap to the width; actions only where the presenter allows them. */
class AlertsPanel extends Div implements AlertsPresenter.View {

    private final Consumer<Set<String>> onAlertingSigns;
    private final Div list = new Div();
    private final Map<UUID, TextArea> noteFields = new HashMap<>();
    AlertsPresenter presenter;

    AlertsPanel(Consumer<Set<String>> onAlertingSigns) {
        this.onAlertingSigns = onAlertingSigns;
        setId("dashboard-alerts");
        addClassName("dashboard-alerts");
        var title = new H3(getTranslation("dashboard.alerts"));
        list.setId("dashboard-alert-list");
        list.addClassName("alert-list");
        add(title, list);
    }

    @Override
    public void showAlerts(List<AlertItem> alerts, Set<String> alertingSigns) {
        list.removeAll();
        noteFields.clear();
        if (alerts.isEmpty()) {
            var none = new Span(getTranslation("dashboard.alerts.none"));
            none.setId("dashboard-alerts-none");
            none.addClassName("dashboard-status");
            list.add(none);
        }
        alerts.forEach(a -> list.add(card(a)));
        onAlertingSigns.accept(alertingSigns);
    }

    private Div card(AlertItem a) {
        var card = new Div();
        card.addClassName("alert-card");
        card.addClassName("alert-" + a.severity().toLowerCase(java.util.Locale.ROOT));
        card.getElement().setAttribute("data-alert-id", a.id().toString());
        var severity = new Span(getTranslation(a.severityKey()));
        severity.addClassName("alert-severity");
        var status = new Span(getTranslation(a.statusKey()));
        status.addClassName("alert-status");
        var head = new Div(severity, new Span(getTranslation(a.ruleKey())), status);
        head.addClassName("alert-head");
        var where = new StringBuilder();
        if (a.signKey() != null) {
            where.append(getTranslation(a.signKey())).append(" · ");
        }
        if (a.sideKey() != null) {
            where.append(getTranslation(a.sideKey())).append(" · ");
        }
        where.append(getTranslation("dashboard.alert.wave", Formats.date(a.occurrenceDate(), getLocale())));
        var whereLine = new Div(where.toString());
        whereLine.addClassName("alert-where");
        var values = new Div(getTranslation("dashboard.alert.values", a.value(), a.threshold()));
        values.addClassName("alert-values");
        card.add(head, whereLine, values);
        for (var note : a.notes()) {
            var line = new Div(note.author() + " · " + Formats.dateTime(note.createdAt(), getLocale()) + ": " + note.text());
            line.addClassName("alert-note");
            card.add(line);
        }
        var actions = new FlexLayout();
        actions.addClassName("alert-actions");
        actions.addClassName("dashboard-no-print");
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        if (a.canAcknowledge()) {
            var ack = new Button(getTranslation("dashboard.alert.acknowledge"), e -> presenter.acknowledge(a.id()));
            ack.addClassName("alert-acknowledge");
            actions.add(ack);
        }
        if (a.canResolve()) {
            var resolve = new Button(getTranslation("dashboard.alert.resolve"), e -> presenter.resolve(a.id()));
            resolve.addClassName("alert-resolve");
            resolve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            actions.add(resolve);
        }
        if (a.canAnnotate()) {
            var note = new TextArea();
            note.setPlaceholder(getTranslation("dashboard.alert.notePlaceholder"));
            note.setMaxLength(AlertsPresenter.NOTE_MAX);
            note.addClassName("alert-note-field");
            noteFields.put(a.id(), note);
            var add = new Button(getTranslation("dashboard.alert.addNote"), e -> presenter.addNote(a.id(), note.getValue()));
            add.addClassName("alert-add-note");
            actions.add(note, add);
        }
        if (actions.getComponentCount() > 0) {
            card.add(actions);
        }
        return card;
    }

    @Override
    public void showNoteProblem(UUID alertId, String messageKey) {
        var field = noteFields.get(alertId);
        if (field != null) {
            field.setInvalid(true);
            field.setErrorMessage(getTranslation(messageKey, AlertsPresenter.NOTE_MAX));
        }
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }
}
