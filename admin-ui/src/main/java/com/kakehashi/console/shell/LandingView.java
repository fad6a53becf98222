package com.kakehashi.console.shell;

import com.kakehashi.console.portfolio.PortfolioView;
import com.kakehashi.console.tenant.TenantListView;
import com.kakehashi.console.tenant.TenantView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;

import java.util.Map;

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
        var routes = RouteConfiguration.forSessionScope();
        return switch (destination) {
            case Landing.Portfolio p -> new Location(routes.getUrl(PortfolioView.class));
            case Landing.Clients c -> new Location(routes.getUrl(TenantListView.class));
            case Landing.Dashboard d -> new Location(routes.getUrl(TenantView.class, d.tenantId().toString()),
                    QueryParameters.simple(Map.of(TenantView.TAB_PARAMETER, "dashboard")));
            case Landing.DeepLink link -> new Location(link.location());
        };
    }
}
