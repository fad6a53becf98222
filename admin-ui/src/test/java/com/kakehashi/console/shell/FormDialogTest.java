package com.kakehashi.console.shell;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.ApiProblem.FieldError;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The edit form's marking of fields, without a browser. */
class FormDialogTest {

    private FormDialog form;
    private TextField name;
    private TextField email;
    /** Held here: Vaadin keeps the current UI only weakly, so a garbage collection would otherwise clear it mid-test. */
    private UI ui;

    @BeforeEach
    void openAForm() {
        ui = new UI();
        UI.setCurrent(ui);
        form = new FormDialog("thing", "thing.create");
        name = form.field("name", new TextField());
        email = form.field("email", new TextField());
    }

    @AfterEach
    void leaveTheUi() {
        UI.setCurrent(null);
    }

    @Test
    void aRefusalIsMarkedOnTheFieldItNamesAndEarlierMarksAreCleared() {
        form.showFieldError("email", "taken");

        form.showProblem(new ApiProblem(null, "Bad Request", 400, "The request has invalid fields.",
                List.of(new FieldError("create.body.name", "must not be blank"))));

        assertTrue(name.isInvalid());
        // Outside a running console the bundle answers with the key: the sentence was recognised as problem.notBlank.
        assertEquals("!{problem.notBlank}!", name.getErrorMessage());
        assertFalse(email.isInvalid(), "the earlier mark is gone");
    }

    @Test
    void aCheckBeforeSendingMarksOnlyItsField() {
        form.showFieldError("name", "first");
        form.showFieldError("email", "second");

        assertFalse(name.isInvalid());
        assertTrue(email.isInvalid());
        assertEquals("second", email.getErrorMessage());
    }

    @Test
    void theDialogIsNamedAfterItsPrefixForBrowserTests() {
        assertEquals("thing-form", form.getId().orElseThrow());
    }
}
