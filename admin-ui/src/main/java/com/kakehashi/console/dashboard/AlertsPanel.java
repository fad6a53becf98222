package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.dashboard.AlertsPresenter.AlertItem;
import com.kakehashi.console.dashboard.AlertsPresenter.HistoryItem;
import com.kakehashi.console.shell.Formats;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextArea;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The open alert conditions as a short list: one row each (sentence, since when, latest value, sparkline). A row
 * opens to its detail with the history, the notes and, where the presenter allows, the actions. Below, the
 * conditions of the dashboard's period that have closed since, each with when it was open and how it closed.
 */
class AlertsPanel extends Div implements AlertsPresenter.View {

    private final Consumer<Set<String>> onAlertingSigns;
    private final Div list = new Div();
    private final Button showAll = new Button();
    private final Div earlier = new Div();
    private final Div earlierList = new Div();
    private final Button showAllResolved = new Button();
    private final Div header = new Div();
    private Button settings;
    private final Map<UUID, TextArea> noteFields = new HashMap<>();
    AlertsPresenter presenter;
    private final com.kakehashi.console.shell.OpenForm actionForm = new com.kakehashi.console.shell.OpenForm();

    AlertsPanel(Consumer<Set<String>> onAlertingSigns) {
        this.onAlertingSigns = onAlertingSigns;
        setId("dashboard-alerts");
        addClassName("dashboard-alerts");
        var title = new H3(getTranslation("dashboard.alerts"));
        list.setId("dashboard-alert-list");
        list.addClassName("alert-list");
        list.getElement().setAttribute("role", "list");
        showAll.setId("dashboard-alerts-all");
        showAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        showAll.addClassName("dashboard-no-print");
        showAll.addClickListener(e -> presenter.showAll());
        header.addClassName("alert-list-header");
        header.add(title);
        var earlierTitle = new H4(getTranslation("dashboard.alerts.earlier"));
        earlierList.setId("dashboard-alert-resolved");
        earlierList.addClassName("alert-list");
        earlierList.getElement().setAttribute("role", "list");
        showAllResolved.setId("dashboard-alerts-resolved-all");
        showAllResolved.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        showAllResolved.addClassName("dashboard-no-print");
        showAllResolved.addClickListener(e -> presenter.showAllResolved());
        earlier.setId("dashboard-alerts-earlier");
        earlier.addClassName("alert-earlier");
        earlier.add(earlierTitle, earlierList, showAllResolved);
        earlier.setVisible(false);
        add(header, list, earlier);
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
        alerts.forEach(a -> list.add(row(a)));
        onAlertingSigns.accept(alertingSigns);
    }

    @Override
    public void showResolved(List<AlertItem> resolved, int hidden) {
        earlierList.removeAll();
        resolved.forEach(a -> earlierList.add(row(a)));
        earlier.setVisible(!resolved.isEmpty());
        showAllResolved.setText(getTranslation("dashboard.alerts.showAll", hidden));
        showAllResolved.setVisible(hidden > 0);
    }

    @Override
    public void showHidden(int hidden) {
        // Added only when rows are hidden: an executive's panel then has no button at all.
        showAll.setText(getTranslation("dashboard.alerts.showAll", hidden));
        if (hidden > 0 && showAll.getParent().isEmpty()) {
            add(showAll);
        } else if (hidden == 0 && showAll.getParent().isPresent()) {
            remove(showAll);
        }
    }

    @Override
    public void offerSettings(boolean offered) {
        if (offered && settings == null) {
            settings = new Button(getTranslation("dashboard.settings.open"), e -> openSettings());
            settings.setId("dashboard-alert-settings");
            settings.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            settings.addClassName("dashboard-no-print");
            header.add(settings);
        }
    }

    private void openSettings() {
        var dialog = new AlertSettingsDialog();
        dialog.presenter = presenter.settings(dialog);
        dialog.presenter.open();
    }

