package com.kakehashi.console.schedule;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.InstrumentVersionChoice;
import com.kakehashi.console.api.Schedule;
import com.kakehashi.console.api.ScheduleDraft;
import com.kakehashi.console.api.Wave;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.Formats;
import com.kakehashi.console.shell.OpenForm;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import com.kakehashi.console.api.LaunchPreview;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;

import java.time.ZoneId;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Schedules of one tenant (consultants and operators only). */
public class SchedulesPanel extends VerticalLayout implements SchedulePresenter.View {

    private final Grid<Schedule> grid = new Grid<>();
    private final SchedulePresenter presenter;
    private Map<UUID, String> engagementNames = Map.of();
    private final OpenForm form = new OpenForm();
    private Dialog launchDialog;
    private TextArea reason;
    private ZoneId viewerZone;

    public SchedulesPanel(ConsoleSession session, UUID tenantId) {
        presenter = new SchedulePresenter(session.api(), session.user(), tenantId, this);
        setSizeFull();
        setPadding(false);

        var create = new Button(getTranslation("schedule.create"), e -> presenter.startCreate());
        create.setId("schedule-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("schedule-grid");
        // Few, wrapping columns and actions frozen at the end: at 1024 px nothing needs sideways scrolling.
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(Schedule::name).setHeader(getTranslation("schedule.name")).setFlexGrow(2);
        grid.addColumn(s -> engagementNames.getOrDefault(s.engagementId(), ""))
                .setHeader(getTranslation("schedule.engagement")).setFlexGrow(1);
        grid.addComponentColumn(this::whenCell).setHeader(getTranslation("schedule.when")).setFlexGrow(3);
        grid.addColumn(s -> s.paused() ? getTranslation("schedule.paused.yes")
                        : ScheduleTimes.opening(s, s.nextOpensAt(), viewerZone, getLocale()))
                .setHeader(getTranslation("schedule.nextOpensAt")).setFlexGrow(2).setPartNameGenerator(s -> "schedule-next");
        grid.addColumn(Schedule::daysOpen).setHeader(getTranslation("schedule.daysOpen")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::rowActions).setHeader(getTranslation("schedule.actions"))
                .setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText(getTranslation("schedule.empty"));
        add(create, grid);
        presenter.load();
        // The browser's zone arrives after the first render; the times then also show the viewer's clock.
        UI.getCurrent().getPage().retrieveExtendedClientDetails(details -> {
            try {
                viewerZone = ZoneId.of(details.getTimeZoneId());
                grid.getDataProvider().refreshAll();
            } catch (RuntimeException unknownZone) {
                viewerZone = null; // times keep their own zone only
            }
        });
    }

    private Component whenCell(Schedule s) {
        var cadence = new Div(new Span(getTranslation("schedule.cadence." + s.cadence().name())));
        cadence.addClassName("schedule-cadence");
        var cell = new Div(cadence);
        for (String line : ScheduleTimes.sendTimes(s, viewerZone, getLocale(), side -> getTranslation("side." + side.name()))) {
            var time = new Div(new Span(line));
            time.addClassName("schedule-send-time");
            time.getStyle().set("font-size", "var(--lumo-font-size-s)");
            cell.add(time);
        }
        return cell;
    }

    private HorizontalLayout rowActions(Schedule schedule) {
        var edit = new Button(getTranslation("common.edit"), e -> presenter.startEdit(schedule));
        var pause = schedule.paused()
                ? new Button(getTranslation("schedule.resume"), e -> presenter.resume(schedule))
                : new Button(getTranslation("schedule.pause"), e -> presenter.pause(schedule));
        pause.addClassName(schedule.paused() ? "schedule-resume" : "schedule-pause");
        var launch = new Button(getTranslation("schedule.launch"), e -> presenter.startLaunch(schedule));
        launch.addClassName("schedule-launch");
        var delete = new Button(getTranslation("common.delete"), e -> {
            var dialog = new ConfirmDialog(getTranslation("common.delete"),
                    getTranslation("schedule.delete.confirm", schedule.name()),
                    getTranslation("common.delete"), ok -> presenter.delete(schedule));
            dialog.setCancelable(true);
            dialog.setCancelText(getTranslation("common.cancel"));
            dialog.setConfirmButtonTheme("error primary");
            dialog.open();
        });
        launch.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        for (var b : List.of(edit, pause)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        var actions = new HorizontalLayout(launch, edit, pause, delete);
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)");
        return actions;
    }

    @Override
    public void showSchedules(List<Schedule> schedules, Map<UUID, String> engagementNames) {
        this.engagementNames = engagementNames;
        grid.setItems(schedules);
    }

    @Override
    public void openForm(Schedule existing, ScheduleDraft draft, List<Engagement> engagements,
                         List<InstrumentVersionChoice> versions) {
        form.open(new ScheduleFormDialog(existing == null, draft, engagements, versions,
                (saved, reminderText) -> presenter.save(existing, saved, reminderText)));
    }

    @Override
    public void closeForm() {
        form.close();
    }

    @Override
    public void showFormProblem(ApiProblem problem) {
        form.showProblem(problem);
    }

    @Override
    public void showFieldError(String field, String messageKey) {
        form.showFieldError(field, getTranslation(messageKey));
    }

    @Override
    public void showWaveLaunched(Schedule schedule, Wave wave) {
        closeLaunchDialog();
        Problems.success(getTranslation("schedule.launched", schedule.name()));
    }

    @Override
    public void confirmLaunch(Schedule schedule, LaunchPreview preview) {
        closeLaunchDialog();
        launchDialog = new Dialog();
        launchDialog.setId("launch-dialog");
        launchDialog.setHeaderTitle(getTranslation("schedule.launch") + ": " + schedule.name());
        var sides = preview.bySide().entrySet().stream()
                .map(e -> getTranslation("schedule.launch.sideCount", getTranslation("side." + e.getKey().name()), e.getValue()))
                .collect(Collectors.joining(getLocale().getLanguage().equals("ja") ? "、" : ", "));
        var invitees = new Paragraph(preview.invitees() == 0 ? getTranslation("schedule.launch.nobody")
                : getTranslation("schedule.launch.invite", preview.invitees(), sides));
        invitees.setId("launch-invitees");
        var content = new VerticalLayout(invitees);
        content.setPadding(false);
        reason = null;
        if (preview.needsReason()) {
            var open = new Paragraph(getTranslation("schedule.launch.openWave",
                    ScheduleTimes.opening(schedule, preview.openWave().closesAt(), viewerZone, getLocale())));
            open.setId("launch-open-wave");
            reason = new TextArea(getTranslation("schedule.launch.reason"));
            reason.setId("launch-reason");
            reason.setRequired(true);
            reason.setMaxLength(SchedulePresenter.REASON_MAX);
            reason.setWidthFull();
            content.add(open, reason);
        }
        launchDialog.add(content);
        var go = new Button(getTranslation("schedule.launch.go"),
                e -> presenter.launchWave(schedule, reason == null ? null : reason.getValue()));
        go.setId("launch-confirm");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("common.cancel"), e -> closeLaunchDialog());
        launchDialog.getFooter().add(cancel, go);
        launchDialog.setWidth("32em");
        launchDialog.open();
    }

    @Override
    public void showReasonError(String messageKey) {
        if (reason != null) {
            reason.setErrorMessage(getTranslation(messageKey));
            reason.setInvalid(true);
        } else {
            Problems.error(getTranslation(messageKey));
        }
    }

    private void closeLaunchDialog() {
        if (launchDialog != null) {
            launchDialog.close();
            launchDialog = null;
        }
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }
}
