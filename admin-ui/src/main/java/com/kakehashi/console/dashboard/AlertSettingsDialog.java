package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.AlertRecords.Correction;
import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.dashboard.AlertSettingsPresenter.Bounds;
import com.kakehashi.console.dashboard.AlertSettingsPresenter.Draft;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;

import java.util.LinkedHashMap;
import java.util.Map;

/** The tenant's alert parameters, each with its label and a line of help in the user's language. */
class AlertSettingsDialog extends Dialog implements AlertSettingsPresenter.View {

    private final NumberField riskThreshold = number("riskThreshold", 1);
    private final IntegerField worseningWaves = integer("worseningWaves");
    private final IntegerField gapWaves = integer("gapWaves");
    private final NumberField gapThreshold = number("gapThreshold", 1);
    private final NumberField responseRateDrop = number("responseRateDrop", 1);
    private final NumberField neutralSharePercent = number("neutralSharePercent", 1);
    private final NumberField alpha = number("alpha", 0.005);
    private final NumberField minimumEffect = number("minimumEffect", 1);
    private final IntegerField minimumN = integer("minimumN");
    private final IntegerField clearWaves = integer("clearWaves");
    private final RadioButtonGroup<Correction> correction = new RadioButtonGroup<>();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Button save = new Button();
    private final Button defaults = new Button();
    AlertSettingsPresenter presenter;

    AlertSettingsDialog() {
        setId("alert-settings");
        setHeaderTitle(getTranslation("dashboard.settings.title"));
        setWidth("min(46rem, 96vw)");
        correction.setId("alert-settings-correction");
        correction.setLabel(getTranslation("dashboard.settings.correction"));
        correction.setHelperText(getTranslation("dashboard.settings.correction.help"));
        correction.setItems(Correction.values());
        correction.setItemLabelGenerator(c -> getTranslation("dashboard.settings.correction." + c.name()));
        fields.put("correction", correction);

        var significance = new FormLayout(alpha, minimumEffect, minimumN, correction, clearWaves);
        significance.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        significance.setColspan(correction, 2);
        var rules = new FormLayout(riskThreshold, gapThreshold, worseningWaves, gapWaves, responseRateDrop, neutralSharePercent);
        rules.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        add(new Paragraph(getTranslation("dashboard.settings.intro")),
                new H4(getTranslation("dashboard.settings.noise")), significance,
                new H4(getTranslation("dashboard.settings.rules")), rules);

        save.setText(getTranslation("common.save"));
        save.setId("alert-settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> presenter.save(draft()));
        defaults.setText(getTranslation("dashboard.settings.defaults"));
        defaults.setId("alert-settings-defaults");
        defaults.addClickListener(e -> presenter.resetToDefaults());
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(defaults, cancel, save);
    }

    private NumberField number(String name, double step) {
        var field = new NumberField(getTranslation("dashboard.settings." + name));
        field.setId("alert-settings-" + name);
        field.setHelperText(getTranslation("dashboard.settings." + name + ".help"));
        field.setStep(step);
        fields.put(name, field);
        return field;
    }

    private IntegerField integer(String name) {
        var field = new IntegerField(getTranslation("dashboard.settings." + name));
        field.setId("alert-settings-" + name);
        field.setHelperText(getTranslation("dashboard.settings." + name + ".help"));
        field.setStepButtonsVisible(true);
        fields.put(name, field);
        return field;
    }

    private Draft draft() {
        return new Draft(riskThreshold.getValue(), worseningWaves.getValue(), gapWaves.getValue(), gapThreshold.getValue(),
                responseRateDrop.getValue(), neutralSharePercent.getValue(), alpha.getValue(), minimumEffect.getValue(),
                minimumN.getValue(), clearWaves.getValue(), correction.getValue());
    }

    @Override
    public void showSettings(Draft d, boolean canEdit) {
        fields.values().forEach(f -> f.setInvalid(false));
        riskThreshold.setValue(d.riskThreshold());
        worseningWaves.setValue(d.worseningWaves());
        gapWaves.setValue(d.gapWaves());
        gapThreshold.setValue(d.gapThreshold());
        responseRateDrop.setValue(d.responseRateDrop());
        neutralSharePercent.setValue(d.neutralSharePercent());
        alpha.setValue(d.alpha());
        minimumEffect.setValue(d.minimumEffect());
        minimumN.setValue(d.minimumN());
        clearWaves.setValue(d.clearWaves());
        correction.setValue(d.correction());
        fields.values().forEach(f -> ((com.vaadin.flow.component.HasValue<?, ?>) f).setReadOnly(!canEdit));
        save.setVisible(canEdit);
        defaults.setVisible(canEdit);
        open();
    }

    @Override
    public void showFieldErrors(Map<String, Bounds> errors) {
        fields.values().forEach(f -> f.setInvalid(false));
        errors.forEach((name, bounds) -> {
            var field = fields.get(name);
            field.setErrorMessage(getTranslation(bounds.messageKey(), bounds.min(), bounds.max()));
            field.setInvalid(true);
        });
    }

    @Override
    public void saved() {
        Problems.success(getTranslation("dashboard.settings.saved"));
        close();
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.showOnFields(problem, fields);
    }
}
