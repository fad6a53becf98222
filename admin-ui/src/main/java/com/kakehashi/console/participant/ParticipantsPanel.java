package com.kakehashi.console.participant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.ImportReport;
import com.kakehashi.console.api.Level;
import com.kakehashi.console.api.PageResult;
import com.kakehashi.console.api.Participant;
import com.kakehashi.console.api.ParticipantDraft;
import com.kakehashi.console.api.ParticipantFilter;
import com.kakehashi.console.api.Side;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.OpenForm;
import com.kakehashi.console.shell.Pager;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.UploadHandler;

import java.util.UUID;

/** Lays out the participant list and forwards every user action to {@link ParticipantPresenter}. */
public class ParticipantsPanel extends VerticalLayout implements ParticipantPresenter.View {

    private final Grid<Participant> grid = new Grid<>();
    private final Select<Side> side = new Select<>();
    private final Select<Level> level = new Select<>();
    private final Select<Boolean> active = new Select<>();
    private final TextField text = new TextField();
    private final ImportReportPanel report = new ImportReportPanel();
    private final Pager pager;
    private final ParticipantPresenter presenter;
    private final OpenForm form = new OpenForm();

    public ParticipantsPanel(ConsoleSession session, UUID tenantId) {
        presenter = new ParticipantPresenter(session.api(), tenantId, this);
        pager = new Pager("participant", presenter::previous, presenter::next);
        setSizeFull();
        setPadding(false);

        add(filterBar(), actionBar(), report, grid(), pager);
        presenter.filter(currentFilter());
    }

    private HorizontalLayout filterBar() {
        side.setId("participant-filter-side");
        side.setLabel(getTranslation("participant.side"));
        side.setItems(Side.values());
        side.setEmptySelectionAllowed(true);
        side.setEmptySelectionCaption(getTranslation("filter.any"));
        side.setItemLabelGenerator(s -> s == null ? getTranslation("filter.any") : getTranslation("side." + s.name()));

        level.setId("participant-filter-level");
        level.setLabel(getTranslation("participant.level"));
        level.setItems(Level.values());
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption(getTranslation("filter.any"));
        level.setItemLabelGenerator(l -> l == null ? getTranslation("filter.any") : getTranslation("level." + l.name()));

        active.setId("participant-filter-active");
        active.setLabel(getTranslation("participant.status"));
        active.setItems(true, false);
        active.setEmptySelectionAllowed(true);
        active.setEmptySelectionCaption(getTranslation("filter.any"));
        active.setItemLabelGenerator(a -> a == null ? getTranslation("filter.any")
                : getTranslation(a ? "participant.active" : "participant.inactive"));

        text.setId("participant-filter-text");
        text.setLabel(getTranslation("filter.text"));
        text.setPlaceholder(getTranslation("filter.text.placeholder"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);

        side.addValueChangeListener(e -> presenter.filter(currentFilter()));
        level.addValueChangeListener(e -> presenter.filter(currentFilter()));
        active.addValueChangeListener(e -> presenter.filter(currentFilter()));
        text.addValueChangeListener(e -> presenter.filter(currentFilter()));
        var bar = new HorizontalLayout(side, level, active, text);
        bar.setAlignItems(Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    private HorizontalLayout actionBar() {
        var create = new Button(getTranslation("participant.create"), e -> presenter.startCreate());
        create.setId("participant-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        var upload = new Upload();
        // Runs under the session lock once the whole file has arrived; the list is cleared so the next file can follow.
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            presenter.importCsv(bytes);
            upload.clearFileList();
        }));
        upload.setId("participant-upload");
        upload.setAcceptedFileTypes("text/csv", ".csv");
        upload.setDropLabel(new com.vaadin.flow.component.html.Span(getTranslation("participant.upload.drop")));
        upload.setUploadButton(new Button(getTranslation("participant.upload.button")));

        var bar = new HorizontalLayout(create, upload);
        bar.setAlignItems(Alignment.CENTER);
        return bar;
    }

    private Grid<Participant> grid() {
        grid.setId("participant-grid");
        grid.addColumn(Participant::displayName).setHeader(getTranslation("common.displayName")).setAutoWidth(true);
        grid.addColumn(Participant::email).setHeader(getTranslation("common.email")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation("side." + p.side().name())).setHeader(getTranslation("participant.side"));
        grid.addColumn(p -> getTranslation("level." + p.level().name())).setHeader(getTranslation("participant.level"))
                .setAutoWidth(true);
        grid.addColumn(p -> getTranslation("language." + p.language())).setHeader(getTranslation("participant.language"));
        grid.addColumn(Participant::department).setHeader(getTranslation("participant.department")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.active() ? "participant.active" : "participant.inactive"))
                .setHeader(getTranslation("participant.status"));
        grid.addComponentColumn(this::rowActions).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText(getTranslation("participant.empty"));
        grid.setMinHeight("20em");
        return grid;
    }

    private HorizontalLayout rowActions(Participant participant) {
        var edit = small(new Button(getTranslation("common.edit"), e -> presenter.startEdit(participant)));
        var deactivate = small(new Button(getTranslation("participant.deactivate"), e -> confirm(
                "participant.deactivate.confirm", participant, "participant.deactivate", false,
                () -> presenter.deactivate(participant))));
        deactivate.setEnabled(participant.active());
        var erase = small(new Button(getTranslation("participant.erase"), e -> confirm(
                "participant.erase.confirm", participant, "participant.erase", true,
                () -> presenter.erase(participant))));
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, deactivate, erase);
    }

    private static Button small(Button button) {
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void confirm(String questionKey, Participant participant, String actionKey, boolean destructive,
                         Runnable action) {
        var dialog = new ConfirmDialog();
        dialog.setId("confirm-dialog");
        dialog.setHeader(getTranslation(actionKey));
        dialog.setText(getTranslation(questionKey, participant.displayName(), participant.email()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("common.cancel"));
        dialog.setConfirmText(getTranslation(actionKey));
        if (destructive) {
            dialog.setConfirmButtonTheme("error primary");
        }
        dialog.addConfirmListener(e -> action.run());
        dialog.open();
    }

    private ParticipantFilter currentFilter() {
        return new ParticipantFilter(side.getValue(), level.getValue(), active.getValue(), text.getValue());
    }

    @Override
    public void showPage(PageResult<Participant> page) {
        grid.setItems(page.items());
        pager.show(page);
    }

    @Override
    public void openForm(Participant existing, ParticipantDraft draft) {
        form.open(new ParticipantFormDialog(existing == null, draft, saved -> presenter.save(existing, saved)));
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
    public void showImportReport(ImportReport importReport) {
        report.show(importReport);
    }

    @Override
    public void showSaved(ParticipantDraft draft) {
        Problems.success(getTranslation("participant.saved", draft.displayName()));
    }

    @Override
    public void showEmptyImport() {
        Problems.error(getTranslation("participant.upload.empty"));
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }
}
