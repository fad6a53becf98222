package com.kakehashi.console.participant;

import com.kakehashi.console.api.Level;
import com.kakehashi.console.api.ParticipantDraft;
import com.kakehashi.console.api.Side;
import com.kakehashi.console.shell.FormDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;

import java.util.function.Consumer;

/** A passive form: shows a draft, hands the edited draft to its save listener, marks fields the backend refused. */
class ParticipantFormDialog extends FormDialog {

    private final EmailField email = field("email", new EmailField(getTranslation("common.email")));
    private final TextField displayName = field("displayName", new TextField(getTranslation("common.displayName")));
    private final Select<Side> side = field("side", new Select<>());
    private final Select<Level> level = field("level", new Select<>());
    private final Select<String> language = field("language", new Select<>());
    private final TextField timeZone = field("timeZone", new TextField(getTranslation("participant.timeZone")));
    private final TextField department = field("department", new TextField(getTranslation("participant.department")));

    ParticipantFormDialog(boolean creating, ParticipantDraft draft, Consumer<ParticipantDraft> onSave) {
        super("participant", creating ? "participant.create" : "participant.edit");
        email.setId("participant-email");
        displayName.setId("participant-displayName");
        side.setId("participant-side");
        level.setId("participant-level");
        language.setId("participant-language");
        email.setRequiredIndicatorVisible(true);
        displayName.setRequiredIndicatorVisible(true);
        side.setLabel(getTranslation("participant.side"));
        side.setItems(Side.values());
        side.setItemLabelGenerator(s -> getTranslation("side." + s.name()));
        level.setLabel(getTranslation("participant.level"));
        level.setItems(Level.values());
        level.setItemLabelGenerator(l -> getTranslation("level." + l.name()));
        language.setLabel(getTranslation("participant.language"));
        language.setItems("ja", "en");
        language.setItemLabelGenerator(l -> getTranslation("language." + l));
        timeZone.setPlaceholder("Asia/Tokyo");

        email.setValue(nullToEmpty(draft.email()));
        displayName.setValue(nullToEmpty(draft.displayName()));
        side.setValue(draft.side());
        level.setValue(draft.level());
        language.setValue(draft.language());
        timeZone.setValue(nullToEmpty(draft.timeZone()));
        department.setValue(nullToEmpty(draft.department()));
        add(new FormLayout(email, displayName, side, level, language, timeZone, department));

        addSaveListener(() -> onSave.accept(new ParticipantDraft(
                email.getValue().strip(), displayName.getValue().strip(), side.getValue(), level.getValue(),
                language.getValue(), emptyToNull(timeZone.getValue()), emptyToNull(department.getValue()))));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
