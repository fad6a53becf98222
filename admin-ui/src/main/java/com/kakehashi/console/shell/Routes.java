package com.kakehashi.console.shell;

import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;

import java.util.Map;
import java.util.UUID;

/**
 * The console's addresses. Each feature declares its page on one of them ({@code @Route(Routes.TENANTS)}); the
 * shell, and a feature linking to another's page, go by the address instead of the page's class. The address is
 * the page's public contract anyway (bookmarks, deep links through the login), and going by it keeps the shell
 * free of every feature: a page can be added or rebuilt without the frame around it changing.
 */
public final class Routes {

    public static final String LOGIN = "login";
    public static final String PORTFOLIO = "portfolio";
    public static final String TENANTS = "tenants";
    public static final String USERS = "users";

    /** {@code ?tab=dashboard} opens a tenant's page on that tab. */
    public static final String TAB_PARAMETER = "tab";

    private Routes() {
    }

    /** A tenant's page on its dashboard tab, where the portfolio and an executive's landing lead. */
    public static Location tenantDashboard(UUID tenantId) {
        return new Location(TENANTS + "/" + tenantId, QueryParameters.simple(Map.of(TAB_PARAMETER, "dashboard")));
    }
}
