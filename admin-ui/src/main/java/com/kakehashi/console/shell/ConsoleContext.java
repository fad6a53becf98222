package com.kakehashi.console.shell;

import com.kakehashi.console.api.Authenticator;
import com.vaadin.flow.server.VaadinService;

/** Application-wide objects the server puts into the servlet context at start-up. */
public final class ConsoleContext {

    /** Vaadin's context looks servlet-context attributes up by class name. */
    public static final String AUTHENTICATOR_ATTRIBUTE = Authenticator.class.getName();

    private ConsoleContext() {
    }

    public static Authenticator authenticator() {
        var authenticator = VaadinService.getCurrent().getContext().getAttribute(Authenticator.class);
        if (authenticator == null) {
            throw new IllegalStateException("The console server did not register an Authenticator");
        }
        return authenticator;
    }
}
