package com.kakehashi.console.user;

import com.kakehashi.console.api.Role;
import com.kakehashi.console.api.Tenant;
import com.kakehashi.console.api.UserDraft;
import com.kakehashi.console.shell.FormDialog;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import java.util.List;
import java.util.function.Consumer;

/** A passive form for a new console account; the tenant field appears only for executives. */
class UserFormDialog extends FormDialog {

    private final EmailField email = field("email", new EmailField(getTranslation("common.email")));
    private final TextField displayName = field("displayName", new TextField(getTranslation("common.displayName")));
    private final Select<Role> role = field("role", new Select<>());
    private final PasswordField password = field("password", new PasswordField(getTranslation("user.password")));
    private final ComboBox<Tenant> tenant = field("tenantId", new ComboBox<>(getTranslation("user.tenant")));

    UserFormDialog(List<Tenant> tenants, Consumer<UserDraft> onSave) {
        super("user", "user.create");
        email.setId("user-email");
        displayName.setId("user-displayName");
        role.setId("user-role");
        password.setId("user-password");
        tenant.setId("user-tenant");
        role.setLabel(getTranslation("common.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setValue(Role.CONSULTANT);
        tenant.setItems(tenants);
        tenant.setItemLabelGenerator(Tenant::name);
        tenant.setVisible(false);
        role.addValueChangeListener(e -> tenant.setVisible(UserPresenter.needsTenant(e.getValue())));
        password.setHelperText(getTranslation("user.password.help"));
        add(new FormLayout(email, displayName, role, tenant, password));
        addSaveListener(() -> onSave.accept(new UserDraft(email.getValue().strip(), displayName.getValue().strip(),
                role.getValue(), password.getValue(), tenant.getValue() == null ? null : tenant.getValue().id())));
    }
}
