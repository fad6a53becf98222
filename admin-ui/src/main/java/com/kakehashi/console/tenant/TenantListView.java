package com.kakehashi.console.tenant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Tenant;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.Formats;
import com.kakehashi.console.shell.MainLayout;
import com.kakehashi.console.shell.OpenForm;
import com.kakehashi.console.shell.Problems;
import com.kakehashi.console.shell.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import java.util.List;
import java.util.UUID;

@Route(value = Routes.TENANTS, layout = MainLayout.class)
public class TenantListView extends VerticalLayout implements TenantListPresenter.View, HasDynamicTitle {

    private final Grid<Tenant> grid = new Grid<>();
    private final Button create = new Button(getTranslation("tenant.create"));
    private final TenantListPresenter presenter;
    private final OpenForm form = new OpenForm();

    public TenantListView() {
        var session = ConsoleSession.require();
        presenter = new TenantListPresenter(session.api(), session.user(), this);
        setSizeFull();

        create.setId("tenant-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> form.open(new TenantFormDialog(presenter::create)));
        var heading = new HorizontalLayout(new H2(getTranslation("tenant.list.title")), create);
        heading.setAlignItems(Alignment.BASELINE);

        grid.setId("tenant-grid");
        grid.addColumn(Tenant::name).setHeader(getTranslation("tenant.name")).setSortable(true).setFlexGrow(2);
        grid.addColumn(Tenant::japanSubsidiaryName).setHeader(getTranslation("tenant.japanSubsidiaryName")).setFlexGrow(2);
        grid.addColumn(Tenant::hqCountry).setHeader(getTranslation("tenant.hqCountry"));
        grid.addColumn(Tenant::hqTimeZone).setHeader(getTranslation("tenant.hqTimeZone"));
        grid.addColumn(Tenant::anonymityThreshold).setHeader(getTranslation("tenant.anonymityThreshold"));
        grid.addColumn(Tenant::commentThreshold).setHeader(getTranslation("tenant.commentThreshold"));
        grid.addColumn(t -> Formats.dateTime(t.createdAt(), getLocale())).setHeader(getTranslation("common.createdAt"));
        grid.addItemClickListener(e -> presenter.select(e.getItem()));
        grid.setEmptyStateText(getTranslation("tenant.list.empty"));
        add(heading, grid);

        presenter.load();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tenant.list.title");
    }

    @Override
    public void showTenants(List<Tenant> tenants) {
        grid.setItems(tenants);
    }

    @Override
    public void showCreateAction(boolean visible) {
        create.setVisible(visible);
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }

    @Override
    public void showFormProblem(ApiProblem problem) {
        form.showProblem(problem);
    }

    @Override
    public void closeForm() {
        form.close();
    }

    @Override
    public void openTenant(UUID tenantId) {
        UI.getCurrent().navigate(TenantView.class, tenantId.toString());
    }
}
