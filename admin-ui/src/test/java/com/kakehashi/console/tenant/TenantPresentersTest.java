package com.kakehashi.console.tenant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.AuditEntry;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.Member;
import com.kakehashi.console.api.PageResult;
import com.kakehashi.console.api.Role;
import com.kakehashi.console.api.Tenant;
import com.kakehashi.console.api.TenantDraft;
import com.kakehashi.console.api.User;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.kakehashi.console.api.Fixtures.CONTOSO;
import static com.kakehashi.console.api.Fixtures.NORTHWIND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantPresentersTest {

    @Test
    void listsTheTenantsTheBackendReturnsSortedByName() {
        var api = Fixtures.apiFor(Fixtures.consultant(), NORTHWIND, CONTOSO);
        var view = new ListView();
        new TenantListPresenter(api, api.me, view).load();

        assertEquals(List.of("Contoso Medical", "Northwind Industries"), view.tenants.stream().map(Tenant::name).toList());
        assertFalse(view.createVisible, "consultants do not create tenants");
    }

    @Test
    void offersTenantCreationToOperatorsOnly() {
        var api = Fixtures.apiFor(Fixtures.operator(), NORTHWIND);
        var view = new ListView();
        new TenantListPresenter(api, api.me, view).load();

        assertTrue(view.createVisible);
    }

    @Test
    void opensTheNewTenantAfterCreatingIt() {
        var api = Fixtures.apiFor(Fixtures.operator());
        var view = new ListView();
        new TenantListPresenter(api, api.me, view)
                .create(new TenantDraft("Fabrikam", "US", "America/New_York", "ファブリカム株式会社", null));

        var created = api.tenants.values().iterator().next();
        assertEquals(created.id(), view.opened);
        assertTrue(view.formClosed);
    }

    @Test
    void keepsTheFormOpenWithTheFieldErrorsWhenCreationIsRefused() {
        var api = Fixtures.apiFor(Fixtures.operator());
        api.refuseNext(Fixtures.validationProblem("create.body.hqCountry", "must be an ISO 3166 two-letter country code"));
        var view = new ListView();
        new TenantListPresenter(api, api.me, view).create(new TenantDraft("F", "USA", "UTC", "F株式会社", null));

        assertEquals("hqCountry", view.formProblem.errors().getFirst().property());
        assertFalse(view.formClosed);
        assertNull(view.opened);
    }

    @Test
    void executivesWithTheClientAdministratorPermissionAlsoSeeTheParticipantsTab() {
        var api = Fixtures.apiFor(Fixtures.executiveOf(CONTOSO, true), CONTOSO);
        var view = new PageView();
        new TenantPagePresenter(api, api.me, view).open(CONTOSO.id());

        assertEquals(EnumSet.of(TenantTab.PARTICIPANTS, TenantTab.ENGAGEMENTS, TenantTab.OBJECTIVE, TenantTab.REGISTER, TenantTab.DASHBOARD, TenantTab.ACTIONS), view.tabs);
    }

    @Test
    void executivesWithoutThePermissionSeeResultsAndTheRegisterButNoParticipantsTab() {
        var api = Fixtures.apiFor(Fixtures.executiveOf(CONTOSO, false), CONTOSO);
        var view = new PageView();
        new TenantPagePresenter(api, api.me, view).open(CONTOSO.id());

        assertEquals(EnumSet.of(TenantTab.ENGAGEMENTS, TenantTab.OBJECTIVE, TenantTab.REGISTER, TenantTab.DASHBOARD, TenantTab.ACTIONS), view.tabs);
    }

    @Test
    void executivesPermissionIsReadFreshWhenTheTenantOpensNotFromTheLoginSnapshot() {
        var atLogin = Fixtures.executiveOf(CONTOSO, false);
        var api = Fixtures.apiFor(Fixtures.executiveOf(CONTOSO, true), CONTOSO);
        var view = new PageView();
        new TenantPagePresenter(api, atLogin, view).open(CONTOSO.id());

        assertTrue(view.tabs.contains(TenantTab.PARTICIPANTS));
        assertTrue(api.calls.contains("me"));
    }

    @Test
    void consultantTicksMayManageParticipantsForAnExecutiveButNotForAConsultant() {
        var api = Fixtures.apiFor(Fixtures.consultant(), NORTHWIND);
        var exec = new Member(UUID.randomUUID(), "e@n.example", "Eve", Role.EXECUTIVE, false);
        var colleague = new Member(UUID.randomUUID(), "c@k.example", "Kai", Role.CONSULTANT);
        api.members.put(NORTHWIND.id(), new ArrayList<>(List.of(exec, colleague)));
        var view = new MembersView();
        var presenter = new MembersPresenter(api, api.me, NORTHWIND.id(), view);
        presenter.load();

        assertTrue(view.grantable);
        presenter.setParticipantAdmin(exec, true);
        presenter.setParticipantAdmin(colleague, false);

        assertEquals(List.of("setParticipantAdmin " + exec.userId() + " true"),
                api.calls.stream().filter(c -> c.startsWith("setParticipantAdmin")).toList());
        assertTrue(view.changed.participantAdmin());
        assertTrue(view.members.stream().filter(m -> m.userId().equals(exec.userId())).findFirst().orElseThrow()
                .participantAdmin());
    }

    @Test
    void executivesCannotGrantThePermission() {
        var api = Fixtures.apiFor(Fixtures.executiveOf(NORTHWIND, true), NORTHWIND);
        var exec = new Member(UUID.randomUUID(), "e@n.example", "Eve", Role.EXECUTIVE, false);
        api.members.put(NORTHWIND.id(), new ArrayList<>(List.of(exec)));
        var view = new MembersView();
        var presenter = new MembersPresenter(api, api.me, NORTHWIND.id(), view);
        presenter.load();

        presenter.setParticipantAdmin(exec, true);

        assertFalse(view.grantable);
        assertFalse(api.calls.stream().anyMatch(c -> c.startsWith("setParticipantAdmin")));
    }

    @Test
    void consultantsGetEveryTab() {
        var api = Fixtures.apiFor(Fixtures.consultant(), NORTHWIND);
        var view = new PageView();
        new TenantPagePresenter(api, api.me, view).open(NORTHWIND.id());

        assertEquals(EnumSet.allOf(TenantTab.class), view.tabs);
    }

    @Test
    void reportsATenantTheUserCannotSeeInsteadOfShowingIt() {
        var api = Fixtures.apiFor(Fixtures.executiveOf(CONTOSO), CONTOSO);
        var view = new PageView();
        new TenantPagePresenter(api, api.me, view).open(NORTHWIND.id());

        assertNull(view.tabs);
        assertEquals(404, view.problem.status());
    }

    @Test
    void operatorsCanAssignOnlyConsultantsWhoAreNotMembersYet() {
        var api = Fixtures.apiFor(Fixtures.operator(), NORTHWIND);
        var assigned = new User(UUID.randomUUID(), "a@k.example", "Aiko", Role.CONSULTANT, List.of(NORTHWIND.id()));
        var free = new User(UUID.randomUUID(), "b@k.example", "Ben", Role.CONSULTANT, List.of());
        var exec = new User(UUID.randomUUID(), "e@n.example", "Eve", Role.EXECUTIVE, List.of(NORTHWIND.id()));
        api.users.addAll(List.of(assigned, free, exec));
        api.members.put(NORTHWIND.id(), new ArrayList<>(List.of(
                new Member(assigned.id(), assigned.email(), assigned.displayName(), Role.CONSULTANT))));
        var view = new MembersView();
        var presenter = new MembersPresenter(api, api.me, NORTHWIND.id(), view);
        presenter.load();

        assertTrue(view.manageable);
        assertEquals(List.of(free), view.assignable);

        presenter.assign(free);
        assertEquals(List.of("Aiko", "Ben"), view.members.stream().map(Member::displayName).toList());
        assertEquals(List.of(), view.assignable);

        presenter.unassign(view.members.getFirst());
        assertEquals(List.of("Ben"), view.members.stream().map(Member::displayName).toList());
    }

    @Test
    void consultantsSeeMembersWithoutManagingThemOrListingUsers() {
        var api = Fixtures.apiFor(Fixtures.consultant(), NORTHWIND);
        var view = new MembersView();
        new MembersPresenter(api, api.me, NORTHWIND.id(), view).load();

        assertFalse(view.manageable);
        assertFalse(api.calls.contains("users"), "only operators may list users");
    }

    @Test
    void auditPagingStaysWithinThePagesThatExist() {
        var api = Fixtures.apiFor(Fixtures.consultant(), NORTHWIND);
        var pages = new ArrayList<PageResult<AuditEntry>>();
        var presenter = new AuditPresenter(api, NORTHWIND.id(), new AuditPresenter.View() {
            @Override
            public void showPage(PageResult<AuditEntry> page) {
                pages.add(page);
            }

            @Override
            public void showProblem(ApiProblem problem) {
            }
        });
        presenter.load(0);
        presenter.next();
        presenter.previous();

        assertEquals(List.of("audit page=0"), api.calls, "one empty page: nothing before or after it");
        assertEquals(1, pages.size());
    }

    private static final class ListView implements TenantListPresenter.View {
        List<Tenant> tenants;
        boolean createVisible;
        boolean formClosed;
        ApiProblem formProblem;
        UUID opened;

        @Override
        public void showTenants(List<Tenant> tenants) {
            this.tenants = tenants;
        }

        @Override
        public void showCreateAction(boolean visible) {
            createVisible = visible;
        }

        @Override
        public void showProblem(ApiProblem problem) {
            throw new AssertionError("unexpected problem " + problem);
        }

        @Override
        public void showFormProblem(ApiProblem problem) {
            formProblem = problem;
        }

        @Override
        public void closeForm() {
            formClosed = true;
        }

        @Override
        public void openTenant(UUID tenantId) {
            opened = tenantId;
        }
    }

    private static final class PageView implements TenantPagePresenter.View {
        Set<TenantTab> tabs;
        ApiProblem problem;

        @Override
        public void showTenant(Tenant tenant, Set<TenantTab> tabs) {
            this.tabs = tabs;
        }

        @Override
        public void showNotFound(ApiProblem problem) {
            this.problem = problem;
        }
    }

    private static final class MembersView implements MembersPresenter.View {
        List<Member> members;
        boolean manageable;
        boolean grantable;
        Member changed;
        List<User> assignable;

        @Override
        public void showMembers(List<Member> members, boolean manageable, boolean grantable) {
            this.members = members;
            this.manageable = manageable;
            this.grantable = grantable;
        }

        @Override
        public void showParticipantAdminChanged(Member member) {
            changed = member;
        }

        @Override
        public void showAssignableConsultants(List<User> consultants) {
            assignable = consultants;
        }

        @Override
        public void showProblem(ApiProblem problem) {
            throw new AssertionError("unexpected problem " + problem);
        }
    }
}
