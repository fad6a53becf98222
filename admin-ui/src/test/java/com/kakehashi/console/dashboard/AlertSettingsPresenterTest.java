package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.AlertRecords.Correction;
import com.kakehashi.console.api.AlertRecords.Settings;
import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.dashboard.AlertSettingsPresenter.Bounds;
import com.kakehashi.console.dashboard.AlertSettingsPresenter.Draft;
import com.kakehashi.console.i18n.ConsoleI18NProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertSettingsPresenterTest {

    private final RecordingView view = new RecordingView();

    @Test
    void aConsultantSeesTheDefaultsAndSavesStricterNoiseParameters() {
        var api = Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND);
        var presenter = new AlertSettingsPresenter(api, Fixtures.consultant(), Fixtures.NORTHWIND.id(), view);
        presenter.open();

        assertTrue(view.canEdit);
        assertEquals(0.05, view.draft.alpha());
        assertEquals(8.0, view.draft.minimumEffect());
        assertEquals(10, view.draft.minimumN());
        assertEquals(2, view.draft.clearWaves());
        assertEquals(Correction.BENJAMINI_HOCHBERG, view.draft.correction());

        presenter.save(new Draft(60.0, 5, 5, 15.0, 15.0, 40.0, 0.01, 10.0, 12, 3, Correction.HOLM));

        assertTrue(view.saved);
        assertEquals(new Settings(60, 5, 5, 15, 15, 40, 0.01, 10, 12, 3, Correction.HOLM), api.alertSettings);
    }

    @Test
    void outOfRangeAndMissingValuesAreNamedOnTheirFieldsWithoutAskingTheBackend() {
        var api = Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND);
        var presenter = new AlertSettingsPresenter(api, Fixtures.consultant(), Fixtures.NORTHWIND.id(), view);

        presenter.save(new Draft(60.0, 1, 5, 15.0, 0.0, 100.0, 0.5, null, 1, 0, null));

        assertEquals(List.of("worseningWaves", "responseRateDrop", "neutralSharePercent", "alpha", "minimumEffect",
                "minimumN", "clearWaves", "correction"), List.copyOf(view.errors.keySet()));
        assertEquals("Enter a value from 0.001 to 0.2.", say(view.errors.get("alpha"), Locale.ENGLISH));
        assertEquals("0.001〜0.2の値を入力してください。", say(view.errors.get("alpha"), Locale.JAPANESE));
        assertEquals("値を入力してください。", say(view.errors.get("minimumEffect"), Locale.JAPANESE));
        assertTrue(api.calls.stream().noneMatch(c -> c.startsWith("updateAlertSettings")));
        assertFalse(view.saved);
    }

    @Test
    void anExecutiveReadsTheSettingsButCannotChangeThem() {
        var exec = Fixtures.executiveOf(Fixtures.NORTHWIND);
        var api = Fixtures.apiFor(exec, Fixtures.NORTHWIND);
        var presenter = new AlertSettingsPresenter(api, exec, Fixtures.NORTHWIND.id(), view);
        presenter.open();
        presenter.save(new Draft(50.0, 5, 5, 15.0, 15.0, 40.0, 0.05, 8.0, 10, 2, Correction.HOLM));

        assertFalse(view.canEdit);
        assertEquals(List.of("alertSettings " + Fixtures.NORTHWIND.id()), api.calls);
    }

    @Test
    void aRefusalIsShownAsTheBackendsProblem() {
        var api = Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND);
        var presenter = new AlertSettingsPresenter(api, Fixtures.consultant(), Fixtures.NORTHWIND.id(), view);
        api.refuseNext(Fixtures.validationProblem("alpha", "must be less than or equal to 0.2"));

        presenter.save(new Draft(60.0, 5, 5, 15.0, 15.0, 40.0, 0.05, 8.0, 10, 2, Correction.HOLM));

        assertEquals(400, view.problem.status());
        assertFalse(view.saved);
    }

    @Test
    void everyParameterHasALabelAndHelpInBothLanguages() {
        var i18n = new ConsoleI18NProvider();
        for (String name : List.of("alpha", "minimumEffect", "minimumN", "clearWaves", "correction", "riskThreshold",
                "gapThreshold", "worseningWaves", "gapWaves", "responseRateDrop", "neutralSharePercent")) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                assertFalse(i18n.getTranslation("dashboard.settings." + name, locale).startsWith("!"), name);
                assertFalse(i18n.getTranslation("dashboard.settings." + name + ".help", locale).startsWith("!"), name);
            }
        }
    }

    private static String say(Bounds bounds, Locale locale) {
        return new ConsoleI18NProvider().getTranslation(bounds.messageKey(), locale, bounds.min(), bounds.max());
    }

    private static final class RecordingView implements AlertSettingsPresenter.View {
        Draft draft;
        boolean canEdit;
        Map<String, Bounds> errors = Map.of();
        boolean saved;
        ApiProblem problem;

        @Override
        public void showSettings(Draft draft, boolean canEdit) {
            this.draft = draft;
            this.canEdit = canEdit;
        }

        @Override
        public void showFieldErrors(Map<String, Bounds> errors) {
            this.errors = errors;
        }

        @Override
        public void saved() {
            saved = true;
        }

        @Override
        public void showProblem(ApiProblem problem) {
            this.problem = problem;
        }
    }
}
