package com.kakehashi.console.shell;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.PortfolioRecords.TenantSummary;
import com.kakehashi.console.api.Role;
import com.kakehashi.console.api.Tenant;
import com.kakehashi.console.api.TenantRef;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static com.kakehashi.console.api.Fixtures.CONTOSO;
import static com.kakehashi.console.api.Fixtures.NORTHWIND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LandingTest {

    @Test
    void consultantsLandOnThePortfolio() {
        var user = Fixtures.consultant();
        assertEquals(new Landing.Portfolio(), Landing.home(user, Fixtures.apiFor(user, NORTHWIND, CONTOSO)));
    }

    @Test
    void operatorsLandOnTheClients() {
        var user = Fixtures.operator();
        assertEquals(new Landing.Clients(), Landing.home(user, Fixtures.apiFor(user, NORTHWIND)));
    }

    @Test
    void anExecutiveLandsOnTheirOwnClientsDashboardWithoutAskingTheBackend() {
        var user = Fixtures.executiveOf(CONTOSO);
        var api = Fixtures.apiFor(user, CONTOSO);

        assertEquals(new Landing.Dashboard(CONTOSO.id()), Landing.home(user, api));
        assertTrue(api.calls.isEmpty(), "one client: no portfolio call: " + api.calls);
    }

    @Test
    void anExecutiveOfSeveralClientsLandsOnTheOneWithTheMostRecentClosedWave() {
        var user = executiveOf(NORTHWIND, CONTOSO);
        var api = Fixtures.apiFor(user, NORTHWIND, CONTOSO);
        api.portfolio.put(NORTHWIND.id(), summary(NORTHWIND, LocalDate.of(2026, 11, 1)));
        api.portfolio.put(CONTOSO.id(), summary(CONTOSO, LocalDate.of(2026, 11, 15)));

        assertEquals(new Landing.Dashboard(CONTOSO.id()), Landing.home(user, api));
    }

    @Test
    void anExecutiveOfSeveralClientsWithoutClosedWavesLandsOnTheFirstInTheBackendsOrder() {
        var user = executiveOf(NORTHWIND, CONTOSO);
        var api = Fixtures.apiFor(user, NORTHWIND, CONTOSO);
        api.portfolio.put(NORTHWIND.id(), summary(NORTHWIND, null));
        api.portfolio.put(CONTOSO.id(), summary(CONTOSO, null));

        assertEquals(new Landing.Dashboard(NORTHWIND.id()), Landing.home(user, api));
    }

    @Test
    void aFailedPortfolioCallStillLandsTheExecutiveOnTheFirstClient() {
        var user = executiveOf(CONTOSO, NORTHWIND);
        var api = Fixtures.apiFor(user, NORTHWIND, CONTOSO).refuseNext(ApiProblem.of(503, "Service Unavailable"));

        assertEquals(new Landing.Dashboard(CONTOSO.id()), Landing.home(user, api));
    }

    @Test
    void anExecutiveWithoutAClientLandsOnTheEmptyPortfolio() {
        var user = new CurrentUser(UUID.randomUUID(), "new@example.com", "New", Role.EXECUTIVE, List.of());
        assertEquals(new Landing.Portfolio(), Landing.home(user, Fixtures.apiFor(user)));
    }

    @Test
    void aDeepLinkWinsOverTheRolesHome() {
        var user = Fixtures.executiveOf(CONTOSO);
        String link = "tenants/" + CONTOSO.id() + "?tab=waves";

        assertEquals(new Landing.DeepLink(link), Landing.afterLogin(user, Fixtures.apiFor(user, CONTOSO), link));
        assertEquals(new Landing.DeepLink("portfolio"), Landing.afterLogin(user, Fixtures.apiFor(user, CONTOSO), "/portfolio"));
    }

    @Test
    void onlyPagesInsideTheConsoleAreFollowedAfterTheLogin() {
        var user = Fixtures.consultant();
        var api = Fixtures.apiFor(user, NORTHWIND);
        for (String link : new String[]{null, "", "  ", "/", "login", "login?next=x", "//evil.example/x",
                "https://evil.example", "javascript:alert(1)", "..\\x", "tenants/../../etc", "a\nb"}) {
            assertEquals(new Landing.Portfolio(), Landing.afterLogin(user, api, link), "followed: " + link);
        }
    }

    private static CurrentUser executiveOf(Tenant... tenants) {
        return new CurrentUser(UUID.randomUUID(), "exec@example.com", "Erin Executive", Role.EXECUTIVE,
                Arrays.stream(tenants).map(t -> new TenantRef(t.id(), t.name())).toList());
    }

    private static TenantSummary summary(Tenant tenant, LocalDate latestWave) {
        return new TenantSummary(tenant.id(), tenant.name(), 5, latestWave, null, List.of(), List.of(), null, null,
                0, 0, 0, List.of());
    }
}
