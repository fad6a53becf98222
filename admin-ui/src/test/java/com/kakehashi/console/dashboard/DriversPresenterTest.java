package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.FakeKakehashiApi;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.InsightRecords.Driver;
import com.kakehashi.console.api.InsightRecords.Drivers;
import com.kakehashi.console.api.InsightRecords.SideDrivers;
import com.kakehashi.console.api.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriversPresenterTest {

    private static final UUID NORTHWIND = Fixtures.NORTHWIND.id();
    private final FakeKakehashiApi api = Fixtures.apiFor(Fixtures.executiveOf(Fixtures.NORTHWIND), Fixtures.NORTHWIND);
    private final List<List<DriversPresenter.Column>> shown = new ArrayList<>();
    private final DriversPresenter.View view = new DriversPresenter.View() {
        @Override
        public void showDrivers(List<DriversPresenter.Column> columns) {
            shown.add(columns);
        }

        @Override
        public void showProblem(ApiProblem problem) {
            throw new AssertionError(problem);
        }
    };

    @Test
    void hqAndJapanSideBySideLargestShareFirstOnOneScale() {
        api.drivers.put(NORTHWIND, new Drivers(5, 30, List.of(
                new SideDrivers(Side.JAPAN, 900, 0.5, 0.45, 0.55, List.of(
                        new Driver("SILENT_DISSENT", 0.15, 0.12, 0.18, -0.2),
                        new Driver("EXCLUSION", 0.30, 0.26, 0.34, -0.4),
                        new Driver("MOMENTUM", 0.001, 0.0, 0.004, 0.0)), null, null),
                new SideDrivers(Side.HQ, 1200, 0.4, 0.35, 0.45, List.of(
                        new Driver("EXECUTION_DELAY", 0.25, 0.2, 0.3, -0.3)), null, null))));

        new DriversPresenter(api, NORTHWIND, view).load(null, null, null);

        List<DriversPresenter.Column> columns = shown.getLast();
        assertEquals(List.of(Side.HQ, Side.JAPAN), columns.stream().map(DriversPresenter.Column::side).toList());
        DriversPresenter.Column japan = columns.get(1);
        assertEquals("50%", japan.explained());
        assertEquals("45%–55%", japan.explainedInterval());
        // Below half a percent of the variance is not shown as a driver.
        assertEquals(List.of("EXCLUSION", "SILENT_DISSENT"), japan.rows().stream().map(DriversPresenter.Row::sign).toList());
        assertEquals("30%", japan.rows().getFirst().share());
        assertEquals("26%–34%", japan.rows().getFirst().interval());
        assertEquals("instrument.sign.EXCLUSION", japan.rows().getFirst().signKey());
        // One scale for both sides: the largest upper bound (Japan's EXCLUSION, 0.34) is the full width.
        assertEquals(100.0, japan.rows().getFirst().highPercent(), 1e-9);
        assertEquals(100 * 0.25 / 0.34, columns.getFirst().rows().getFirst().barPercent(), 1e-9);
    }

    @Test
    void aRefusedSideSaysWhyWithItsCountAndTheMinimum() {
        new DriversPresenter(api, NORTHWIND, view).load(null, null, null);

        assertEquals(2, shown.getLast().size());
        for (DriversPresenter.Column c : shown.getLast()) {
            assertEquals("dashboard.drivers.refused.BELOW_MINIMUM_N", c.refusedKey());
            assertEquals(30, c.minimum());
            assertTrue(c.rows().isEmpty());
        }
    }
}
