package com.kakehashi.console.shell;

import com.kakehashi.console.i18n.LanguagePreference;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

/** Applies and remembers the user's language choice for the session. */
public final class Languages {

    private Languages() {
    }

    public static void applyRemembered(UI ui) {
        var preference = ui.getSession().getAttribute(LanguagePreference.class);
        if (preference != null) {
            ui.setLocale(preference.locale());
        }
    }

    /** Switches language and reloads, so every text on the page is rendered again in the new language. */
    public static void toggle(UI ui) {
        var preference = LanguagePreference.toggledFrom(ui.getLocale());
        VaadinSession.getCurrent().setAttribute(LanguagePreference.class, preference);
        ui.setLocale(preference.locale());
        ui.getPage().reload();
    }
}
