package com.kakehashi.console.schedule;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.InstrumentVersionChoice;
import com.kakehashi.console.api.Schedule;
import com.kakehashi.console.api.ScheduleDraft;
import com.kakehashi.console.api.Wave;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.Formats;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Schedules of one tenant (consultants and operators only). */
public class SchedulesPanel extends VerticalLayout implements SchedulePresenter.View {

    private final Grid<Schedule> grid = new Grid<>();
    private final SchedulePresenter presenter;
    private Map<UUID, String> engagementNames = Map.of();
    private ScheduleFormDialog form;

    public SchedulesPanel(ConsoleSession session, UUID tenantId) {
        presenter = new SchedulePresenter(session.api(), session.user(), tenantId, this);
        setSizeFull();
        setPadding(false);

        var create = new Button(getTranslation("schedule.create"), e -> presenter.startCreate());
        create.setId("schedule-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("schedule-grid");
        grid.addColumn(Schedule::name).setHeader(getTranslation("schedule.name")).setAutoWidth(true);
        grid.addColumn(s -> engagementNames.getOrDefault(s.engagementId(), ""))
                .setHeader(getTranslation("schedule.engagement")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation("schedule.cadence." + s.cadence().name()))
                .setHeader(getTranslation("schedule.cadence"));
        grid.addColumn(s -> time(s.japanSendTime()) + " / " + time(s.hqSendTime()) + " (" + s.hqTimeZone() + ")")
                .setHeader(getTranslation("schedule.sendTimes")).setAutoWidth(true);
        grid.addColumn(Schedule::daysOpen).setHeader(getTranslation("schedule.daysOpen"));
        grid.addColumn(s -> s.paused() ? "" : Formats.dateTime(s.nextOpensAt(), getLocale()))
                .setHeader(getTranslation("schedule.nextOpensAt")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation(s.paused() ? "schedule.paused.yes" : "schedule.paused.no"))
                .setHeader(getTranslation("schedule.paused"));
        grid.addComponentColumn(this::rowActions).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("schedule.empty"));
        add(create, grid);
        presenter.load();
    }

    private static String time(LocalTime t) {
        return t == null ? "" : String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    private HorizontalLayout rowActions(Schedule schedule) {
        var edit = new Button(getTranslation("common.edit"), e -> presenter.startEdit(schedule));
        var pause = schedule.paused()
                ? new Button(getTranslation("schedule.resume"), e -> presenter.resume(schedule))
                : new Button(getTranslation("schedule.pause"), e -> presenter.pause(schedule));
        pause.addClassName(schedule.paused() ? "schedule-resume" : "schedule-pause");
        var launch = new Button(getTranslation("schedule.launch"), e -> {
            var dialog = new ConfirmDialog(getTranslation("schedule.launch"),
                    getTranslation("schedule.launch.confirm", schedule.name()),
                    getTranslation("schedule.launch"), ok -> presenter.launchWave(schedule));
            dialog.setCancelable(true);
            dialog.setCancelText(getTranslation("common.cancel"));
            dialog.open();
        });
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
        for (var b : List.of(edit, pause, launch)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, pause, launch, delete);
    }

    @Override
    public void showSchedules(List<Schedule> schedules, Map<UUID, String> engagementNames) {
        this.engagementNames = engagementNames;
        grid.setItems(schedules);
    }

    @Override
    public void openForm(Schedule existing, ScheduleDraft draft, List<Engagement> engagements,
                         List<InstrumentVersionChoice> versions) {
        form = new ScheduleFormDialog(existing == null, draft, engagements, versions,
                (saved, reminderText) -> presenter.save(existing, saved, reminderText));
        form.open();
    }

    @Override
    public void closeForm() {
        if (form != null) {
            form.close();
            form = null;
        }
    }

    @Override
    public void showFormProblem(ApiProblem problem) {
        if (form != null) {
            form.showProblem(problem);
        } else {
            Problems.notify(problem);
        }
    }

    @Override
    public void showFieldError(String field, String messageKey) {
        if (form != null) {
            form.showFieldError(field, getTranslation(messageKey));
        }
    }

    @Override
    public void showWaveLaunched(Schedule schedule, Wave wave) {
        Problems.success(getTranslation("schedule.launched", schedule.name()));
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }
}
