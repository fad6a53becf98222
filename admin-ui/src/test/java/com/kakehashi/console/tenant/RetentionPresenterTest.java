package com.kakehashi.console.tenant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.RetentionSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.kakehashi.console.api.Fixtures.NORTHWIND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionPresenterTest {

    private static final class View implements RetentionPresenter.View {
        final List<RetentionSettings> shown = new ArrayList<>();
        final List<ApiProblem> problems = new ArrayList<>();
        int saved;
        int missing;

        @Override
        public void show(RetentionSettings settings) {
            shown.add(settings);
        }

        @Override
        public void saved() {
            saved++;
        }

        @Override
        public void showMissingValue() {
            missing++;
        }

        @Override
        public void showProblem(ApiProblem problem) {
            problems.add(problem);
        }
    }

    @Test
    void showsTheTenantsSettingsAndSavesThemWhole() {
        var api = Fixtures.apiFor(Fixtures.consultant(), NORTHWIND);
        var view = new View();
        var presenter = new RetentionPresenter(api, NORTHWIND.id(), view);

        presenter.load();
        presenter.save(14, 36, 36500);

        assertEquals(List.of(new RetentionSettings(30, 24, 730), new RetentionSettings(14, 36, 36500)), view.shown);
        assertEquals(1, view.saved);
        assertEquals(new RetentionSettings(14, 36, 36500), api.retention(NORTHWIND.id()));
    }

    @Test
    void aValueTheBackendRefusesIsShownOnItsFieldAndNothingIsSaved() {
        var api = Fixtures.apiFor(Fixtures.consultant(), NORTHWIND);
        var view = new View();

        new RetentionPresenter(api, NORTHWIND.id(), view).save(30, 24, 30);

        assertEquals(0, view.saved);
        assertEquals("auditRetentionDays", view.problems.getFirst().errors().getFirst().property());
        assertEquals(new RetentionSettings(30, 24, 730), api.retention(NORTHWIND.id()));
    }

    @Test
    void anEmptyFieldSendsNothing() {
        var api = Fixtures.apiFor(Fixtures.consultant(), NORTHWIND);
        var view = new View();

        new RetentionPresenter(api, NORTHWIND.id(), view).save(30, null, 730);

        assertEquals(1, view.missing);
        assertTrue(view.problems.isEmpty());
        assertFalse(api.calls.stream().anyMatch(c -> c.startsWith("updateRetention")), String.valueOf(api.calls));
    }
}
