package com.kakehashi.console.engagement;

import com.kakehashi.console.api.EngagementDraft;
import com.kakehashi.console.api.EngagementStatus;
import com.kakehashi.console.api.Member;
import com.kakehashi.console.shell.FormDialog;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.List;
import java.util.function.Consumer;

/** A passive form for one engagement; hands the edited draft to its save listener. */
class EngagementFormDialog extends FormDialog {

    private final TextField name = field("name", new TextField(getTranslation("engagement.name")));
    private final TextArea goals = field("goals", new TextArea(getTranslation("engagement.goals")));
    private final DatePicker startDate = field("startDate", new DatePicker(getTranslation("engagement.startDate")));
    private final DatePicker endDate = field("endDate", new DatePicker(getTranslation("engagement.endDate")));
    private final Select<EngagementStatus> status = field("status", new Select<>());
    private final MultiSelectComboBox<Member> consultants = field("consultantIds",
            new MultiSelectComboBox<>(getTranslation("engagement.consultants")));

    EngagementFormDialog(boolean creating, EngagementDraft draft, List<Member> choices, Consumer<EngagementDraft> onSave) {
        super("engagement", creating ? "engagement.create" : "engagement.edit");
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

        addSaveListener(() -> onSave.accept(new EngagementDraft(
                name.getValue().strip(), goals.getValue().strip(), startDate.getValue(), endDate.getValue(),
                status.getValue(), consultants.getValue().stream().map(Member::userId).toList())));
    }
}
