package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.AlertRecords.Correction;
import com.kakehashi.console.api.AlertRecords.Settings;
import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The tenant's alert parameters: read by the consultancy, changed by operators and consultants as the backend
 * allows. The ranges are checked here too, so a slip is named on its field before anything is sent.
 */
public final class AlertSettingsPresenter {

    /** What the form holds; null where a field is empty. */
    public record Draft(Double riskThreshold, Integer worseningWaves, Integer gapWaves, Double gapThreshold,
                        Double responseRateDrop, Double neutralSharePercent, Double alpha, Double minimumEffect,
                        Integer minimumN, Integer clearWaves, Correction correction) {

        static Draft of(Settings s) {
            return new Draft(s.riskThreshold(), s.worseningWaves(), s.gapWaves(), s.gapThreshold(), s.responseRateDrop(),
                    s.neutralSharePercent(), s.alpha(), s.minimumEffect(), s.minimumN(), s.clearWaves(), s.correction());
        }
    }

    public interface View {
        void showSettings(Draft draft, boolean canEdit);

        /** @param errors field name → message key, with {0} and {1} the field's bounds */
        void showFieldErrors(Map<String, Bounds> errors);

        void saved();

        void showProblem(ApiProblem problem);
    }

    /** A field's accepted range, to say in its error message. */
    public record Bounds(String messageKey, Number min, Number max) {
    }

    private final KakehashiApi api;
    private final UUID tenantId;
    private final View view;
    private final boolean canEdit;

    public AlertSettingsPresenter(KakehashiApi api, CurrentUser user, UUID tenantId, View view) {
        this.api = api;
        this.tenantId = tenantId;
        this.view = view;
        this.canEdit = user.role().isConsultancyStaff();
    }

    public void open() {
        try {
            view.showSettings(Draft.of(api.alertSettings(tenantId)), canEdit);
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    public void resetToDefaults() {
        if (canEdit) {
            view.showSettings(Draft.of(Settings.DEFAULTS), true);
        }
    }

    public void save(Draft d) {
        if (!canEdit) {
            return;
        }
        Map<String, Bounds> errors = new LinkedHashMap<>();
        check(errors, "riskThreshold", d.riskThreshold(), 0, 100);
        check(errors, "worseningWaves", d.worseningWaves(), 2, 12);
        check(errors, "gapWaves", d.gapWaves(), 1, 12);
        check(errors, "gapThreshold", d.gapThreshold(), 0, 100);
        checkOpen(errors, "responseRateDrop", d.responseRateDrop(), 0, 100, false);
        checkOpen(errors, "neutralSharePercent", d.neutralSharePercent(), 0, 100, true);
        check(errors, "alpha", d.alpha(), 0.001, 0.2);
        check(errors, "minimumEffect", d.minimumEffect(), 0, 100);
        check(errors, "minimumN", d.minimumN(), 2, 1000);
        check(errors, "clearWaves", d.clearWaves(), 1, 12);
        if (d.correction() == null) {
            errors.put("correction", new Bounds("dashboard.settings.required", null, null));
        }
        if (!errors.isEmpty()) {
            view.showFieldErrors(errors);
            return;
        }
        try {
            api.updateAlertSettings(tenantId, new Settings(d.riskThreshold(), d.worseningWaves(), d.gapWaves(),
                    d.gapThreshold(), d.responseRateDrop(), d.neutralSharePercent(), d.alpha(), d.minimumEffect(),
                    d.minimumN(), d.clearWaves(), d.correction()));
            view.saved();
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    private static void check(Map<String, Bounds> errors, String field, Number value, Number min, Number max) {
        if (value == null) {
            errors.put(field, new Bounds("dashboard.settings.required", min, max));
        } else if (value.doubleValue() < min.doubleValue() || value.doubleValue() > max.doubleValue()) {
            errors.put(field, new Bounds("dashboard.settings.range", min, max));
        }
    }

    /** A range whose lower (and, with {@code openMax}, upper) end is excluded, as the backend has it. */
    private static void checkOpen(Map<String, Bounds> errors, String field, Double value, double min, double max,
                                  boolean openMax) {
        if (value == null) {
            errors.put(field, new Bounds("dashboard.settings.required", min, max));
        } else if (value <= min || value > max || openMax && value >= max) {
            errors.put(field, new Bounds(openMax ? "dashboard.settings.rangeOpen" : "dashboard.settings.rangeAboveMin",
                    min, max));
        }
    }
}
