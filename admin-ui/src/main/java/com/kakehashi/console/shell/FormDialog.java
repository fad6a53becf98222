package com.kakehashi.console.shell;

import com.kakehashi.console.api.ApiProblem;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The console's edit form: a dialog with a title, the fields, Cancel and Save. It is passive: Save runs the
 * listener given to {@link #addSaveListener}, which reads the fields and hands a draft to the presenter; the presenter's answer comes
 * back as {@link #showProblem} (the backend refused: marked on the fields it names, the rest as a notification) or
 * {@link #showFieldError} (a check made before sending). Each field is registered under the property name the
 * backend uses for it in a problem answer.
 */
public class FormDialog extends Dialog {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Button save = new Button(getTranslation("common.save"));

    /**
     * @param idPrefix the dialog's id is {@code prefix-form}, its buttons' {@code prefix-save} and {@code prefix-cancel}
     * @param titleKey the message key of the dialog's title
     */
    public FormDialog(String idPrefix, String titleKey) {
        setId(idPrefix + "-form");
        setHeaderTitle(getTranslation(titleKey));
        save.setId(idPrefix + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId(idPrefix + "-cancel");
        getFooter().add(cancel, save);
    }

    /** Registers a field under the property name the backend gives it in problems; returns the field. */
    public <F extends HasValidation> F field(String property, F field) {
        fields.put(property, field);
        return field;
    }

    public void addSaveListener(Runnable listener) {
        save.addClickListener(e -> listener.run());
    }

    /** For a form that is only read by some users: Save hidden. */
    protected void setSaveVisible(boolean visible) {
        save.setVisible(visible);
    }

    protected Collection<HasValidation> fields() {
        return Collections.unmodifiableCollection(fields.values());
    }

    /** The backend refused the draft: on the fields it names, and as a notification for anything else. */
    public void showProblem(ApiProblem problem) {
        Problems.showOnFields(problem, fields);
    }

    public void showFieldError(String property, String message) {
        showFieldMessages(Map.of(property, message));
    }

    /** Marks each named field with its message and clears the others; a name without a field becomes a notification. */
    public void showFieldMessages(Map<String, String> messages) {
        clearFieldErrors();
        messages.forEach((property, message) -> {
            var field = fields.get(property);
            if (field == null) {
                Problems.error(message);
            } else {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }
        });
    }

    protected void clearFieldErrors() {
        fields.values().forEach(f -> f.setInvalid(false));
    }
}
