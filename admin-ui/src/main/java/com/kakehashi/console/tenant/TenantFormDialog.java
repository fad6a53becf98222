package com.kakehashi.console.tenant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.TenantDraft;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import java.util.Map;
import java.util.function.Consumer;

/** A passive form: it collects a {@link TenantDraft} and hands it to whoever listens. */
class TenantFormDialog extends Dialog {

    private final TextField name = new TextField(getTranslation("tenant.name"));
    private final TextField japanSubsidiaryName = new TextField(getTranslation("tenant.japanSubsidiaryName"));
    private final TextField hqCountry = new TextField(getTranslation("tenant.hqCountry"));
    private final TextField hqTimeZone = new TextField(getTranslation("tenant.hqTimeZone"));
    private final IntegerField anonymityThreshold = new IntegerField(getTranslation("tenant.anonymityThreshold"));

    TenantFormDialog(Consumer<TenantDraft> onSave) {
        setId("tenant-form");
        setHeaderTitle(getTranslation("tenant.create"));
        name.setId("tenant-name");
        name.setRequired(true);
        hqCountry.setPlaceholder("US");
        hqTimeZone.setPlaceholder("America/New_York");
        anonymityThreshold.setMin(3);
        anonymityThreshold.setPlaceholder("5");
        anonymityThreshold.setHelperText(getTranslation("tenant.anonymityThreshold.help"));
        add(new FormLayout(name, japanSubsidiaryName, hqCountry, hqTimeZone, anonymityThreshold));

        var save = new Button(getTranslation("common.save"), e -> onSave.accept(new TenantDraft(name.getValue().strip(),
                hqCountry.getValue().strip(), hqTimeZone.getValue().strip(), japanSubsidiaryName.getValue().strip(),
                anonymityThreshold.getValue())));
        save.setId("tenant-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
    }

    void showProblem(ApiProblem problem) {
        Problems.showOnFields(problem, Map.<String, HasValidation>of("name", name, "japanSubsidiaryName",
                japanSubsidiaryName, "hqCountry", hqCountry, "hqTimeZone", hqTimeZone,
                "anonymityThreshold", anonymityThreshold));
    }
}
