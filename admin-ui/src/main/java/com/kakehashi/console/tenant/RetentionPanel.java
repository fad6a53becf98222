package com.kakehashi.console.tenant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.RetentionSettings;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;

import java.util.Map;
import java.util.UUID;

class RetentionPanel extends VerticalLayout implements RetentionPresenter.View {

    private final IntegerField tokenLinkDays = field("retention-token-link-days", "retention.tokenLinkDays");
    private final IntegerField commentMonths = field("retention-comment-months", "retention.commentMonths");
    private final IntegerField auditDays = field("retention-audit-days", "retention.auditDays");

    RetentionPanel(ConsoleSession session, UUID tenantId) {
        var presenter = new RetentionPresenter(session.api(), tenantId, this);
        setPadding(false);
        tokenLinkDays.setMin(1);
        tokenLinkDays.setMax(3650);
        commentMonths.setMin(1);
        commentMonths.setMax(120);
        auditDays.setMin(90);
        auditDays.setMax(36500);
        var save = new Button(getTranslation("retention.save"),
                e -> presenter.save(tokenLinkDays.getValue(), commentMonths.getValue(), auditDays.getValue()));
        save.setId("retention-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph(getTranslation("retention.intro")), new FormLayout(tokenLinkDays, commentMonths, auditDays), save,
                new TenantDataSection(session, tenantId));
        presenter.load();
    }

    private IntegerField field(String id, String key) {
        var field = new IntegerField(getTranslation(key));
        field.setId(id);
        field.setHelperText(getTranslation(key + ".help"));
        return field;
    }

    @Override
    public void show(RetentionSettings settings) {
        tokenLinkDays.setValue(settings.tokenLinkDays());
        commentMonths.setValue(settings.commentMonths());
        auditDays.setValue(settings.auditDays());
    }

    @Override
    public void saved() {
        Map.of("a", tokenLinkDays, "b", commentMonths, "c", auditDays).values().forEach(f -> f.setInvalid(false));
        Problems.success(getTranslation("retention.saved"));
    }

    @Override
    public void showMissingValue() {
        Problems.error(getTranslation("retention.missing"));
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.showOnFields(problem, Map.of("tokenLinkRetentionDays", tokenLinkDays,
                "commentRetentionMonths", commentMonths, "auditRetentionDays", auditDays));
    }
}
