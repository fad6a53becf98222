package com.kakehashi.console.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;

/**
 * Header with the user, the language toggle and logout; navigation to what the user's role offers. The menu links
 * by address ({@link Routes}), so the frame does not depend on the pages inside it.
 */
public class MainLayout extends AppLayout {

    public MainLayout() {
        var session = ConsoleSession.current();
        var title = new Span(getTranslation("app.title"));
        title.addClassName("app-title");

        var language = new Button(getTranslation("language.toggle"), e -> Languages.toggle(UI.getCurrent()));
        language.setId("language-toggle");
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        var logout = new Button(getTranslation("nav.logout"), e -> ConsoleSession.logout(UI.getCurrent()));
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        var who = new Span(session.map(s -> s.user().displayName() + " · "
                + getTranslation("role." + s.user().role().name())).orElse(""));
        who.setId("current-user");
        who.addClassName("current-user");

        var header = new HorizontalLayout(new DrawerToggle(), title, who);
        // Only in demo mode (the backend answered for the mailbox at start-up), and only for the consultancy.
        DemoMailbox.current().filter(m -> session.map(s -> s.user().role().isConsultancyStaff()).orElse(false))
                .ifPresent(mailbox -> {
                    var link = new Anchor(mailbox.uri().toString(), getTranslation("nav.demoMailbox"));
                    link.setTarget(AnchorTarget.BLANK);
                    link.setId("demo-mailbox");
                    header.add(link);
                });
        header.add(language, logout);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(who);
        header.addClassName("app-header");
        addToNavbar(header);

        var nav = new SideNav();
        nav.setId("main-nav");
        nav.addItem(new SideNavItem(getTranslation("nav.portfolio"), Routes.PORTFOLIO));
        nav.addItem(new SideNavItem(getTranslation("nav.tenants"), Routes.TENANTS));
        if (session.map(s -> s.user().role().canManageUsers()).orElse(false)) {
            nav.addItem(new SideNavItem(getTranslation("nav.users"), Routes.USERS));
        }
        addToDrawer(nav);
    }
}
