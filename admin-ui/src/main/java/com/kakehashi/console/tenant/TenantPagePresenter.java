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
            // An executive's permission may have been granted or revoked since login: ask again.
            var current = user.role().isConsultancyStaff() ? user : api.me();
            view.showTenant(api.tenant(tenantId), tabsFor(current, tenantId));
        } catch (ProblemException e) {
            view.showNotFound(e.problem());
        }
    }

    /**
     * Executives get their company's results; membership and audit are the consultancy's business, and the
     * participant list (names, emails) only with the client-administrator permission a consultant grants.
     */
    static Set<TenantTab> tabsFor(CurrentUser user, UUID tenantId) {
        if (user.role().isConsultancyStaff()) {
            return EnumSet.allOf(TenantTab.class);
        }
        var tabs = EnumSet.of(TenantTab.ENGAGEMENTS, TenantTab.OBJECTIVE, TenantTab.REGISTER, TenantTab.DASHBOARD, TenantTab.ACTIONS);
        if (user.mayManageParticipants(tenantId)) {
            tabs.add(TenantTab.PARTICIPANTS);
        }
        return tabs;
    }
}
