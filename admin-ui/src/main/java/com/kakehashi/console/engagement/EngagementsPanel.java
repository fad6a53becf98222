package com.kakehashi.console.engagement;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.EngagementDraft;
import com.kakehashi.console.api.Member;
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

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

public class EngagementsPanel extends VerticalLayout implements EngagementPresenter.View {

    private final Grid<Engagement> grid = new Grid<>();
    private final Button create = new Button(getTranslation("engagement.create"));
    private final Grid.Column<Engagement> consultantsColumn;
    private final Grid.Column<Engagement> actionsColumn;
    private final EngagementPresenter presenter;
    private Map<UUID, String> consultantNames = Map.of();
    private final OpenForm form = new OpenForm();
    private final TimelineSection timeline;

    public EngagementsPanel(ConsoleSession session, UUID tenantId) {
        presenter = new EngagementPresenter(session.api(), session.user(), tenantId, this);
        setSizeFull();
        setPadding(false);

        create.setId("engagement-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> presenter.startCreate());

        grid.setId("engagement-grid");
        grid.addColumn(Engagement::name).setHeader(getTranslation("engagement.name")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("engagement.status." + e.status().name()))
                .setHeader(getTranslation("engagement.status"));
        grid.addColumn(e -> Formats.date(e.startDate(), getLocale())).setHeader(getTranslation("engagement.startDate"));
        grid.addColumn(e -> Formats.date(e.endDate(), getLocale())).setHeader(getTranslation("engagement.endDate"));
        grid.addColumn(Engagement::goals).setHeader(getTranslation("engagement.goals")).setFlexGrow(3);
        consultantsColumn = grid.addColumn(e -> e.consultantIds().stream().map(consultantNames::get)
                .filter(Objects::nonNull).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("engagement.consultants")).setFlexGrow(2);
        actionsColumn = grid.addComponentColumn(this::rowActions).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("engagement.empty"));
        timeline = new TimelineSection(session, tenantId);
        grid.asSingleSelect().addValueChangeListener(e -> timeline.show(e.getValue()));
        add(create, grid, timeline);
        presenter.load();
    }

    private HorizontalLayout rowActions(Engagement engagement) {
        var edit = new Button(getTranslation("common.edit"), e -> presenter.startEdit(engagement));
        var delete = new Button(getTranslation("common.delete"), e -> {
            var dialog = new ConfirmDialog(getTranslation("common.delete"),
                    getTranslation("engagement.delete.confirm", engagement.name()),
                    getTranslation("common.delete"), ok -> presenter.delete(engagement));
            dialog.setCancelable(true);
            dialog.setCancelText(getTranslation("common.cancel"));
            dialog.setConfirmButtonTheme("error primary");
            dialog.open();
        });
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, delete);
    }

    @Override
    public void showEngagements(List<Engagement> engagements, Map<UUID, String> consultantNames, boolean editable) {
        this.consultantNames = consultantNames;
        create.setVisible(editable);
        consultantsColumn.setVisible(editable);
        actionsColumn.setVisible(editable);
        grid.setItems(engagements);
        // The events below follow the chosen engagement; the newest is the one usually talked about.
        if (engagements.isEmpty()) {
            grid.deselectAll();
        } else {
            grid.select(engagements.getFirst());
        }
    }

    @Override
    public void openForm(Engagement existing, EngagementDraft draft, List<Member> consultants) {
        form.open(new EngagementFormDialog(existing == null, draft, consultants, saved -> presenter.save(existing, saved)));
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
    public void showEndBeforeStart() {
        form.showFieldError("endDate", getTranslation("engagement.endBeforeStart"));
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }
}
