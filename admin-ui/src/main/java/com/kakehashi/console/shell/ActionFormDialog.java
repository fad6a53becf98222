package com.kakehashi.console.shell;

import com.kakehashi.console.api.ActionRecords;
import com.kakehashi.console.api.ActionRecords.FormInput;
import com.kakehashi.console.api.ActionRecords.OwnerChoice;
import com.kakehashi.console.api.Engagement;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The form of an action: engagement, title and description in their language, the signs it targets, start and
 * due date, and an owner per side (a console user, or a named person with an email and a language). It opens from
 * the actions page and from an alert on the dashboard, so it lives with the frame; it decides nothing: Save hands
 * what was typed to the presenter of whichever page opened it.
 */
public class ActionFormDialog extends FormDialog {

    /**
     * @param engagements the engagements to choose from
     * @param owners      the console users who may own an action
     * @param input       what the form starts with (an existing action, an alert's prefill, or a blank)
     * @param onSave      receives the form's content when Save is pressed
     */
    public ActionFormDialog(List<Engagement> engagements, List<OwnerChoice> owners, FormInput input, Consumer<FormInput> onSave) {
        super("action", input.actionId() == null ? "action.form.create" : "action.form.edit");
        setWidth("min(52rem, 96vw)");
        var engagement = field("engagementId", new Select<Engagement>());
        engagement.setId("action-engagement");
        engagement.setLabel(getTranslation("action.engagement"));
        engagement.setItems(engagements);
        engagement.setItemLabelGenerator(Engagement::name);
        engagements.stream().filter(e -> e.id().equals(input.engagementId())).findFirst().ifPresent(engagement::setValue);
        // An existing action and an alert's answer keep their engagement: the backend would refuse another.
        engagement.setReadOnly(input.actionId() != null || input.alertId() != null);

        var title = field("title", new TextField(getTranslation("action.title")));
        title.setId("action-title");
        title.setMaxLength(200);
        title.setValue(Objects.requireNonNullElse(input.title(), ""));
        var description = field("description", new TextArea(getTranslation("action.description")));
        description.setId("action-description");
        description.setMaxLength(4000);
        description.setValue(Objects.requireNonNullElse(input.description(), ""));
        var language = field("language", language("action.language"));
        language.setId("action-language");
        language.setValue(input.language() == null ? "en" : input.language());

        var signs = field("signs", new MultiSelectComboBox<String>(getTranslation("action.signs")));
        signs.setId("action-signs");
        signs.setItems(ActionRecords.SIGNS);
        signs.setItemLabelGenerator(s -> getTranslation("instrument.sign." + s));
        signs.setValue(input.signs());
        var start = field("startOn", new DatePicker(getTranslation("action.startOn")));
        start.setId("action-start-on");
        start.setValue(input.startOn());
        var due = field("dueOn", new DatePicker(getTranslation("action.dueOn")));
        due.setId("action-due-on");
        due.setValue(input.dueOn());

        var hq = new OwnerFields("hq", owners, input.hqUser(), input.hqName(), input.hqEmail(), input.hqLanguage());
        var japan = new OwnerFields("japan", owners, input.japanUser(), input.japanName(), input.japanEmail(), input.japanLanguage());

        var form = new FormLayout(engagement, title, description, language, signs, start, due);
        form.setColspan(description, 2);
        form.setColspan(signs, 2);
        var hqTitle = new H4(getTranslation("action.owner.HQ"));
        var japanTitle = new H4(getTranslation("action.owner.JAPAN"));
        add(form, hqTitle, hq.layout(), japanTitle, japan.layout());

        addSaveListener(() -> onSave.accept(new FormInput(input.actionId(),
                engagement.getValue() == null ? input.engagementId() : engagement.getValue().id(), input.alertId(),
                title.getValue(), description.getValue(), language.getValue(), signs.getValue(), start.getValue(),
                due.getValue(), hq.userId(), hq.name.getValue(), hq.email.getValue(), hq.language.getValue(),
                japan.userId(), japan.name.getValue(), japan.email.getValue(), japan.language.getValue())));
    }

    private Select<String> language(String labelKey) {
        var select = new Select<String>();
        select.setLabel(getTranslation(labelKey));
        select.setItems("ja", "en");
        select.setItemLabelGenerator(l -> getTranslation("action.language." + l));
        return select;
    }

    /** One side's owner: a user chosen from the list, or a person named by hand (the form says "one or the other"). */
    private final class OwnerFields {
        final ComboBox<OwnerChoice> user;
        final TextField name;
        final TextField email;
        final Select<String> language;

        OwnerFields(String side, List<OwnerChoice> owners, java.util.UUID userId, String nameValue, String emailValue,
                    String languageValue) {
            String prefix = side + "Owner";
            user = field(prefix, new ComboBox<OwnerChoice>(getTranslation("action.owner.user")));
            user.setId("action-" + side + "-owner");
            user.setItems(owners);
            user.setItemLabelGenerator(o -> o.name() + " <" + o.email() + ">");
            user.setClearButtonVisible(true);
            owners.stream().filter(o -> o.userId().equals(userId)).findFirst().ifPresent(user::setValue);
            name = field(prefix + "Name", new TextField(getTranslation("action.owner.name")));
            name.setId("action-" + side + "-owner-name");
            name.setValue(Objects.requireNonNullElse(nameValue, ""));
            email = field(prefix + "Email", new TextField(getTranslation("action.owner.email")));
            email.setId("action-" + side + "-owner-email");
            email.setValue(Objects.requireNonNullElse(emailValue, ""));
            language = field(prefix + "Language", language("action.owner.language"));
            language.setValue(languageValue == null ? "en" : languageValue);
            name.setHelperText(getTranslation("action.owner.nameHelp"));
        }

        java.util.UUID userId() {
            return user.getValue() == null ? null : user.getValue().userId();
        }

        FormLayout layout() {
            return new FormLayout(user, name, email, language);
        }
    }
}