    private Div row(AlertItem a) {
        var row = new Div();
        row.addClassName("alert-row");
        row.addClassName("alert-" + a.severity().toLowerCase(Locale.ROOT));
        row.getElement().setAttribute("role", "listitem");
        row.getElement().setAttribute("data-alert-id", a.id().toString());

        if (a.closedOn() != null) {
            row.addClassName("alert-resolved");
        }
        // The summary line is one button: keyboard and screen readers open it like a disclosure.
        var summary = new Div();
        summary.addClassName("alert-summary");
        summary.getElement().setAttribute("role", "button");
        summary.getElement().setAttribute("tabindex", "0");
        summary.getElement().setAttribute("aria-expanded", Boolean.toString(a.expanded()));
        var severity = new Span();
        severity.addClassName("alert-dot");
        severity.getElement().setAttribute("title", getTranslation(a.severityKey()));
        severity.getElement().setAttribute("aria-label", getTranslation(a.severityKey()));
        var sentence = new Span(sentence(a));
        sentence.addClassName("alert-sentence");
        var since = new Span(a.closedOn() == null
                ? getTranslation("dashboard.alert.since", Formats.date(a.since(), getLocale()))
                : getTranslation("dashboard.alert.openFromTo", Formats.date(a.since(), getLocale()),
                        Formats.date(a.closedOn(), getLocale()), getTranslation(a.closedByKey())));
        since.addClassName("alert-since");
        var latest = new Span(getTranslation("dashboard.alert.latest", a.value()));
        latest.addClassName("alert-latest");
        var spark = Sparkline.of(a.sparkline(), getTranslation("dashboard.alert.sparkline", a.history().size()));
        var chevron = new Span(a.expanded() ? "▾" : "▸");
        chevron.addClassName("alert-chevron");
        chevron.getElement().setAttribute("aria-hidden", "true");
        summary.add(severity, sentence, since, latest, spark, chevron);
        summary.addClickListener(e -> presenter.toggle(a.id()));
        summary.addClickShortcut(Key.ENTER).listenOn(summary);
        row.add(summary);
        if (a.canCreateAction()) {
            // Beside the summary, not in it: one click from the list, without opening the row.
            var create = new Button(getTranslation("dashboard.alert.createAction"), e -> presenter.createAction(a.id(),
                    "ja".equals(getLocale().getLanguage()) ? "ja" : "en", java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
            create.addClassName("alert-create-action");
            create.addClassName("dashboard-no-print");
            create.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            row.add(create);
        }
        if (a.expanded()) {
            row.addClassName("alert-expanded");
            row.add(detail(a));
        }
        return row;
    }

    /** The backend's sentence in the user's language; from an older backend, the rule's name and where. */
    private String sentence(AlertItem a) {
        String summary = a.summary(getLocale());
        if (summary != null) {
            return summary;
        }
        var text = new StringBuilder(getTranslation(a.ruleKey()));
        if (a.signKey() != null) {
            text.append(" · ").append(getTranslation(a.signKey()));
        }
        if (a.sideKey() != null) {
            text.append(" · ").append(getTranslation(a.sideKey()));
        }
        return text.toString();
    }

    private Div detail(AlertItem a) {
        var detail = new Div();
        detail.addClassName("alert-detail");
        var head = new Div(new Span(getTranslation(a.severityKey())), new Span(getTranslation(a.ruleKey())),
                new Span(getTranslation(a.statusKey())));
        head.addClassName("alert-head");
        var where = new StringBuilder();
        if (a.signKey() != null) {
            where.append(getTranslation(a.signKey())).append(" · ");
        }
        if (a.sideKey() != null) {
            where.append(getTranslation(a.sideKey())).append(" · ");
        }
        where.append(getTranslation("dashboard.alert.values", a.value(), a.threshold(),
                Formats.date(a.occurrenceDate(), getLocale())));
        var whereLine = new Div(where.toString());
        whereLine.addClassName("alert-where");
        detail.add(head, whereLine);
        if (a.closedOn() == null) {
            var clear = new Div(getTranslation("dashboard.alert.clearWaves", a.clearWaves()));
            clear.addClassName("alert-where");
            detail.add(clear);
        }
        if (!a.history().isEmpty()) {
            detail.add(history(a.history()));
        }
        for (var note : a.notes()) {
            var line = new Div(note.author() + " · " + Formats.dateTime(note.createdAt(), getLocale()) + ": " + note.text());
            line.addClassName("alert-note");
            detail.add(line);
        }
        if (a.hasActions()) {
            detail.add(actions(a));
        }
        return detail;
    }

    private Div history(List<HistoryItem> history) {
        var table = new Div();
        table.addClassName("alert-history");
        table.getElement().setAttribute("role", "table");
        table.getElement().setAttribute("aria-label", getTranslation("dashboard.alert.history"));
        // Newest first: the detail answers "what happened lately" before "how it began".
        for (int i = history.size() - 1; i >= 0; i--) {
            var point = history.get(i);
            var date = new Span(Formats.date(point.occurrenceDate(), getLocale()));
            var value = new Span(point.formatted() == null ? getTranslation("dashboard.alert.hidden") : point.formatted());
            var outcome = new Span(point.outcomeKey() == null ? "" : getTranslation(point.outcomeKey()));
            if (point.fired()) {
                outcome.addClassName("alert-fired");
            }
            var line = new Div(date, value, outcome);
            line.addClassName("alert-history-row");
            line.getElement().setAttribute("role", "row");
            table.add(line);
        }
        return table;
    }

    private FlexLayout actions(AlertItem a) {
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
        return actions;
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
    public void openActionForm(List<com.kakehashi.console.api.Engagement> engagements,
                               List<com.kakehashi.console.api.ActionRecords.OwnerChoice> owners,
                               com.kakehashi.console.api.ActionRecords.FormInput input) {
        actionForm.open(new com.kakehashi.console.shell.ActionFormDialog(engagements, owners, input, presenter::saveAction));
    }

    @Override
    public void showActionFieldError(String field, String messageKey) {
        actionForm.showFieldError(field, getTranslation(messageKey));
    }

    @Override
    public void closeActionForm() {
        actionForm.close();
    }

    /** On the open action form's fields when one is open, otherwise as a notification. */
    @Override
    public void showProblem(ApiProblem problem) {
        actionForm.showProblem(problem);
    }
}
