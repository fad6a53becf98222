package com.kakehashi.console.engagement;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.TimelineRecords;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.Formats;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** "Events" of the engagement chosen in the grid above: a list and, for consultants, a one-line form to add one. */
class TimelineSection extends VerticalLayout implements TimelinePresenter.View {

    private final Span hint = new Span(getTranslation("timeline.choose"));
    private final Grid<TimelineRecords.Event> grid = new Grid<>();
    private final Grid.Column<TimelineRecords.Event> actions;
    private final DatePicker occurredOn = new DatePicker(getTranslation("timeline.occurredOn"));
    private final Select<TimelineRecords.Kind> kind = new Select<>();
    private final TextField labelEn = new TextField(getTranslation("timeline.labelEn"));
    private final TextField labelJa = new TextField(getTranslation("timeline.labelJa"));
    private final HorizontalLayout form;
    private final TimelinePresenter presenter;

    TimelineSection(ConsoleSession session, UUID tenantId) {
        presenter = new TimelinePresenter(session.api(), session.user(), tenantId, this);
        setId("timeline-section");
        setPadding(false);
        boolean japanese = "ja".equals(getLocale().getLanguage());

        grid.setId("timeline-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> Formats.date(e.occurredOn(), getLocale())).setHeader(getTranslation("timeline.occurredOn"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> getTranslation("timeline.kind." + e.kind().name())).setHeader(getTranslation("timeline.kind"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.label(japanese)).setHeader(getTranslation("timeline.label")).setFlexGrow(1);
        actions = grid.addComponentColumn(this::deleteButton).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("timeline.empty"));

        occurredOn.setId("timeline-date");
        occurredOn.setLocale(getLocale());
        kind.setId("timeline-kind");
        kind.setLabel(getTranslation("timeline.kind"));
        kind.setItems(Arrays.stream(TimelineRecords.Kind.values()).filter(TimelineRecords.Kind::recordable).toList());
        kind.setItemLabelGenerator(k -> getTranslation("timeline.kind." + k.name()));
        kind.setValue(TimelineRecords.Kind.ORGANISATION_CHANGE);
        labelEn.setId("timeline-label-en");
        labelJa.setId("timeline-label-ja");
        labelEn.setMaxLength(120);
        labelJa.setMaxLength(120);
        var add = new Button(getTranslation("timeline.add"), e -> presenter.add(new TimelineRecords.Draft(
                occurredOn.getValue(), kind.getValue(), labelEn.getValue(), labelJa.getValue())));
        add.setId("timeline-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form = new HorizontalLayout(occurredOn, kind, labelEn, labelJa, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        add(new H3(getTranslation("timeline.title")), hint, grid, form);
        showEvents(null, List.of(), false);
    }

    void show(Engagement engagement) {
        presenter.show(engagement);
    }

    private Button deleteButton(TimelineRecords.Event event) {
        var delete = new Button(getTranslation("common.delete"), e -> presenter.delete(event));
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.setVisible(!event.derived());
        return delete;
    }

    @Override
    public void showEvents(Engagement engagement, List<TimelineRecords.Event> events, boolean editable) {
        hint.setVisible(engagement == null);
        grid.setVisible(engagement != null);
        form.setVisible(engagement != null && editable);
        actions.setVisible(editable);
        grid.setItems(events);
    }

    @Override
    public void clearForm() {
        occurredOn.clear();
        labelEn.clear();
        labelJa.clear();
        fields().values().forEach(f -> f.setInvalid(false));
    }

    @Override
    public void showMissing(String field) {
        HasValidation target = fields().get(field);
        target.setErrorMessage(getTranslation("timeline.missing." + field));
        target.setInvalid(true);
    }

    @Override
    public void showFormProblem(ApiProblem problem) {
        Problems.showOnFields(problem, fields());
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }

    private Map<String, HasValidation> fields() {
        return Map.of("occurredOn", occurredOn, "kind", kind, "labelEn", labelEn, "labelJa", labelJa);
    }
}
