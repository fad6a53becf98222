package com.kakehashi.console.user;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Tenant;
import com.kakehashi.console.api.User;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.MainLayout;
import com.kakehashi.console.shell.OpenForm;
import com.kakehashi.console.shell.Problems;
import com.kakehashi.console.shell.Routes;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Route(value = Routes.USERS, layout = MainLayout.class)
public class UserListView extends VerticalLayout implements UserPresenter.View, BeforeEnterObserver, HasDynamicTitle {

    private final Grid<User> grid = new Grid<>();
    private final ConsoleSession session = ConsoleSession.require();
    private final UserPresenter presenter = new UserPresenter(session.api(), this);
    private List<Tenant> tenants = List.of();
    private Map<UUID, String> tenantNames = Map.of();
    private final OpenForm form = new OpenForm();

    public UserListView() {
        setSizeFull();
        var create = new Button(getTranslation("user.create"),
                e -> form.open(new UserFormDialog(tenants, presenter::create)));
        create.setId("user-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var heading = new HorizontalLayout(new H2(getTranslation("user.list.title")), create);
        heading.setAlignItems(Alignment.BASELINE);

        grid.setId("user-grid");
        grid.addColumn(User::displayName).setHeader(getTranslation("common.displayName"));
        grid.addColumn(User::email).setHeader(getTranslation("common.email"));
        grid.addColumn(u -> getTranslation("role." + u.role().name())).setHeader(getTranslation("common.role"));
        grid.addColumn(u -> UserPresenter.tenantLabel(tenantNames).apply(u)).setHeader(getTranslation("user.tenants"));
        add(heading, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!session.user().role().canManageUsers()) {
            event.forwardTo(Routes.TENANTS);
            return;
        }
        presenter.load();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("user.list.title");
    }

    @Override
    public void showUsers(List<User> users, Map<UUID, String> tenantNames) {
        this.tenantNames = tenantNames;
        grid.setItems(users);
    }

    @Override
    public void showTenantChoices(List<Tenant> tenants) {
        this.tenants = tenants;
    }

    @Override
    public void closeForm() {
        form.close();
    }

    @Override
    public void showTenantRequired() {
        form.showFieldError("tenantId", getTranslation("user.tenant.required"));
    }

    @Override
    public void showFormProblem(ApiProblem problem) {
        form.showProblem(problem);
    }

    @Override
    public void showCreated(User user) {
        Problems.success(getTranslation("user.created", user.email()));
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }
}
