package com.kakehashi.console.user;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.Role;
import com.kakehashi.console.api.Tenant;
import com.kakehashi.console.api.User;
import com.kakehashi.console.api.UserDraft;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.kakehashi.console.api.Fixtures.CONTOSO;
import static com.kakehashi.console.api.Fixtures.NORTHWIND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserPresenterTest {

    private final com.kakehashi.console.api.FakeKakehashiApi api = Fixtures.apiFor(Fixtures.operator(), NORTHWIND, CONTOSO);
    private final RecordingView view = new RecordingView();
    private final UserPresenter presenter = new UserPresenter(api, view);

    @Test
    void createsAnExecutiveBoundToTheChosenTenant() {
        presenter.create(new UserDraft("ceo@contoso.example", "CEO", Role.EXECUTIVE, "long-enough-pw", CONTOSO.id()));

        assertTrue(api.calls.contains("createUser ceo@contoso.example EXECUTIVE tenant=" + CONTOSO.id()));
        assertTrue(view.formClosed);
        assertEquals("Contoso Medical", UserPresenter.tenantLabel(view.tenantNames).apply(view.users.getFirst()));
    }

    @Test
    void requiresATenantForAnExecutiveBeforeCallingTheBackend() {
        presenter.create(new UserDraft("ceo@contoso.example", "CEO", Role.EXECUTIVE, "long-enough-pw", null));

        assertTrue(view.tenantRequired);
        assertFalse(api.calls.stream().anyMatch(c -> c.startsWith("createUser")));
    }

    @Test
    void dropsATenantPickedForAConsultant() {
        presenter.create(new UserDraft("c2@k.example", "C2", Role.CONSULTANT, "long-enough-pw", NORTHWIND.id()));

        assertTrue(api.calls.contains("createUser c2@k.example CONSULTANT tenant=null"));
    }

    @Test
    void showsTheBackendsFieldErrorsOnTheForm() {
        api.refuseNext(Fixtures.validationProblem("create.account.password", "must be 12 to 200 characters"));
        presenter.create(new UserDraft("c3@k.example", "C3", Role.CONSULTANT, "short", null));

        assertEquals(Map.of("password", "must be 12 to 200 characters"), view.formProblem.fieldMessages());
        assertFalse(view.formClosed);
    }

    @Test
    void onlyExecutivesNeedATenant() {
        assertTrue(UserPresenter.needsTenant(Role.EXECUTIVE));
        assertFalse(UserPresenter.needsTenant(Role.CONSULTANT));
        assertFalse(UserPresenter.needsTenant(Role.OPERATOR));
    }

    private static final class RecordingView implements UserPresenter.View {
        List<User> users;
        Map<UUID, String> tenantNames;
        boolean formClosed;
        boolean tenantRequired;
        ApiProblem formProblem;

        @Override
        public void showUsers(List<User> users, Map<UUID, String> tenantNames) {
            this.users = users;
            this.tenantNames = tenantNames;
        }

        @Override
        public void showTenantChoices(List<Tenant> tenants) {
        }

        @Override
        public void closeForm() {
            formClosed = true;
        }

        @Override
        public void showTenantRequired() {
            tenantRequired = true;
        }

        @Override
        public void showFormProblem(ApiProblem problem) {
            formProblem = problem;
        }

        @Override
        public void showCreated(User user) {
        }

        @Override
        public void showProblem(ApiProblem problem) {
            throw new AssertionError(problem.toString());
        }
    }
}
