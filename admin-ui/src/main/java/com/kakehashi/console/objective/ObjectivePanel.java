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
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.text.NumberFormat;
import java.util.EnumMap;
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
    private final VerticalLayout timeline = new VerticalLayout();
    private final Paragraph cycleHelp = new Paragraph();
    private final Grid<ObjectivePresenter.CycleRow> cycleTimes = new Grid<>();
    private Grid.Column<ObjectivePresenter.CycleRow> consultedColumn;
    private Grid.Column<ObjectivePresenter.CycleRow> notConsultedColumn;
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
        decisions.addColumn(d -> d.consultedOn() == null ? "–" : Formats.date(d.consultedOn(), getLocale()))
                .setHeader(getTranslation("objective.consultedOn"));
        decisions.addColumn(d -> d.executionStartedOn() == null ? "–" : Formats.date(d.executionStartedOn(), getLocale()))
                .setHeader(getTranslation("objective.executionStartedOn"));

        timeline.setId("decision-timeline");
        timeline.setPadding(false);
        timeline.setSpacing(false);
        cycleTimes.setId("decision-cycle-times");
        cycleTimes.setAllRowsVisible(true);
        cycleTimes.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // the cells are sentences, not codes
        cycleTimes.addColumn(r -> getTranslation(r.intervalKey())).setHeader(getTranslation("objective.cycle.interval"));
        consultedColumn = cycleTimes.addColumn(r -> text(r.consulted())).setFlexGrow(2);
        notConsultedColumn = cycleTimes.addColumn(r -> text(r.notConsulted())).setFlexGrow(2);
        cycleTimes.addColumn(r -> text(r.difference())).setHeader(getTranslation("objective.cycle.difference"));

        add(summary, new H3(getTranslation("objective.initiatives")), addInitiative, initiatives,
                new H3(getTranslation("objective.decisions")), addDecision, decisions,
                new H3(getTranslation("objective.timeline")), new Paragraph(getTranslation("objective.timeline.help")), timeline,
                new H3(getTranslation("objective.cycle.title")), cycleHelp, cycleTimes);
        presenter.load();
    }

    private String text(ObjectivePresenter.Message message) {
        return getTranslation(message.key(), message.arguments().toArray());
    }

    /** Colours of the stages: Lumo's own, so both themes keep their contrast. */
    private static final EnumMap<ObjectivePresenter.Stage, String> COLOURS = new EnumMap<>(java.util.Map.of(
            ObjectivePresenter.Stage.CONSULTED, "var(--lumo-success-color)",
            ObjectivePresenter.Stage.PROPOSED, "var(--lumo-contrast-50pct)",
            ObjectivePresenter.Stage.APPROVED, "var(--lumo-primary-color)",
            ObjectivePresenter.Stage.EXECUTION_STARTED, "var(--lumo-warning-color)"));

    @Override
    public void showDecisionTimeline(List<ObjectivePresenter.TimelineRow> rows, ObjectivePresenter.CycleComparison comparison) {
        timeline.removeAll();
        if (rows.isEmpty()) {
            timeline.add(new Span(getTranslation("objective.timeline.empty")));
        } else {
            timeline.add(legend());
        }
        for (ObjectivePresenter.TimelineRow row : rows) {
            timeline.add(timelineRow(row));
        }
        cycleHelp.setText(getTranslation("objective.cycle.help", comparison.minimumDecisions()));
        consultedColumn.setHeader(getTranslation("objective.cycle.consulted", comparison.consultedDecisions()));
        notConsultedColumn.setHeader(getTranslation("objective.cycle.notConsulted", comparison.otherDecisions()));
        cycleTimes.setItems(comparison.rows());
    }

    private Div legend() {
        var legend = new Div();
        legend.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("font-size", "var(--lumo-font-size-s)");
        for (ObjectivePresenter.Stage stage : ObjectivePresenter.Stage.values()) {
            var item = new Span(dot(stage), new Span(" " + getTranslation("objective.stage." + stage.name())));
            legend.add(item);
        }
        return legend;
    }

    private Span dot(ObjectivePresenter.Stage stage) {
        var dot = new Span();
        dot.getStyle().set("display", "inline-block").set("width", "0.7em").set("height", "0.7em")
                .set("border-radius", "50%").set("background", COLOURS.get(stage));
        return dot;
    }

    /** Title, a bar from the first stage to the last with a dot per stage, and the dated steps in words. */
    private Div timelineRow(ObjectivePresenter.TimelineRow row) {
        var title = new Span(row.decision().title());
        title.getStyle().set("font-weight", "600");
        var head = new Div(title);
        if (row.consultedBeforeProposal()) {
            var badge = new Span(getTranslation("objective.timeline.early"));
            badge.getElement().getThemeList().add("badge success small");
            badge.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
            head.add(badge);
        }
        var bar = new Div();
        bar.addClassName("decision-timeline-bar");
        bar.getStyle().set("position", "relative").set("height", "0.9em").set("margin", "var(--lumo-space-xs) 0.5em");
        List<ObjectivePresenter.StagePoint> stages = row.stages();
        for (int i = 1; i < stages.size(); i++) {
            var segment = new Div();
            double from = stages.get(i - 1).offsetPercent();
            segment.getStyle().set("position", "absolute").set("top", "0.3em").set("height", "0.3em")
                    .set("left", from + "%").set("width", (stages.get(i).offsetPercent() - from) + "%")
                    .set("background", COLOURS.get(stages.get(i).stage())).set("opacity", "0.6");
            bar.add(segment);
        }
        for (ObjectivePresenter.StagePoint point : stages) {
            var dot = dot(point.stage());
            dot.getStyle().set("position", "absolute").set("top", "0.1em").set("left", "calc(" + point.offsetPercent() + "% - 0.35em)");
            dot.getElement().setAttribute("title", getTranslation("objective.stage." + point.stage().name()) + " "
                    + Formats.date(point.date(), getLocale()));
            bar.add(dot);
        }
        StringBuilder steps = new StringBuilder();
        for (ObjectivePresenter.StagePoint point : stages) {
            if (!steps.isEmpty()) {
                steps.append(" → ");
            }
            steps.append(getTranslation("objective.stage." + point.stage().name())).append(' ')
                    .append(Formats.date(point.date(), getLocale()));
            if (point.daysSincePrevious() != null) {
                steps.append(" (").append(getTranslation("objective.stage.days", point.daysSincePrevious())).append(')');
            }
        }
        if (row.waitingFor() != null) {
            steps.append(" · ").append(getTranslation("objective.timeline.waiting",
                    getTranslation("objective.stage." + row.waitingFor().name())));
        } else {
            steps.append(" · ").append(getTranslation("objective.timeline.span", row.spanDays()));
        }
        var words = new Span(steps.toString());
        words.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        var line = new Div(head, bar, words);
        line.addClassName("decision-timeline-row");
        line.getStyle().set("width", "100%").set("padding", "var(--lumo-space-xs) 0")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        return line;
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
        var consultedOn = dialog.field("consultedOn", new DatePicker(getTranslation("objective.consultedOn")));
        consultedOn.setId("decision-consulted-on");
        consultedOn.setHelperText(getTranslation("objective.consultedOn.help"));
        var executionStarted = dialog.field("executionStartedOn", new DatePicker(getTranslation("objective.executionStartedOn")));
        executionStarted.setId("decision-execution-started-on");
        var consulted = dialog.field("japanConsulted", new Checkbox(getTranslation("objective.japanConsulted")));
        dialog.add(new FormLayout(engagement, title, proposed, approved, consultedOn, executionStarted, consulted));
        dialog.addSaveListener(() -> presenter.createDecision(
                engagement.getValue() == null ? null : engagement.getValue().id(), title.getValue(), proposed.getValue(),
                approved.getValue(), consulted.getValue(), consultedOn.getValue(), executionStarted.getValue()));
        form.open(dialog);
    }

    @Override
    public void showFieldError(String field, String messageKey, Object... arguments) {
        form.showFieldError(field, getTranslation(messageKey, arguments));
    }

    @Override
    public void showProblem(ApiProblem problem) {
        form.showProblem(problem); // on the open form's fields; a notification when no form is open
    }

    @Override
    public void closeForms() {
        form.close();
    }
}
