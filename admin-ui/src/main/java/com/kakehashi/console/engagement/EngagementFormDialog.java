package com.kakehashi.console.engagement;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.EngagementDraft;
import com.kakehashi.console.api.EngagementStatus;
import com.kakehashi.console.api.Member;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A passive form for one engagement; hands the edited draft to its save listener. */
class EngagementFormDialog extends Dialog {

    private final TextField name = new TextField(getTranslation("engagement.name"));
    private final TextArea goals = new TextArea(getTranslation("engagement.goals"));
    private final DatePicker startDate = new DatePicker(getTranslation("engagement.startDate"));
    private final DatePicker endDate = new DatePicker(getTranslation("engagement.endDate"));
    private final Select<EngagementStatus> status = new Select<>();
    private final MultiSelectComboBox<Member> consultants = new MultiSelectComboBox<>(getTranslation("engagement.consultants"));

    EngagementFormDialog(boolean creating, EngagementDraft draft, List<Member> choices, Consumer<EngagementDraft> onSave) {
        setId("engagement-form");
        setHeaderTitle(getTranslation(creating ? "engagement.create" : "engagement.edit"));
        setWidth("40em");
        name.setId("engagement-name");
        name.setRequiredIndicatorVisible(true);
        goals.setId("engagement-goals");
        startDate.setId("engagement-start");
        endDate.setId("engagement-end");
        startDate.setLocale(getLocale());
        endDate.setLocale(getLocale());
        status.setId("engagement-status");
        status.setLabel(getTranslation("engagement.status"));
        status.setItems(EngagementStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("engagement.status." + s.name()));
        consultants.setId("engagement-consultants");
        consultants.setItems(choices);
        consultants.setItemLabelGenerator(Member::displayName);

        name.setValue(draft.name() == null ? "" : draft.name());
        goals.setValue(draft.goals() == null ? "" : draft.goals());
        startDate.setValue(draft.startDate());
        endDate.setValue(draft.endDate());
        status.setValue(draft.status());
        consultants.setValue(choices.stream().filter(m -> draft.consultantIds().contains(m.userId())).toList());

        var layout = new FormLayout(name, status, startDate, endDate, goals, consultants);
        layout.setColspan(name, 2);
        layout.setColspan(goals, 2);
        layout.setColspan(consultants, 2);
        add(layout);

        var save = new Button(getTranslation("common.save"), e -> onSave.accept(new EngagementDraft(
                name.getValue().strip(), goals.getValue().strip(), startDate.getValue(), endDate.getValue(),
                status.getValue(), consultants.getValue().stream().map(Member::userId).toList())));
        save.setId("engagement-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
    }

    void showProblem(ApiProblem problem) {
        Problems.showOnFields(problem, Map.<String, HasValidation>of("name", name, "goals", goals,
                "startDate", startDate, "endDate", endDate, "status", status, "consultantIds", consultants));
    }

    void showEndBeforeStart() {
        endDate.setErrorMessage(getTranslation("engagement.endBeforeStart"));
        endDate.setInvalid(true);
    }
}
