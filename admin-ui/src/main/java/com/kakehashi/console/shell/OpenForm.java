package com.kakehashi.console.shell;

import com.kakehashi.console.api.ApiProblem;

/**
 * The form a panel has open, so that the presenter's answers reach it: saved (it closes), refused (on its fields).
 * An answer that finds no form open still reaches the user as a notification.
 */
public final class OpenForm {

    private FormDialog form;

    public void open(FormDialog form) {
        this.form = form;
        form.open();
    }

    public void close() {
        if (form != null) {
            form.close();
            form = null;
        }
    }

    public void showProblem(ApiProblem problem) {
        if (form != null) {
            form.showProblem(problem);
        } else {
            Problems.notify(problem);
        }
    }

    public void showFieldError(String property, String message) {
        if (form != null) {
            form.showFieldError(property, message);
        }
    }
}
