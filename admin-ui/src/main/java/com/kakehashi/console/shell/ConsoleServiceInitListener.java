package com.kakehashi.console.shell;

import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/** Per UI: the remembered language, and the login guard in front of every view but the login itself. */
public class ConsoleServiceInitListener implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiEvent -> {
            var ui = uiEvent.getUI();
            Languages.applyRemembered(ui);
            ui.addBeforeEnterListener(enter -> {
                if (!enter.getNavigationTarget().isAnnotationPresent(OpenWithoutLogin.class)
                        && ConsoleSession.current().isEmpty()) {
                    // The page asked for goes through the login, so a deep link still opens after signing in.
                    String asked = enter.getLocation().getPathWithQueryParameters();
                    if (asked.isEmpty() || enter.getNavigationTarget() == LandingView.class) {
                        enter.forwardTo(Routes.LOGIN);
                    } else {
                        enter.forwardTo(Routes.LOGIN, QueryParameters.of(Landing.NEXT_PARAMETER, asked));
                    }
                }
            });
        });
    }
}
