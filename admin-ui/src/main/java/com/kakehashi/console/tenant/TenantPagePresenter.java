package com.kakehashi.console.tenant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.Tenant;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** One tenant's page: which tabs the user's role gets. */
public final class TenantPagePresenter {

    public interface View {
        void showTenant(Tenant tenant, Set<TenantTab> tabs);

        void showNotFound(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final CurrentUser user;
    private final View view;

    public TenantPagePresenter(KakehashiApi api, CurrentUser user, View view) {
        this.api = api;
        this.user = user;
        this.view = view;
    }

    public void open(UUID tenantId) {
        try {
            view.showTenant(api.tenant(tenantId), tabsFor(user));
        } catch (ProblemException e) {
            view.showNotFound(e.problem());
        }
    }

    /** Executives get their company's data only; membership and audit are the consultancy's business. */
    static Set<TenantTab> tabsFor(CurrentUser user) {
        return user.role().isConsultancyStaff()
                ? EnumSet.allOf(TenantTab.class)
                : EnumSet.of(TenantTab.PARTICIPANTS, TenantTab.ENGAGEMENTS, TenantTab.OBJECTIVE, TenantTab.DASHBOARD);
    }
}
