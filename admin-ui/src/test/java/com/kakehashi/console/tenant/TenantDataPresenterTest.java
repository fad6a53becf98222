package com.kakehashi.console.tenant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.Tenant;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static com.kakehashi.console.api.Fixtures.CONTOSO;
import static com.kakehashi.console.api.Fixtures.NORTHWIND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantDataPresenterTest {

    private static final class View implements TenantDataPresenter.View {
        final List<String> shown = new ArrayList<>();
        final List<String> offboarded = new ArrayList<>();
        final List<ApiProblem> problems = new ArrayList<>();
        int mismatches;

        @Override
        public void show(Tenant tenant, boolean offboarding) {
            shown.add(tenant.name() + (offboarding ? " +offboarding" : ""));
        }

        @Override
        public void nameDoesNotMatch() {
            mismatches++;
        }

        @Override
        public void offboarded(String name) {
            offboarded.add(name);
        }

        @Override
        public void showProblem(ApiProblem problem) {
            problems.add(problem);
        }
    }

    @Test
    void onlyAnOperatorIsOfferedOffboardingAndEveryoneWhoSeesTheTabTheExport() {
        var operatorView = new View();
        new TenantDataPresenter(Fixtures.apiFor(Fixtures.operator(), NORTHWIND), Fixtures.operator(), NORTHWIND.id(), operatorView).load();
        var consultantView = new View();
        new TenantDataPresenter(Fixtures.apiFor(Fixtures.consultant(), NORTHWIND), Fixtures.consultant(), NORTHWIND.id(), consultantView).load();

        assertEquals(List.of("Northwind Industries +offboarding"), operatorView.shown);
        assertEquals(List.of("Northwind Industries"), consultantView.shown);
    }

    @Test
    void theExportIsPassedOnWholeAndItsTemporaryFileDeleted() throws Exception {
        var api = Fixtures.apiFor(Fixtures.consultant(), NORTHWIND);
        var presenter = new TenantDataPresenter(api, Fixtures.consultant(), NORTHWIND.id(), new View());
        presenter.load();
        var out = new ByteArrayOutputStream();

        presenter.export(out);

        assertEquals("zip of Northwind Industries", out.toString(StandardCharsets.UTF_8));
        assertEquals("kakehashi-export-Northwind-Industries.zip", presenter.exportFileName());
        assertTrue(api.calls.contains("exportTenant " + NORTHWIND.id()));
    }

    @Test
    void aNameThatIsNotTheClientsSendsNothingAndTheExactNameDeletesOnlyThatClient() {
        var api = Fixtures.apiFor(Fixtures.operator(), NORTHWIND, CONTOSO);
        var view = new View();
        var presenter = new TenantDataPresenter(api, Fixtures.operator(), NORTHWIND.id(), view);
        presenter.load();

        presenter.offboard("Northwind");
        presenter.offboard("");
        presenter.offboard(null);
        assertEquals(3, view.mismatches);
        assertFalse(api.calls.stream().anyMatch(call -> call.startsWith("offboardTenant")), api.calls.toString());

        presenter.offboard("  Northwind Industries ");
        assertEquals(List.of("Northwind Industries"), view.offboarded);
        assertEquals(List.of(CONTOSO.id()), List.copyOf(api.tenants.keySet()));
        assertTrue(view.problems.isEmpty());
    }
}
