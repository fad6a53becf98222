package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.AlertRecords.Correction;
import com.kakehashi.console.dashboard.AlertSettingsPresenter.Bounds;
import com.kakehashi.console.dashboard.AlertSettingsPresenter.Draft;
import com.kakehashi.console.shell.FormDialog;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;

import java.util.Map;
import java.util.stream.Collectors;

/** The tenant's alert parameters, each with its label and a line of help in the user's language. */
class AlertSettingsDialog extends FormDialog implements AlertSettingsPresenter.View {

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
    private final RadioButtonGroup<Correction> correction = field("correction", new RadioButtonGroup<>());
    private final Button defaults = new Button();
    AlertSettingsPresenter presenter;

    AlertSettingsDialog() {
        super("alert-settings", "dashboard.settings.title");
        setWidth("min(46rem, 96vw)");
        correction.setId("alert-settings-correction");
        correction.setLabel(getTranslation("dashboard.settings.correction"));
        correction.setHelperText(getTranslation("dashboard.settings.correction.help"));
        correction.setItems(Correction.values());
        correction.setItemLabelGenerator(c -> getTranslation("dashboard.settings.correction." + c.name()));

        var significance = new FormLayout(alpha, minimumEffect, minimumN, correction, clearWaves);
        significance.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        significance.setColspan(correction, 2);
        var rules = new FormLayout(riskThreshold, gapThreshold, worseningWaves, gapWaves, responseRateDrop, neutralSharePercent);
        rules.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        add(new Paragraph(getTranslation("dashboard.settings.intro")),
                new H4(getTranslation("dashboard.settings.noise")), significance,
                new H4(getTranslation("dashboard.settings.rules")), rules);

        addSaveListener(() -> presenter.save(draft()));
        defaults.setText(getTranslation("dashboard.settings.defaults"));
        defaults.setId("alert-settings-defaults");
        defaults.addClickListener(e -> presenter.resetToDefaults());
        getFooter().addComponentAsFirst(defaults);
    }

    private NumberField number(String name, double step) {
        var field = new NumberField(getTranslation("dashboard.settings." + name));
        field.setId("alert-settings-" + name);
        field.setHelperText(getTranslation("dashboard.settings." + name + ".help"));
        field.setStep(step);
        return field(name, field);
    }

    private IntegerField integer(String name) {
        var field = new IntegerField(getTranslation("dashboard.settings." + name));
        field.setId("alert-settings-" + name);
        field.setHelperText(getTranslation("dashboard.settings." + name + ".help"));
        field.setStepButtonsVisible(true);
        return field(name, field);
    }

    private Draft draft() {
        return new Draft(riskThreshold.getValue(), worseningWaves.getValue(), gapWaves.getValue(), gapThreshold.getValue(),
                responseRateDrop.getValue(), neutralSharePercent.getValue(), alpha.getValue(), minimumEffect.getValue(),
                minimumN.getValue(), clearWaves.getValue(), correction.getValue());
    }

    @Override
    public void showSettings(Draft d, boolean canEdit) {
        clearFieldErrors();
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
        fields().forEach(f -> ((HasValue<?, ?>) f).setReadOnly(!canEdit));
        setSaveVisible(canEdit);
        defaults.setVisible(canEdit);
        open();
    }

    @Override
    public void showFieldErrors(Map<String, Bounds> errors) {
        showFieldMessages(errors.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> getTranslation(e.getValue().messageKey(), e.getValue().min(), e.getValue().max()))));
    }

    @Override
    public void saved() {
        Problems.success(getTranslation("dashboard.settings.saved"));
        close();
    }
}
