package com.kakehashi.console.tenant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.Tenant;
import com.kakehashi.console.api.TenantDraft;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The tenants the user may see (the backend scopes the list), and tenant creation for operators. */
public final class TenantListPresenter {

    public interface View {
        void showTenants(List<Tenant> tenants);

        void showCreateAction(boolean visible);

        void showProblem(ApiProblem problem);

        void showFormProblem(ApiProblem problem);

        void closeForm();

        void openTenant(UUID tenantId);
    }

    private final KakehashiApi api;
    private final CurrentUser user;
    private final View view;

    public TenantListPresenter(KakehashiApi api, CurrentUser user, View view) {
        this.api = api;
        this.user = user;
        this.view = view;
    }

    public void load() {
        view.showCreateAction(user.role().canCreateTenants());
        try {
            view.showTenants(api.tenants().stream().sorted(Comparator.comparing(Tenant::name)).toList());
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    public void create(TenantDraft draft) {
        try {
            var tenant = api.createTenant(draft);
            view.closeForm();
            load();
            view.openTenant(tenant.id());
        } catch (ProblemException e) {
            view.showFormProblem(e.problem());
        }
    }

    public void select(Tenant tenant) {
        if (tenant != null) {
            view.openTenant(tenant.id());
        }
    }
}
