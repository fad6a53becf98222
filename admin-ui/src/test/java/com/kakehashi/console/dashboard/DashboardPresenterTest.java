package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.EngagementStatus;
import com.kakehashi.console.api.InsightRecords.TrendFilter;
import com.kakehashi.console.api.Level;
import com.kakehashi.console.api.WaveStatus;
import com.kakehashi.console.api.FakeKakehashiApi;
import com.kakehashi.console.api.InsightRecords.GapPoint;
import com.kakehashi.console.api.InsightRecords.GapSeries;
import com.kakehashi.console.api.InsightRecords.Point;
import com.kakehashi.console.api.InsightRecords.Series;
import com.kakehashi.console.api.InsightRecords.SignTrend;
import com.kakehashi.console.api.InsightRecords.Trends;
import com.kakehashi.console.api.Side;
import com.kakehashi.console.dashboard.DashboardPresenter.Cell;
import com.kakehashi.console.dashboard.DashboardPresenter.Dashboard;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardPresenterTest {

    private static final UUID NORTHWIND = com.kakehashi.console.api.Fixtures.NORTHWIND.id();
    private static final UUID CONTOSO = com.kakehashi.console.api.Fixtures.CONTOSO.id();
    private static final UUID W1 = UUID.randomUUID();
    private static final UUID W2 = UUID.randomUUID();
    private static final LocalDate D1 = LocalDate.of(2026, 10, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 10, 15);

    private final FakeKakehashiApi api = com.kakehashi.console.api.Fixtures.apiFor(
            com.kakehashi.console.api.Fixtures.consultant(), com.kakehashi.console.api.Fixtures.NORTHWIND,
            com.kakehashi.console.api.Fixtures.CONTOSO);
    private final RecordingView view = new RecordingView();

    private static Point shown(UUID wave, LocalDate date, double value, long n) {
        return new Point(wave, date, value, n, null, null);
    }

    private static Point belowK(UUID wave, LocalDate date) {
        return new Point(wave, date, null, null, "BELOW_K", "suppressed: fewer than k responses");
    }

    private static Trends northwindTrends() {
        // Points arrive out of date order on purpose: the axis must be sorted by occurrence date.
        var hq = new Series("side:HQ", Side.HQ, null, List.of(shown(W2, D2, 40, 8), shown(W1, D1, 35, 7)));
        var japan = new Series("side:JAPAN", Side.JAPAN, null, List.of(belowK(W1, D1), shown(W2, D2, 62.5, 6)));
        var all = new Series("ALL", null, null, List.of(shown(W1, D1, 38, 10), shown(W2, D2, 50, 14)));
        var staff = new Series("level:STAFF", null, "STAFF", List.of(belowK(W1, D1), belowK(W2, D2)));
        var gap = new GapSeries("ALL", null, List.of(
                new GapPoint(W1, D1, 35.0, null, null, "BELOW_K", "suppressed: fewer than k responses"),
                new GapPoint(W2, D2, 40.0, 62.5, 22.5, null, null)));
        return new Trends(5, List.of(new SignTrend("SILENT_DISSENT", List.of(all, hq, japan, staff), List.of(gap))));
    }

    @Test
    void suppressedPointsStayNullWithTheirReasonAndNeverBecomeZero() {
        api.trends.put(NORTHWIND, northwindTrends());
        new DashboardPresenter(api, NORTHWIND, view).load();

        Dashboard d = view.dashboard;
        assertNotNull(d);
        assertEquals(List.of(D1, D2), d.waves());
        assertEquals(5, d.anonymityThreshold());
        var sign = d.sign("SILENT_DISSENT");
        assertEquals(List.of(new Cell(35.0, 7L, null), new Cell(40.0, 8L, null)), sign.hq());
        assertEquals(new Cell(null, null, "BELOW_K"), sign.japan().get(0));
        assertEquals(new Cell(62.5, 6L, null), sign.japan().get(1));
        assertNull(sign.gap().get(0).value());
        assertEquals("BELOW_K", sign.gap().get(0).suppressed());
        assertEquals(22.5, sign.gap().get(1).value());
        assertEquals(List.of(new Cell(38.0, 10L, null), new Cell(50.0, 14L, null)), sign.all());
    }

    @Test
    void carefulWordingOfBothSidesIsOnTheAxisWithHiddenWavesAsGapsThatKeepTheirReason() {
        var base = northwindTrends();
        var japan = new com.kakehashi.console.api.InsightRecords.WordingSeries(Side.JAPAN, 10, List.of(
                new com.kakehashi.console.api.InsightRecords.WordingPoint(W2, D2, 0.6, 15L, null),
                new com.kakehashi.console.api.InsightRecords.WordingPoint(W1, D1, null, null, "BELOW_COMMENT_THRESHOLD")));
        var hq = new com.kakehashi.console.api.InsightRecords.WordingSeries(Side.HQ, 10, List.of(
                new com.kakehashi.console.api.InsightRecords.WordingPoint(W1, D1, 0.1, 12L, null),
                new com.kakehashi.console.api.InsightRecords.WordingPoint(W2, D2, null, null, "NO_COMMENTS")));
        api.trends.put(NORTHWIND, new Trends(5, base.signs(), List.of(hq, japan)));
        new DashboardPresenter(api, NORTHWIND, view).load();

        var wording = view.dashboard.wording();
        assertEquals(10, wording.commentThreshold());
        assertEquals(List.of(new Cell(null, null, "BELOW_COMMENT_THRESHOLD"), new Cell(0.6, 15L, null)), wording.japan());
        assertEquals(List.of(new Cell(0.1, 12L, null), new Cell(null, null, "NO_COMMENTS")), wording.hq());
    }

    @Test
    void withoutCarefulWordingTheChartHasNothingToShow() {
        api.trends.put(NORTHWIND, northwindTrends());
        new DashboardPresenter(api, NORTHWIND, view).load();
        assertTrue(view.dashboard.wording().isEmpty());
    }

    @Test
    void aWaveMissingFromASeriesIsAbsentNotSuppressed() {
        var hq = new Series("side:HQ", Side.HQ, null, List.of(shown(W2, D2, 40, 8)));
        var all = new Series("ALL", null, null, List.of(shown(W1, D1, 38, 10), shown(W2, D2, 50, 14)));
        api.trends.put(NORTHWIND, new Trends(5, List.of(new SignTrend("MOMENTUM", List.of(all, hq), List.of()))));
        new DashboardPresenter(api, NORTHWIND, view).load();

        var sign = view.dashboard.sign("MOMENTUM");
        assertEquals(new Cell(null, null, null), sign.hq().get(0));
        assertEquals(List.of(new Cell(null, null, null), new Cell(null, null, null)), sign.japan());
        assertEquals(List.of(new Cell(null, null, null), new Cell(null, null, null)), sign.gap());
    }

    @Test
    void anExecutiveSeesOnlyTheirTenantsData() {
        api.trends.put(NORTHWIND, northwindTrends());
        api.trends.put(CONTOSO, new Trends(3, List.of(new SignTrend("TRUST_EROSION", List.of(), List.of()))));
        var contosoExec = com.kakehashi.console.api.Fixtures.apiFor(
                com.kakehashi.console.api.Fixtures.executiveOf(com.kakehashi.console.api.Fixtures.CONTOSO),
                com.kakehashi.console.api.Fixtures.CONTOSO);
        contosoExec.trends.putAll(api.trends);
        var api = contosoExec;
        new DashboardPresenter(api, CONTOSO, view).load();

        assertTrue(api.calls.contains("insightTrends " + CONTOSO));
        assertTrue(api.calls.stream().noneMatch(c -> c.contains(NORTHWIND.toString())));
        assertEquals(List.of("TRUST_EROSION"), view.dashboard.signs().stream().map(s -> s.sign()).toList());
        assertNull(view.dashboard.sign("SILENT_DISSENT"));
        assertEquals(3, view.dashboard.anonymityThreshold());
    }

    @Test
    void noWavesYetIsAnEmptyDashboardNotAnError() {
        new DashboardPresenter(api, NORTHWIND, view).load();
        assertTrue(view.dashboard.isEmpty());
        assertTrue(view.dashboard.rates().isEmpty());
        assertNull(view.problem);
    }

    @Test
    void responseRatesPerSideComeFromTheWavesInDateOrder() {
        var later = new com.kakehashi.console.api.Wave(W2, null, D2, null, null, null, null, 20, 10, 0.5,
                java.util.Map.of(Side.HQ, 0.4, Side.JAPAN, 0.6));
        var earlier = new com.kakehashi.console.api.Wave(W1, null, D1, null, null, null, null, 20, 5, 0.25,
                java.util.Map.of(Side.HQ, 0.3));
        api.waves.put(W2, later);
        api.waves.put(W1, earlier);
        new DashboardPresenter(api, NORTHWIND, view).load();

        assertEquals(List.of(new DashboardPresenter.Rate(D1, 0.3, null), new DashboardPresenter.Rate(D2, 0.4, 0.6)),
                view.dashboard.rates());
    }

    @Test
    void wavesOfOneDateKeepTheOrderTheyOpenedInAndRatesShareTheAxis() {
        var opened = java.time.OffsetDateTime.parse("2026-10-01T09:00:00Z");
        var earlier = new com.kakehashi.console.api.Wave(W2, null, D1, null, null, opened, null, 20, 20, 1.0,
                java.util.Map.of(Side.HQ, 1.0, Side.JAPAN, 1.0));
        var later = new com.kakehashi.console.api.Wave(W1, null, D1, null, null, opened.plusHours(1), null, 20, 5, 0.25,
                java.util.Map.of(Side.HQ, 0.5, Side.JAPAN, 0.1));
        api.waves.put(W1, later);
        api.waves.put(W2, earlier);
        var hq = new Series("side:HQ", Side.HQ, null, List.of(shown(W1, D1, 30, 9), shown(W2, D1, 20, 10)));
        api.trends.put(NORTHWIND, new Trends(5, List.of(new SignTrend("RISK_LENS", List.of(hq), List.of()))));
        new DashboardPresenter(api, NORTHWIND, view).load();

        assertEquals(List.of(new Cell(20.0, 10L, null), new Cell(30.0, 9L, null)), view.dashboard.sign("RISK_LENS").hq());
        assertEquals(List.of(new DashboardPresenter.Rate(D1, 1.0, 1.0), new DashboardPresenter.Rate(D1, 0.5, 0.1)),
                view.dashboard.rates());
    }

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final java.time.Clock CLOCK = java.time.Clock.fixed(
            TODAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), java.time.ZoneOffset.UTC);

    private static Engagement engagement(String name, LocalDate start, EngagementStatus status) {
        return new Engagement(UUID.randomUUID(), name, "", start, start.plusMonths(6), status, List.of());
    }

    private static com.kakehashi.console.api.Schedule scheduleOf(Engagement engagement) {
        return new com.kakehashi.console.api.Schedule(UUID.randomUUID(), "pulse", "Pulse survey", "パルスサーベイ", engagement.id(), UUID.randomUUID(),
                List.of(), List.of(), com.kakehashi.console.api.Cadence.BIWEEKLY, null, null, "Europe/Berlin", 5,
                List.of(), engagement.startDate(), null, false, null);
    }

    private static com.kakehashi.console.api.Wave wave(UUID schedule, LocalDate date, WaveStatus status) {
        return new com.kakehashi.console.api.Wave(UUID.randomUUID(), schedule, date, null, status,
                date.atStartOfDay().atOffset(java.time.ZoneOffset.UTC), null, 20, 10, 0.5, Map.of(Side.HQ, 0.5, Side.JAPAN, 0.5));
    }

    @Test
    void theDefaultFilterIsTheMostRecentActiveEngagementOverTheWholeHistoryUpToTwoYears() {
        var closed = engagement("2025 diagnostic", LocalDate.of(2025, 1, 1), EngagementStatus.CLOSED);
        var olderActive = engagement("Integration", LocalDate.of(2025, 6, 1), EngagementStatus.ACTIVE);
        var newerActive = engagement("FY27 plan", LocalDate.of(2026, 4, 1), EngagementStatus.ACTIVE);
        var planned = engagement("FY28 plan", LocalDate.of(2027, 1, 1), EngagementStatus.PLANNED);
        List.of(closed, olderActive, newerActive, planned).forEach(e -> api.engagements.put(e.id(), e));

        new DashboardPresenter(api, NORTHWIND, view, CLOCK).load();

        assertEquals(new DashboardFilter(newerActive.id(), null, DashboardFilter.Period.LAST_24_MONTHS, null, null), view.filter);
        assertEquals(List.of(planned, newerActive, olderActive, closed), view.engagements, "newest first");
        // Over every level only the totals per side are fetched (byLevel false): the per-level series went unused.
        assertEquals(List.of(new TrendFilter(newerActive.id(), Set.of(), Set.of(), LocalDate.of(2024, 11, 23), null, false)),
                api.trendFilters);
    }

    @Test
    void withoutAnActiveEngagementTheDefaultCoversEveryEngagement() {
        var closed = engagement("2025 diagnostic", LocalDate.of(2025, 1, 1), EngagementStatus.CLOSED);
        api.engagements.put(closed.id(), closed);
        new DashboardPresenter(api, NORTHWIND, view, CLOCK).load();
        assertNull(view.filter.engagementId());
        assertNull(api.trendFilters.getFirst().engagementId());
    }

    @Test
    void aFilterChangeReloadsTheTrendsWithItsEngagementLevelAndPeriod() {
        var active = engagement("FY27 plan", LocalDate.of(2026, 4, 1), EngagementStatus.ACTIVE);
        api.engagements.put(active.id(), active);
        var presenter = new DashboardPresenter(api, NORTHWIND, view, CLOCK);
        presenter.load();

        presenter.apply(new DashboardFilter(active.id(), Level.STAFF, DashboardFilter.Period.LAST_24_MONTHS, null, null));
        assertEquals(new TrendFilter(active.id(), Set.of(), Set.of(Level.STAFF), LocalDate.of(2024, 11, 23), null),
                api.trendFilters.getLast());
        presenter.apply(new DashboardFilter(null, null, DashboardFilter.Period.LAST_6_MONTHS, null, null));
        assertEquals(new TrendFilter(null, Set.of(), Set.of(), LocalDate.of(2026, 5, 23), null, false), api.trendFilters.getLast());
        presenter.apply(new DashboardFilter(null, null, DashboardFilter.Period.CUSTOM, D1, D2));
        assertEquals(new TrendFilter(null, Set.of(), Set.of(), D1, D2, false), api.trendFilters.getLast());
        presenter.apply(new DashboardFilter(null, null, DashboardFilter.Period.ALL, D1, D2));
        assertEquals(new TrendFilter(null, Set.of(), Set.of(), null, null, false), api.trendFilters.getLast(),
                "dates only count for a custom period");
        assertEquals(5, view.dashboards, "every change redraws");
    }

    @Test
    void aCustomPeriodEndingBeforeItStartsIsRefusedWithoutAskingTheBackend() {
        var presenter = new DashboardPresenter(api, NORTHWIND, view, CLOCK);
        presenter.load();
        int calls = api.trendFilters.size();

        presenter.apply(new DashboardFilter(null, null, DashboardFilter.Period.CUSTOM, D2, D1));

        assertEquals("dashboard.filter.toBeforeFrom", view.filterProblem);
        assertEquals(calls, api.trendFilters.size());
        assertEquals(DashboardFilter.Period.LAST_24_MONTHS, presenter.filter().period(), "the last good filter stays");
    }

    @Test
    void aLevelFilterShowsThatLevelsSeriesForEachSide() {
        var hq = new Series("side:HQ", Side.HQ, null, List.of(shown(W1, D1, 35, 20)));
        var hqStaff = new Series("side:HQ,level:STAFF", Side.HQ, "STAFF", List.of(shown(W1, D1, 48, 9)));
        var japanStaff = new Series("side:JAPAN,level:STAFF", Side.JAPAN, "STAFF", List.of(belowK(W1, D1)));
        var staff = new Series("level:STAFF", null, "STAFF", List.of(shown(W1, D1, 51, 12)));
        var gapAll = new GapSeries("ALL", null, List.of(new GapPoint(W1, D1, 35.0, 40.0, 5.0, null, null)));
        var gapStaff = new GapSeries("level:STAFF", "STAFF", List.of(
                new GapPoint(W1, D1, 48.0, null, null, "BELOW_K", "suppressed")));
        api.trends.put(NORTHWIND, new Trends(5, List.of(new SignTrend("EXCLUSION",
                List.of(hq, hqStaff, japanStaff, staff), List.of(gapAll, gapStaff)))));
        var presenter = new DashboardPresenter(api, NORTHWIND, view, CLOCK);
        presenter.load();

        presenter.apply(new DashboardFilter(null, Level.STAFF, DashboardFilter.Period.ALL, null, null));

        var sign = view.dashboard.sign("EXCLUSION");
        assertEquals(List.of(new Cell(48.0, 9L, null)), sign.hq());
        assertEquals(List.of(new Cell(null, null, "BELOW_K")), sign.japan());
        assertEquals("BELOW_K", sign.gap().getFirst().suppressed());
        assertEquals(List.of(new Cell(51.0, 12L, null)), sign.all());
    }

    @Test
    void wavesOutsideTheEngagementOrPeriodStayOffTheAxisAndClosedAndOpenOnesAreOfferedLatestFirst() {
        var active = engagement("FY27 plan", LocalDate.of(2026, 4, 1), EngagementStatus.ACTIVE);
        var other = engagement("Old", LocalDate.of(2024, 1, 1), EngagementStatus.CLOSED);
        var mine = scheduleOf(active);
        var theirs = scheduleOf(other);
        List.of(active, other).forEach(e -> api.engagements.put(e.id(), e));
        List.of(mine, theirs).forEach(s -> api.schedules.put(s.id(), s));
        var old = wave(mine.id(), LocalDate.of(2024, 6, 1), WaveStatus.CLOSED); // before the default 24 months
        var closedEarlier = wave(mine.id(), LocalDate.of(2026, 9, 1), WaveStatus.CLOSED);
        var closedLater = wave(mine.id(), LocalDate.of(2026, 10, 1), WaveStatus.CLOSED);
        var open = wave(mine.id(), LocalDate.of(2026, 11, 1), WaveStatus.OPEN);
        var foreign = wave(theirs.id(), LocalDate.of(2026, 10, 15), WaveStatus.CLOSED);
        List.of(old, closedEarlier, closedLater, open, foreign).forEach(w -> api.waves.put(w.id(), w));

        new DashboardPresenter(api, NORTHWIND, view, CLOCK).load();

        assertEquals(List.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1)), view.dashboard.waves());
        assertEquals(List.of(open, closedLater, closedEarlier), view.dashboard.detailWaves());
    }

    @Test
    void heatmapRiskRunsFromPaleToDarkAndTheGapFromBlueThroughWhiteToOrange() {
        assertEquals("#fde725", Heatmap.colour(0), "low risk: pale yellow");
        assertEquals("#440154", Heatmap.colour(100), "high risk: dark purple");
        assertEquals("#440154", Heatmap.colour(130), "clipped");
        assertEquals("#2166ac", Heatmap.gapColour(-Heatmap.GAP_SPAN), "Japan sees less risk: blue");
        assertEquals("#f7f7f7", Heatmap.gapColour(0), "no gap: white");
        assertEquals("#b35806", Heatmap.gapColour(45), "Japan sees more risk: orange, clipped");
    }

    private static Point open(UUID wave, LocalDate date) {
        return new Point(wave, date, null, null, "WAVE_OPEN", "open: results when the wave closes");
    }

    @Test
    void anOpenWaveIsNeitherAValueNorASuppressedPointAndCarriesNoScore() {
        var hq = new Series("side:HQ", Side.HQ, null, List.of(shown(W1, D1, 35, 7), open(W2, D2)));
        var japan = new Series("side:JAPAN", Side.JAPAN, null, List.of(belowK(W1, D1), open(W2, D2)));
        var gap = new GapSeries("ALL", null, List.of(new GapPoint(W1, D1, 35.0, null, null, "BELOW_K", "suppressed"),
                new GapPoint(W2, D2, null, null, null, "WAVE_OPEN", "open")));
        api.trends.put(NORTHWIND, new Trends(5, List.of(new SignTrend("EXCLUSION", List.of(hq, japan), List.of(gap)))));
        new DashboardPresenter(api, NORTHWIND, view).load();

        var sign = view.dashboard.sign("EXCLUSION");
        assertEquals(List.of(false, true), view.dashboard.open(), "the last wave is open");
        for (Cell last : List.of(sign.hq().get(1), sign.japan().get(1), sign.gap().get(1))) {
            assertTrue(last.open());
            assertNull(last.value());
            assertNull(last.suppressed(), "an open wave is not marked as suppressed");
        }
        assertEquals("BELOW_K", sign.japan().getFirst().suppressed(), "a suppressed point stays suppressed");
        assertTrue(!sign.japan().getFirst().open());
    }

    @Test
    void valuesCarryTheirIntervalForTheDetailedChart() {
        var hq = new Series("side:HQ", Side.HQ, null, List.of(new Point(W1, D1, 40.0, 20L, null, null, 34.5, 45.5)));
        var gap = new GapSeries("ALL", null, List.of(new GapPoint(W1, D1, 40.0, 52.0, 12.0, null, null, 3.0, 21.0)));
        api.trends.put(NORTHWIND, new Trends(5, List.of(new SignTrend("EXCLUSION", List.of(hq), List.of(gap)))));
        new DashboardPresenter(api, NORTHWIND, view).load();

        var sign = view.dashboard.sign("EXCLUSION");
        assertEquals(new Cell(40.0, 20L, null, 34.5, 45.5, false), sign.hq().getFirst());
        assertEquals(new Cell(12.0, null, null, 3.0, 21.0, false), sign.gap().getFirst());
    }

    @Test
    void theGapScaleFitsTheDataWithZeroInsideInsteadOfMinusToPlusHundred() {
        var sign = new DashboardPresenter.SignSeries("EXCLUSION", List.of(), List.of(), List.of(
                new Cell(12.0, null, null, 3.0, 21.0, false), new Cell(null, null, "BELOW_K"),
                new Cell(28.5, null, null, 19.0, 38.0, false)), List.of());
        assertEquals(List.of(-5.0, 45.0), java.util.Arrays.stream(DashboardPresenter.gapScale(sign)).boxed().toList());
        var negative = new DashboardPresenter.SignSeries("RISK_LENS", List.of(), List.of(),
                List.of(new Cell(-14.0, null, null, -22.0, -6.0, false)), List.of());
        assertEquals(List.of(-25.0, 5.0), java.util.Arrays.stream(DashboardPresenter.gapScale(negative)).boxed().toList());
    }

    private static Series side(Side side, double... values) {
        UUID[] waves = {W1, W2};
        LocalDate[] dates = {D1, D2};
        List<Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(Double.isNaN(values[i]) ? belowK(waves[i], dates[i]) : shown(waves[i], dates[i], values[i], 20));
        }
        return new Series("side:" + side, side, null, points);
    }

    @Test
    void theStatusOfASideNamesItsSignsAtSixtyOrAboveWorstFirstAtItsLatestClosedWave() {
        api.trends.put(NORTHWIND, new Trends(5, List.of(
                new SignTrend("EXCLUSION", List.of(side(Side.HQ, 30, 31), side(Side.JAPAN, 55, 64.2)), List.of()),
                new SignTrend("SILENT_DISSENT", List.of(side(Side.HQ, 20, 22), side(Side.JAPAN, 62, 71.0)), List.of()),
                new SignTrend("TRUST_EROSION", List.of(side(Side.HQ, 25, 24), side(Side.JAPAN, 50, Double.NaN)), List.of()),
                new SignTrend("MOMENTUM", List.of(side(Side.HQ, 40, 41), side(Side.JAPAN, 30, 59.9)), List.of()))));
        api.waves.put(W1, new com.kakehashi.console.api.Wave(W1, null, D1, null, WaveStatus.CLOSED, null, null, 40, 30, 0.75,
                Map.of(Side.HQ, 0.8, Side.JAPAN, 0.7)));
        api.waves.put(W2, new com.kakehashi.console.api.Wave(W2, null, D2, null, WaveStatus.CLOSED, null, null, 40, 30, 0.75,
                Map.of(Side.HQ, 0.9, Side.JAPAN, 0.58)));
        new DashboardPresenter(api, NORTHWIND, view).load();

        var japan = view.dashboard.status().get(1);
        assertEquals(Side.JAPAN, japan.side());
        assertEquals(D2, japan.asOf());
        assertEquals(List.of("SILENT_DISSENT", "EXCLUSION"), japan.signsAbove(), "worst first; 59.9 is not 60");
        assertEquals(3, japan.signsShown(), "the suppressed Trust erosion counts neither way");
        assertEquals(0.58, japan.responseRate());
        var hq = view.dashboard.status().getFirst();
        assertEquals(List.of(), hq.signsAbove());
        assertEquals("MOMENTUM", hq.highestSign());

        var i18n = new com.kakehashi.console.i18n.ConsoleI18NProvider();
        StatusWords.Translator en = (key, args) -> i18n.getTranslation(key, java.util.Locale.ENGLISH, args);
        StatusWords.Translator ja = (key, args) -> i18n.getTranslation(key, java.util.Locale.JAPANESE, args);
        assertEquals("Japan: 2 of 3 warning signs at 60 or above (Silent dissent, Exclusion) · response rate 58%"
                + " · latest wave Oct 15, 2026", StatusWords.line(japan, en, java.util.Locale.US));
        assertEquals("HQ: no warning sign at 60 or above (highest: Slow momentum, 41) · response rate 90%"
                + " · latest wave Oct 15, 2026", StatusWords.line(hq, en, java.util.Locale.US));
        String jaLine = StatusWords.line(japan, ja, java.util.Locale.JAPAN);
        assertTrue(jaLine.startsWith("日本："), jaLine);
        assertTrue(jaLine.contains("3項目中2項目が60以上") && jaLine.contains("回答率 58%") && jaLine.contains("配信回"), jaLine);
    }

    @Test
    void aSideWithoutAnyShownValueSaysItHasNoResultsYet() {
        api.trends.put(NORTHWIND, new Trends(5, List.of(
                new SignTrend("EXCLUSION", List.of(side(Side.HQ, 30, 31), side(Side.JAPAN, Double.NaN, Double.NaN)), List.of()))));
        new DashboardPresenter(api, NORTHWIND, view).load();

        var japan = view.dashboard.status().get(1);
        assertNull(japan.asOf());
        var i18n = new com.kakehashi.console.i18n.ConsoleI18NProvider();
        assertEquals("Japan: no results yet", StatusWords.line(japan,
                (key, args) -> i18n.getTranslation(key, java.util.Locale.ENGLISH, args), java.util.Locale.US));
    }

    @Test
    void eventsArePlacedBetweenTheWavesAroundThemAndOnesOffTheAxisAreLeftOut() {
        var active = engagement("Post-restructuring alignment", LocalDate.of(2026, 10, 8), EngagementStatus.ACTIVE);
        api.engagements.put(active.id(), active);
        api.events.put(active.id(), new java.util.ArrayList<>(List.of(
                new com.kakehashi.console.api.TimelineRecords.Event(UUID.randomUUID(), active.id(), LocalDate.of(2025, 9, 1),
                        com.kakehashi.console.api.TimelineRecords.Kind.ORGANISATION_CHANGE, "HQ restructuring", "本社の組織再編", false))));
        api.trends.put(NORTHWIND, northwindTrends());
        new DashboardPresenter(api, NORTHWIND, view, CLOCK).load();

        // Oct 8 is halfway between the waves of Oct 1 and Oct 15; the restructuring is before the first wave.
        var markers = view.dashboard.markers();
        assertEquals(1, markers.size(), markers.toString());
        assertEquals(DashboardPresenter.MarkerKind.ENGAGEMENT_START, markers.getFirst().kind());
        assertEquals(0.5, markers.getFirst().position(), 1e-9);
        assertEquals("Post-restructuring alignment", markers.getFirst().label(true));
        assertEquals(List.of(D1, D2), view.dashboard.waves());
        assertEquals(1 + 1.0 / 3, DashboardPresenter.position(List.of(D1, D2, LocalDate.of(2026, 11, 5)), LocalDate.of(2026, 10, 22)), 1e-9);
        assertNull(DashboardPresenter.position(List.of(D1, D2), LocalDate.of(2026, 10, 16)));
    }

    private static com.kakehashi.console.api.ActionRecords.Action action(UUID engagement, String title, List<String> signs,
            com.kakehashi.console.api.ActionRecords.Status status, LocalDate startedOn, LocalDate doneOn, LocalDate droppedOn) {
        var hq = new com.kakehashi.console.api.ActionRecords.Owner(Side.HQ, UUID.randomUUID(), "Hq", "hq@example.com", null,
                null, null, false);
        var jp = new com.kakehashi.console.api.ActionRecords.Owner(Side.JAPAN, UUID.randomUUID(), "Jp", "jp@example.com", null,
                null, null, false);
        return new com.kakehashi.console.api.ActionRecords.Action(UUID.randomUUID(), engagement, null, title, null, "en", signs,
                D1, D2.plusMonths(1), status, false, null, startedOn, doneOn, droppedOn, hq, jp, UUID.randomUUID(), null, null);
    }

    @Test
    void actionsAreMarkedWhereTheyStartedAndEndedOnTheChartsOfTheSignsTheyTargetOnly() {
        var active = engagement("Post-restructuring alignment", LocalDate.of(2026, 10, 3), EngagementStatus.ACTIVE);
        api.engagements.put(active.id(), active);
        var briefing = action(active.id(), "Monthly pre-briefing of Japan leadership", List.of("EXCLUSION", "CONSENSUS_PACE"),
                com.kakehashi.console.api.ActionRecords.Status.IN_PROGRESS, LocalDate.of(2026, 10, 8), null, null);
        var register = action(active.id(), "Concerns register", List.of("SILENT_DISSENT"),
                com.kakehashi.console.api.ActionRecords.Status.DONE, D1, D2, null);
        var dropped = action(active.id(), "Dropped offsite", List.of("EXCLUSION"),
                com.kakehashi.console.api.ActionRecords.Status.DROPPED, null, null, LocalDate.of(2026, 10, 10));
        var proposed = action(active.id(), "Only proposed", List.of("EXCLUSION"),
                com.kakehashi.console.api.ActionRecords.Status.PROPOSED, null, null, null);
        var elsewhere = action(UUID.randomUUID(), "Another engagement's", List.of("EXCLUSION"),
                com.kakehashi.console.api.ActionRecords.Status.IN_PROGRESS, D1, null, null);
        List.of(briefing, register, dropped, proposed, elsewhere).forEach(a -> api.actions.put(a.id(), a));
        api.actionEffects.put(briefing.id(), new com.kakehashi.console.api.ActionRecords.Effect(LocalDate.of(2026, 10, 8), null, List.of(
                new com.kakehashi.console.api.ActionRecords.Estimate("CONSENSUS_PACE", Side.JAPAN, "TOO_EARLY", "FEW_WAVES_AFTER",
                        4, 1, 60.0, null, null, null, null, "Too early: 1 wave since start", "判断には早い：開始後1回"),
                new com.kakehashi.console.api.ActionRecords.Estimate("EXCLUSION", Side.JAPAN, "IMPROVED", null, 4, 3, 64.0, 50.0,
                        -14.0, -20.0, -8.0, "Improved by 14 points, 95% CI 8–20", "14ポイント改善（95%信頼区間 8～20）"))));
        api.trends.put(NORTHWIND, northwindTrends());
        var presenter = new DashboardPresenter(api, NORTHWIND, view, CLOCK);
        presenter.load();

        // Started and ended where they did; never started (proposed) nothing; another engagement's not in this filter.
        var actionMarkers = view.dashboard.markers().stream().filter(DashboardPresenter.Marker::isAction).toList();
        assertEquals(List.of("Concerns register ACTION_START 0.000", "Monthly pre-briefing of Japan leadership ACTION_START 0.500",
                        "Dropped offsite ACTION_DROPPED 0.643", "Concerns register ACTION_DONE 1.000"),
                actionMarkers.stream().map(m -> m.label(false) + " " + m.kind() + " "
                        + String.format(java.util.Locale.ROOT, "%.3f", m.position())).toList());

        var i18n = new com.kakehashi.console.i18n.ConsoleI18NProvider();
        StatusWords.Translator en = (key, args) -> i18n.getTranslation(key, java.util.Locale.ENGLISH, args);
        java.util.function.Function<String, List<String>> labelsOn = sign -> SignDetail.markerLabels(view.dashboard, sign, en, false)
                .stream().filter(m -> m.containsKey("action")).map(m -> (String) m.get("label")).toList();
        assertEquals(List.of("Action started: Monthly pre-briefing of Japan leadership (Oct 8, 2026)",
                "Action dropped: Dropped offsite (Oct 10, 2026)"), labelsOn.apply("EXCLUSION"));
        assertEquals(List.of("Action started: Monthly pre-briefing of Japan leadership (Oct 8, 2026)"), labelsOn.apply("CONSENSUS_PACE"));
        assertEquals(2, labelsOn.apply("SILENT_DISSENT").size());
        assertEquals(List.of(), labelsOn.apply("TRUST_EROSION"), "not on the signs it does not target");
        assertEquals(List.of(), labelsOn.apply(null), "not on a chart of no sign (response rates)");
        assertTrue(SignDetail.markerLabels(view.dashboard, "TRUST_EROSION", en, false).stream()
                .anyMatch(m -> "ENGAGEMENT_START".equals(m.get("kind"))), "every chart keeps the engagement start");

        // The sign's detail: each started action's effect on that sign only, per side.
        var effects = presenter.effectsOn("EXCLUSION");
        assertEquals(1, effects.size(), effects.toString());
        assertEquals("action.verdict.IMPROVED", effects.getFirst().verdictKey());
        assertEquals("14ポイント改善（95%信頼区間 8～20）", effects.getFirst().summary(true));
        assertEquals("TOO_EARLY", presenter.effectsOn("CONSENSUS_PACE").getFirst().verdict());
        assertEquals(List.of(), presenter.effectsOn("TRUST_EROSION"));
    }

    @Test
    void chartsStillShowWhenTheActionsCannotBeRead() {
        api.trends.put(NORTHWIND, northwindTrends());
        var presenter = new DashboardPresenter(new FakeKakehashiApi(api.me) {
            {
                tenants.putAll(api.tenants);
                trends.putAll(api.trends);
            }

            @Override
            public List<com.kakehashi.console.api.ActionRecords.Action> actions(UUID tenantId) {
                throw new com.kakehashi.console.api.ProblemException(ApiProblem.of(404, "Not Found"));
            }
        }, NORTHWIND, view, CLOCK);
        presenter.load();
        assertNull(view.problem);
        assertEquals(List.of(D1, D2), view.dashboard.waves());
    }

    static final class RecordingView implements DashboardPresenter.View {
        Dashboard dashboard;
        ApiProblem problem;
        List<Engagement> engagements;
        DashboardFilter filter;
        String filterProblem;
        int dashboards;

        @Override
        public void showFilter(List<Engagement> engagements, DashboardFilter filter) {
            this.engagements = engagements;
            this.filter = filter;
        }

        @Override
        public void showFilterProblem(String messageKey) {
            this.filterProblem = messageKey;
        }

        @Override
        public void showDashboard(Dashboard dashboard) {
            this.dashboard = dashboard;
            dashboards++;
        }

        @Override
        public void showProblem(ApiProblem problem) {
            this.problem = problem;
        }

        DashboardPresenter.Plans plans;

        @Override
        public void showPlans(DashboardPresenter.Plans plans) {
            this.plans = plans;
        }
    }

    @Test
    void plansCountTheFiltersOpenActionsAndTheOverdueOnesBesideTheRegistersHealth() {
        var active = engagement("Post-restructuring alignment", LocalDate.of(2026, 10, 3), EngagementStatus.ACTIVE);
        api.engagements.put(active.id(), active);
        var late = action(active.id(), "Late", List.of("EXCLUSION"), com.kakehashi.console.api.ActionRecords.Status.IN_PROGRESS, D1, null, null);
        late = new com.kakehashi.console.api.ActionRecords.Action(late.id(), late.engagementId(), null, late.title(), null, "en",
                late.signs(), late.startOn(), late.dueOn(), late.status(), true, null, late.startedOn(), null, null, late.hqOwner(),
                late.japanOwner(), late.createdBy(), null, null);
        var proposed = action(active.id(), "Proposed", List.of("EXCLUSION"), com.kakehashi.console.api.ActionRecords.Status.PROPOSED, null, null, null);
        var done = action(active.id(), "Done", List.of("EXCLUSION"), com.kakehashi.console.api.ActionRecords.Status.DONE, D1, D2, null);
        var elsewhere = action(UUID.randomUUID(), "Elsewhere", List.of("EXCLUSION"), com.kakehashi.console.api.ActionRecords.Status.PROPOSED, null, null, null);
        List.of(late, proposed, done, elsewhere).forEach(a -> api.actions.put(a.id(), a));
        api.registerHealth = new com.kakehashi.console.api.RegisterRecords.Health(11, 8, 1, 2, 8 / 11.0, 2, 56, 38.0);
        api.trends.put(NORTHWIND, northwindTrends());

        new DashboardPresenter(api, NORTHWIND, view, CLOCK).load();

        assertEquals(2, view.plans.openActions(), "the late and the proposed one; not done, not another engagement's");
        assertEquals(1, view.plans.overdueActions());
        assertEquals(2, view.plans.register().openDisagreements());

        var i18n = new com.kakehashi.console.i18n.ConsoleI18NProvider();
        assertEquals("Actions: 2 open, 1 overdue", i18n.getTranslation("dashboard.plans.actions", java.util.Locale.ENGLISH, 2, 1));
        assertEquals("2 open disagreements, the oldest open for 56 days",
                i18n.getTranslation("dashboard.plans.disagreements", java.util.Locale.ENGLISH, 2, 56));
        assertEquals("未解決の不一致2件（最長56日）", i18n.getTranslation("dashboard.plans.disagreements", java.util.Locale.JAPANESE, 2, 56));
    }

    @Test
    void aTenantWithAnEmptyRegisterShowsNoRegisterLine() {
        api.trends.put(NORTHWIND, northwindTrends());
        new DashboardPresenter(api, NORTHWIND, view, CLOCK).load();
        assertNull(view.plans.register());
        assertEquals(0, view.plans.openActions());
    }
}
