package com.kakehashi.console.tenant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Tenant;
import com.kakehashi.console.engagement.EngagementsPanel;
import com.kakehashi.console.participant.ParticipantsPanel;
import com.kakehashi.console.schedule.OutboxPanel;
import com.kakehashi.console.schedule.SchedulesPanel;
import com.kakehashi.console.schedule.WavesPanel;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.MainLayout;
import com.kakehashi.console.shell.Problems;
import com.kakehashi.console.shell.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

@Route(value = Routes.TENANTS, layout = MainLayout.class)
public class TenantView extends VerticalLayout implements TenantPagePresenter.View, HasUrlParameter<String>,
        HasDynamicTitle {

    private final ConsoleSession session = ConsoleSession.require();
    private String requestedTab;
    private final java.util.Map<TenantTab, com.vaadin.flow.component.tabs.Tab> added = new java.util.EnumMap<>(TenantTab.class);
    private final TenantPagePresenter presenter = new TenantPagePresenter(session.api(), session.user(), this);
    private String title = "";

    public TenantView() {
        setSizeFull();
    }

    @Override
    public void setParameter(BeforeEvent event, String tenantId) {
        removeAll();
        requestedTab = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault(Routes.TAB_PARAMETER, java.util.List.of()).stream().findFirst().orElse(null);
        try {
            presenter.open(UUID.fromString(tenantId));
        } catch (IllegalArgumentException e) {
            showNotFound(ApiProblem.of(404, getTranslation("tenant.notFound")));
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void showTenant(Tenant tenant, Set<TenantTab> tabs) {
        title = tenant.name();
        var heading = new H2(tenant.name());
        heading.setId("tenant-name-heading");
        var subtitle = new Span(tenant.japanSubsidiaryName() == null ? "" : tenant.japanSubsidiaryName());
        subtitle.addClassName("tenant-subtitle");

        added.clear();
        var sheet = new TabSheet();
        sheet.setId("tenant-tabs");
        sheet.setSizeFull();
        addTab(sheet, tabs, TenantTab.PARTICIPANTS, () -> new ParticipantsPanel(session, tenant.id()));
        addTab(sheet, tabs, TenantTab.ENGAGEMENTS, () -> new EngagementsPanel(session, tenant.id()));
        addTab(sheet, tabs, TenantTab.INSTRUMENT, () -> new com.kakehashi.console.schedule.InstrumentPanel(session, tenant.id()));
        addTab(sheet, tabs, TenantTab.SCHEDULES, () -> new SchedulesPanel(session, tenant.id()));
        addTab(sheet, tabs, TenantTab.WAVES, () -> new WavesPanel(session, tenant.id()));
        addTab(sheet, tabs, TenantTab.MAIL, () -> new OutboxPanel(session, tenant.id()));
        addTab(sheet, tabs, TenantTab.OBJECTIVE, () -> new com.kakehashi.console.objective.ObjectivePanel(session, tenant.id()));
        addTab(sheet, tabs, TenantTab.REGISTER, () -> new com.kakehashi.console.register.RegisterPanel(session, tenant.id()));
        addTab(sheet, tabs, TenantTab.DASHBOARD, () -> new com.kakehashi.console.dashboard.DashboardPanel(session, tenant.id()));
        addTab(sheet, tabs, TenantTab.ACTIONS, () -> new com.kakehashi.console.action.ActionsPanel(session, tenant.id()));
        addTab(sheet, tabs, TenantTab.MEMBERS, () -> new MembersPanel(session, tenant.id()));
        addTab(sheet, tabs, TenantTab.AUDIT, () -> new AuditPanel(session, tenant.id()));
        addTab(sheet, tabs, TenantTab.RETENTION, () -> new RetentionPanel(session, tenant.id()));
        // Waves poll for live counts only while their tab is the one shown.
        sheet.addSelectedChangeListener(e -> {
            if (e.getPreviousTab() != null && sheet.getComponent(e.getPreviousTab()) instanceof WavesPanel waves) {
                waves.setPolling(false);
            }
            if (e.getSelectedTab() != null && sheet.getComponent(e.getSelectedTab()) instanceof WavesPanel waves) {
                waves.setPolling(true);
            }
        });
        add(heading, subtitle, sheet);
        added.entrySet().stream().filter(e -> e.getKey().name().equalsIgnoreCase(requestedTab)).findFirst()
                .ifPresent(e -> sheet.setSelectedTab(e.getValue()));
    }

    private void addTab(TabSheet sheet, Set<TenantTab> tabs, TenantTab tab, Supplier<Component> content) {
        if (tabs.contains(tab)) {
            var shown = sheet.add(getTranslation("tenant.tab." + tab.name()), content.get());
            shown.setId("tab-" + tab.name().toLowerCase());
            added.put(tab, shown);
        }
    }

    @Override
    public void showNotFound(ApiProblem problem) {
        Problems.notify(problem);
        if (!problem.isUnauthorized()) {
            UI.getCurrent().navigate(TenantListView.class);
        }
    }
}
