package com.kakehashi.console.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Route;

/**
 * The console's root address: never shown, it forwards to the signed-in user's home ({@link Landing}). The
 * login guard has already sent everyone else to the login.
 */
@Route("")
public class LandingView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ConsoleSession.current().ifPresent(session -> {
            var target = locationOf(Landing.home(session.user(), session.api()));
            event.forwardTo(target.getPath(), target.getQueryParameters());
        });
    }

    /** After the login: the destination replaces the login page in the address bar. */
    public static void navigate(UI ui, Landing.Destination destination) {
        var target = locationOf(destination);
        ui.navigate(target.getPath(), target.getQueryParameters());
    }

    static Location locationOf(Landing.Destination destination) {
        return switch (destination) {
            case Landing.Portfolio p -> new Location(Routes.PORTFOLIO);
            case Landing.Clients c -> new Location(Routes.TENANTS);
            case Landing.Dashboard d -> Routes.tenantDashboard(d.tenantId());
            case Landing.DeepLink link -> new Location(link.location());
        };
    }
}
