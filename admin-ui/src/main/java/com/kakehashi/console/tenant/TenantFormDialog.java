package com.kakehashi.console.tenant;

import com.kakehashi.console.api.TenantDraft;
import com.kakehashi.console.shell.FormDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import java.util.function.Consumer;

/** A passive form: it collects a {@link TenantDraft} and hands it to whoever listens. */
class TenantFormDialog extends FormDialog {

    private final TextField name = field("name", new TextField(getTranslation("tenant.name")));
    private final TextField japanSubsidiaryName = field("japanSubsidiaryName",
            new TextField(getTranslation("tenant.japanSubsidiaryName")));
    private final TextField hqCountry = field("hqCountry", new TextField(getTranslation("tenant.hqCountry")));
    private final TextField hqTimeZone = field("hqTimeZone", new TextField(getTranslation("tenant.hqTimeZone")));
    private final IntegerField anonymityThreshold = field("anonymityThreshold",
            new IntegerField(getTranslation("tenant.anonymityThreshold")));
    private final IntegerField commentThreshold = field("commentThreshold",
            new IntegerField(getTranslation("tenant.commentThreshold")));

    TenantFormDialog(Consumer<TenantDraft> onSave) {
        super("tenant", "tenant.create");
        name.setId("tenant-name");
        japanSubsidiaryName.setId("tenant-japan-subsidiary");
        hqCountry.setId("tenant-hq-country");
        hqTimeZone.setId("tenant-hq-time-zone");
        name.setRequired(true);
        hqCountry.setPlaceholder("US");
        hqTimeZone.setPlaceholder("America/New_York");
        anonymityThreshold.setMin(3);
        anonymityThreshold.setPlaceholder("5");
        anonymityThreshold.setHelperText(getTranslation("tenant.anonymityThreshold.help"));
        commentThreshold.setId("tenant-comment-threshold");
        commentThreshold.setMin(3);
        commentThreshold.setPlaceholder("10");
        commentThreshold.setHelperText(getTranslation("tenant.commentThreshold.help"));
        add(new FormLayout(name, japanSubsidiaryName, hqCountry, hqTimeZone, anonymityThreshold, commentThreshold));
        addSaveListener(() -> onSave.accept(new TenantDraft(name.getValue().strip(), hqCountry.getValue().strip(),
                hqTimeZone.getValue().strip(), japanSubsidiaryName.getValue().strip(), anonymityThreshold.getValue(),
                commentThreshold.getValue())));
    }
}
