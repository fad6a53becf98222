package com.kakehashi.console.objective;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.ObjectiveRecords.DecisionRow;
import com.kakehashi.console.api.ObjectiveRecords.InitiativeRow;
import com.kakehashi.console.api.ObjectiveRecords.Summary;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.FormDialog;
import com.kakehashi.console.shell.Formats;
import com.kakehashi.console.shell.OpenForm;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.text.NumberFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Initiatives (with slippage) and decisions (with early consultation) of a tenant. */
public class ObjectivePanel extends VerticalLayout implements ObjectivePresenter.View {

    private final ObjectivePresenter presenter;
    private final Span summary = new Span();
    private final Grid<InitiativeRow> initiatives = new Grid<>();
    private final Grid<DecisionRow> decisions = new Grid<>();
    private final Button addInitiative = new Button();
    private final Button addDecision = new Button();
    private List<Engagement> engagements = List.of();
    private Map<UUID, String> engagementNames = Map.of();
    private final OpenForm form = new OpenForm();

    public ObjectivePanel(ConsoleSession session, UUID tenantId) {
        presenter = new ObjectivePresenter(session.api(), session.user(), tenantId, this);
        setPadding(false);
        summary.setId("objective-summary");

        addInitiative.setText(getTranslation("objective.initiative.add"));
        addInitiative.setId("initiative-add");
        addInitiative.addClickListener(e -> openInitiativeForm());
        initiatives.setId("initiative-grid");
        initiatives.setAllRowsVisible(true);
        initiatives.addColumn(InitiativeRow::title).setHeader(getTranslation("objective.title")).setFlexGrow(3);
        initiatives.addColumn(i -> engagementNames.getOrDefault(i.engagementId(), "")).setHeader(getTranslation("objective.engagement"));
        initiatives.addColumn(i -> Formats.date(i.announcedOn(), getLocale())).setHeader(getTranslation("objective.announcedOn"));
        initiatives.addColumn(InitiativeRow::milestones).setHeader(getTranslation("objective.milestones"));
        initiatives.addColumn(i -> i.slippageDays() == null ? "–" : getTranslation("objective.days", i.slippageDays()))
                .setHeader(getTranslation("objective.slippage"));
        initiatives.setPartNameGenerator(i -> i.slippageDays() != null && i.slippageDays() > 0 ? "objective-late" : null);

        addDecision.setText(getTranslation("objective.decision.add"));
        addDecision.setId("decision-add");
        addDecision.addClickListener(e -> openDecisionForm());
        decisions.setId("decision-grid");
        decisions.setAllRowsVisible(true);
        decisions.addColumn(DecisionRow::title).setHeader(getTranslation("objective.title")).setFlexGrow(3);
        decisions.addColumn(d -> Formats.date(d.proposedOn(), getLocale())).setHeader(getTranslation("objective.proposedOn"));
        decisions.addColumn(d -> d.approvedOn() == null ? "–" : Formats.date(d.approvedOn(), getLocale()))
                .setHeader(getTranslation("objective.approvedOn"));
        decisions.addColumn(d -> getTranslation(d.japanConsulted() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("objective.japanConsulted"));

        add(summary, new H3(getTranslation("objective.initiatives")), addInitiative, initiatives,
                new H3(getTranslation("objective.decisions")), addDecision, decisions);
        presenter.load();
    }

    @Override
    public void showAll(List<Engagement> engagements, List<InitiativeRow> initiativeRows, List<DecisionRow> decisionRows,
                        Summary signals, boolean canEdit) {
        this.engagements = engagements;
        this.engagementNames = engagements.stream().collect(Collectors.toMap(Engagement::id, Engagement::name));
        initiatives.setItems(initiativeRows);
        decisions.setItems(decisionRows);
        addInitiative.setVisible(canEdit && !engagements.isEmpty());
        addDecision.setVisible(canEdit && !engagements.isEmpty());
        if (canEdit) {
            addDeleteColumns();
        }
        NumberFormat percent = NumberFormat.getPercentInstance(getLocale());
        NumberFormat days = NumberFormat.getNumberInstance(getLocale());
        days.setMaximumFractionDigits(1);
        summary.setText(getTranslation("objective.summary",
                signals.lateMilestones(),
                signals.meanSlippageDays() == null ? "–" : days.format(signals.meanSlippageDays()),
                signals.earlyConsultationRate() == null ? "–" : percent.format(signals.earlyConsultationRate()),
                signals.approvedDecisions()));
    }

    private boolean deleteColumnsAdded;

    private void addDeleteColumns() {
        if (deleteColumnsAdded) {
            return;
        }
        deleteColumnsAdded = true;
        initiatives.addComponentColumn(i -> deleteButton(() -> presenter.deleteInitiative(i))).setFlexGrow(0).setAutoWidth(true);
        decisions.addComponentColumn(d -> deleteButton(() -> presenter.deleteDecision(d))).setFlexGrow(0).setAutoWidth(true);
    }

    private Button deleteButton(Runnable action) {
        var delete = new Button(getTranslation("common.delete"), e -> action.run());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return delete;
    }

    private Select<Engagement> engagementSelect() {
        var select = new Select<Engagement>();
        select.setLabel(getTranslation("objective.engagement"));
        select.setItems(engagements);
        select.setItemLabelGenerator(Engagement::name);
        if (engagements.size() == 1) {
            select.setValue(engagements.getFirst());
        }
        return select;
    }

    private void openInitiativeForm() {
        var dialog = new FormDialog("initiative", "objective.initiative.add");
        var engagement = dialog.field("engagementId", engagementSelect());
        var title = dialog.field("title", new TextField(getTranslation("objective.title")));
        title.setId("initiative-title");
        var announced = dialog.field("announcedOn", new DatePicker(getTranslation("objective.announcedOn")));
        var milestones = dialog.field("milestones", new TextArea(getTranslation("objective.milestones")));
        milestones.setId("initiative-milestones");
        milestones.setHelperText(getTranslation("objective.milestones.help"));
        dialog.add(new FormLayout(engagement, title, announced, milestones));
        dialog.addSaveListener(() -> presenter.createInitiative(
                engagement.getValue() == null ? null : engagement.getValue().id(), title.getValue(), announced.getValue(),
                milestones.getValue()));
        form.open(dialog);
    }

    private void openDecisionForm() {
        var dialog = new FormDialog("decision", "objective.decision.add");
        var engagement = dialog.field("engagementId", engagementSelect());
        var title = dialog.field("title", new TextField(getTranslation("objective.title")));
        var proposed = dialog.field("proposedOn", new DatePicker(getTranslation("objective.proposedOn")));
        var approved = dialog.field("approvedOn", new DatePicker(getTranslation("objective.approvedOn")));
        var consulted = new Checkbox(getTranslation("objective.japanConsulted"));
        dialog.add(new FormLayout(engagement, title, proposed, approved, consulted));
        dialog.addSaveListener(() -> presenter.createDecision(
                engagement.getValue() == null ? null : engagement.getValue().id(), title.getValue(), proposed.getValue(),
                approved.getValue(), consulted.getValue()));
        form.open(dialog);
    }

    @Override
    public void showFieldError(String field, String messageKey, Object... arguments) {
        form.showFieldError(field, getTranslation(messageKey, arguments));
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }

    @Override
    public void closeForms() {
        form.close();
    }
}
