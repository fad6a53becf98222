package com.kakehashi.console.shell;

import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.KakehashiApi;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

import java.io.Serializable;
import java.util.Optional;

/**
 * The logged-in user of one browser session and the API opened with their token. The token never leaves the
 * server; the browser only holds Vaadin's session cookie.
 */
public record ConsoleSession(KakehashiApi api, CurrentUser user) implements Serializable {

    public static Optional<ConsoleSession> current() {
        var session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(ConsoleSession.class));
    }

    /** For views behind the login: the guard ({@link ConsoleServiceInitListener}) has sent everyone else to the login. */
    public static ConsoleSession require() {
        return current().orElseThrow(() -> new IllegalStateException("No user is logged in"));
    }

    public static void start(ConsoleSession session) {
        VaadinSession.getCurrent().setAttribute(ConsoleSession.class, session);
    }

    public static void end() {
        var session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(ConsoleSession.class, null);
        }
    }

    /**
     * The backend refused the token (401): it expired or was revoked, so the session is of no further use and the
     * user signs in again. Whichever view met the refusal hands it here, so no view handles a lapsed login itself.
     *
     * <p>The login opens once the server has done with this round trip, not at once: a view that loads while it is
     * being built meets the refusal inside a navigation, and that navigation, still under way, would put its own
     * page back over the login (an empty page under the login's address).
     */
    public static void expired(UI ui) {
        if (current().isEmpty()) {
            return; // the first refusal of this round trip has already sent the user to the login
        }
        end();
        ui.beforeClientResponse(ui, context -> ui.navigate(Routes.LOGIN));
    }

    /** Ends the session for good: the login page is loaded afresh and the servlet session (the cookie) is dropped. */
    public static void logout(UI ui) {
        end();
        ui.getPage().setLocation(Routes.LOGIN);
        VaadinSession.getCurrent().getSession().invalidate();
    }
}
