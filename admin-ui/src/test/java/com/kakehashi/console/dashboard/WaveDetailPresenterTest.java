package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.FakeKakehashiApi;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.InsightRecords;
import com.kakehashi.console.api.InsightRecords.Comment;
import com.kakehashi.console.api.InsightRecords.Reliability;
import com.kakehashi.console.api.InsightRecords.CommentGroup;
import com.kakehashi.console.api.InsightRecords.Silence;
import com.kakehashi.console.api.InsightRecords.WaveInsight;
import com.kakehashi.console.api.Side;
import com.kakehashi.console.api.Wave;
import com.kakehashi.console.api.WaveStatus;
import com.kakehashi.console.dashboard.WaveDetailPresenter.CommentItem;
import com.kakehashi.console.dashboard.WaveDetailPresenter.ReliabilityCell;
import com.kakehashi.console.dashboard.WaveDetailPresenter.ReliabilityRow;
import com.kakehashi.console.dashboard.WaveDetailPresenter.SilenceRow;
import com.kakehashi.console.dashboard.WaveDetailPresenter.WaveDetail;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaveDetailPresenterTest {

    private static final UUID NORTHWIND = Fixtures.NORTHWIND.id();
    private final FakeKakehashiApi api = Fixtures.apiFor(Fixtures.executiveOf(Fixtures.NORTHWIND), Fixtures.NORTHWIND);
    private final RecordingView view = new RecordingView();

    private static Wave closed(LocalDate date) {
        return new Wave(UUID.randomUUID(), UUID.randomUUID(), date, null, WaveStatus.CLOSED, null, null, 20, 12, 0.6, Map.of());
    }

    /** HQ answered enough (k = 5) to read its comments; Japan did not, so its comments are withheld with the reason. */
    private static WaveInsight insight(Wave wave) {
        return new WaveInsight(wave.id(), wave.occurrenceDate(), "CLOSED", null, 5,
                List.of(new Silence(Side.HQ, 10, 8, 0.2, 0.125, 3L, 0.375, "UNDER_1D", null),
                        new Silence(Side.JAPAN, 10, 3, 0.7, null, null, null, null, "BELOW_K")),
                List.of(new CommentGroup(Side.HQ, List.of(new Comment("Tokyo hears about decisions too late.", "en"),
                        new Comment("本社の意図がよく分かりません。", "ja")), null),
                        new CommentGroup(Side.JAPAN, null, "BELOW_K")));
    }

    @Test
    void theLatestClosedWaveShowsItsCommentsPerSideInTheirOwnLanguages() {
        var latest = closed(LocalDate.of(2026, 10, 15));
        var earlier = closed(LocalDate.of(2026, 10, 1));
        api.waveInsights.put(latest.id(), insight(latest));

        new WaveDetailPresenter(api, NORTHWIND, view).offer(List.of(latest, earlier));

        assertEquals(List.of(latest, earlier), view.choices);
        assertEquals(latest, view.selected);
        assertEquals(List.of("waveInsight " + latest.id()), api.calls);
        var hq = view.detail.comments().get(0);
        assertEquals(Side.HQ, hq.side());
        assertNull(hq.suppressedKey());
        assertEquals(List.of(new CommentItem("Tokyo hears about decisions too late.", "en", "dashboard.comments.lang.en"),
                new CommentItem("本社の意図がよく分かりません。", "ja", "dashboard.comments.lang.ja")), hq.comments());
        var japan = view.detail.comments().get(1);
        assertEquals("dashboard.suppressed.BELOW_K", japan.suppressedKey(), "withheld below k, and says why");
        assertTrue(japan.comments().isEmpty());
        assertEquals(5, view.detail.anonymityThreshold());
    }

    @Test
    void silenceSignalsAreFormattedPerSideAndHiddenOnesSayWhy() {
        var wave = closed(LocalDate.of(2026, 10, 15));
        api.waveInsights.put(wave.id(), insight(wave));
        new WaveDetailPresenter(api, NORTHWIND, view).select(wave.id());

        assertEquals(new SilenceRow(Side.HQ, "dashboard.side.HQ", 10, 8, "20%", "dashboard.delay.UNDER_1D", "13%", "38%", null,
                        null, "dashboard.suppressed.NO_COMMENTS", 10),
                view.detail.silence().get(0));
        assertEquals(new SilenceRow(Side.JAPAN, "dashboard.side.JAPAN", 10, 3, "70%", null, "–", "–", "dashboard.suppressed.BELOW_K",
                        null, "dashboard.suppressed.BELOW_K", 10),
                view.detail.silence().get(1));
    }

    @Test
    void carefulWordingShowsItsShareAndCommentCountAndBelowTheCommentThresholdOnlyTheReasonWithThatThreshold() {
        var wave = closed(LocalDate.of(2026, 10, 29));
        api.waveInsights.put(wave.id(), new WaveInsight(wave.id(), wave.occurrenceDate(), "CLOSED", null, 5,
                List.of(new Silence(Side.HQ, 20, 15, 0.25, 0.1, 9L, 0.6, "UNDER_1D", null,
                                new InsightRecords.CarefulWording(null, null, 10, "wording-lexicon-v3", "BELOW_COMMENT_THRESHOLD")),
                        new Silence(Side.JAPAN, 20, 18, 0.1, 0.2, 12L, 0.67, "UNDER_1D", null,
                                new InsightRecords.CarefulWording(12L, 0.5, 10, "wording-lexicon-v3", null))),
                List.of()));
        new WaveDetailPresenter(api, NORTHWIND, view).select(wave.id());

        var hq = view.detail.silence().get(0);
        assertNull(hq.carefulWording(), "nine comments: no share, no count");
        assertEquals("dashboard.suppressed.BELOW_COMMENT_THRESHOLD", hq.carefulWordingSuppressedKey());
        assertEquals(10, hq.commentThreshold());
        var japan = view.detail.silence().get(1);
        assertEquals("50% / 12", japan.carefulWording());
        assertNull(japan.carefulWordingSuppressedKey());
    }

    @Test
    void anOpenWaveIsOfferedBesideClosedOnesAndShowsOnlyCountsAndRatesUntilItCloses() {
        var closes = OffsetDateTime.of(2026, 11, 20, 9, 0, 0, 0, ZoneOffset.UTC);
        var open = new Wave(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 11, 15), null, WaveStatus.OPEN, null,
                closes, 20, 7, 0.35, Map.of());
        var latestClosed = closed(LocalDate.of(2026, 11, 1));
        api.waveInsights.put(latestClosed.id(), insight(latestClosed));
        api.waveInsights.put(open.id(), new WaveInsight(open.id(), open.occurrenceDate(), "OPEN", closes, 5,
                List.of(new Silence(Side.HQ, 10, 5, 0.5, null, null, null, null, "WAVE_OPEN"),
                        new Silence(Side.JAPAN, 10, 2, 0.8, null, null, null, null, "WAVE_OPEN")),
                List.of(new CommentGroup(Side.HQ, null, "WAVE_OPEN"), new CommentGroup(Side.JAPAN, null, "WAVE_OPEN"))));
        var presenter = new WaveDetailPresenter(api, NORTHWIND, view);

        presenter.offer(List.of(open, latestClosed));
        assertEquals(List.of(open, latestClosed), view.choices, "the open wave is offered");
        assertEquals(latestClosed, view.selected, "but the latest closed wave is shown first");

        presenter.select(open.id());
        assertTrue(view.detail.open());
        assertEquals(closes, view.detail.closesAt(), "says when the results appear");
        assertEquals(new SilenceRow(Side.HQ, "dashboard.side.HQ", 10, 5, "50%", null, "–", "–", "dashboard.suppressed.WAVE_OPEN",
                        null, "dashboard.suppressed.WAVE_OPEN", 10),
                view.detail.silence().get(0));
        assertEquals(new SilenceRow(Side.JAPAN, "dashboard.side.JAPAN", 10, 2, "80%", null, "–", "–", "dashboard.suppressed.WAVE_OPEN",
                        null, "dashboard.suppressed.WAVE_OPEN", 10),
                view.detail.silence().get(1));
        assertTrue(view.detail.comments().isEmpty(), "no comments while open");
    }

    @Test
    void onlyAnOpenWaveInThePeriodIsShownAsOpen() {
        var closes = OffsetDateTime.of(2026, 11, 20, 9, 0, 0, 0, ZoneOffset.UTC);
        var open = new Wave(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 11, 15), null, WaveStatus.OPEN, null,
                closes, 20, 7, 0.35, Map.of());
        api.waveInsights.put(open.id(), new WaveInsight(open.id(), open.occurrenceDate(), "OPEN", closes, 5, List.of(), List.of()));

        new WaveDetailPresenter(api, NORTHWIND, view).offer(List.of(open));

        assertEquals(open, view.selected);
        assertTrue(view.detail.open());
    }

    @Test
    void aClosedWaveIsNotOpenAndHasNoClosingTime() {
        var wave = closed(LocalDate.of(2026, 10, 15));
        api.waveInsights.put(wave.id(), insight(wave));
        new WaveDetailPresenter(api, NORTHWIND, view).select(wave.id());
        assertFalse(view.detail.open());
        assertNull(view.detail.closesAt());
    }

    @Test
    void withoutAClosedWaveNothingIsAskedAndTheViewSaysSo() {
        new WaveDetailPresenter(api, NORTHWIND, view).offer(List.of());
        assertEquals(List.of(), view.choices);
        assertNull(view.selected);
        assertNull(view.detail);
        assertTrue(api.calls.isEmpty());
    }

    @Test
    void aCommentWithoutALanguageIsTaggedUndetermined() {
        var wave = closed(LocalDate.of(2026, 10, 15));
        api.waveInsights.put(wave.id(), new WaveInsight(wave.id(), wave.occurrenceDate(), "CLOSED", null, 5, List.of(),
                List.of(new CommentGroup(Side.HQ, List.of(new Comment("ok", null), new Comment("bien", "fr")), null))));
        new WaveDetailPresenter(api, NORTHWIND, view).select(wave.id());
        assertEquals(List.of(new CommentItem("ok", "und", "dashboard.comments.lang.other"),
                new CommentItem("bien", "fr", "dashboard.comments.lang.other")), view.detail.comments().getFirst().comments());
    }

    @Test
    void lowReliabilityIsPutInWordsNeverAsANumberAndOthersShowTheirCoefficientAndQuality() {
        var wave = closed(LocalDate.of(2026, 10, 15));
        api.waveInsights.put(wave.id(), new WaveInsight(wave.id(), wave.occurrenceDate(), "CLOSED", null, 5, List.of(), List.of(),
                List.of(new Reliability("EXCLUSION", Side.JAPAN, 2, 12L, "SPEARMAN_BROWN", null, "LOW", null),
                        new Reliability("EXCLUSION", Side.HQ, 2, 14L, "SPEARMAN_BROWN", 0.7812, "GOOD", null),
                        new Reliability("SILENT_DISSENT", Side.HQ, 3, 14L, "CRONBACH_ALPHA", 0.34, "LOW", null),
                        new Reliability("SILENT_DISSENT", Side.JAPAN, 3, null, "CRONBACH_ALPHA", null, null, "BELOW_K"),
                        new Reliability("RISK_LENS", Side.HQ, 2, null, "SPEARMAN_BROWN", null, null, "NO_VARIANCE"))));

        new WaveDetailPresenter(api, NORTHWIND, view).select(wave.id());

        var rows = view.detail.reliability();
        assertEquals(List.of("EXCLUSION", "SILENT_DISSENT", "RISK_LENS"), rows.stream().map(ReliabilityRow::sign).toList());
        assertEquals(List.of(
                new ReliabilityCell(Side.HQ, "0.78", "dashboard.reliability.quality.GOOD", false,
                        "dashboard.reliability.method.SPEARMAN_BROWN", null),
                new ReliabilityCell(Side.JAPAN, null, "dashboard.reliability.quality.LOW", true,
                        "dashboard.reliability.method.SPEARMAN_BROWN", null)), rows.get(0).cells(), "HQ before Japan");
        assertNull(rows.get(1).cells().get(0).value(), "a low coefficient is not shown as a score even when positive");
        assertTrue(rows.get(1).cells().get(0).low());
        assertEquals("dashboard.suppressed.BELOW_K", rows.get(1).cells().get(1).reasonKey(), "hidden below k says why");
        assertEquals("dashboard.reliability.unavailable.NO_VARIANCE", rows.get(2).cells().get(0).reasonKey());
    }

    @Test
    void anOpenWaveShowsNoReliability() {
        var open = new Wave(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 11, 15), null, WaveStatus.OPEN, null,
                null, 20, 7, 0.35, Map.of());
        api.waveInsights.put(open.id(), new WaveInsight(open.id(), open.occurrenceDate(), "OPEN", null, 5, List.of(), List.of(),
                List.of(new Reliability("EXCLUSION", Side.HQ, 2, null, "SPEARMAN_BROWN", null, null, "WAVE_OPEN"))));

        new WaveDetailPresenter(api, NORTHWIND, view).select(open.id());

        assertTrue(view.detail.reliability().isEmpty());
    }

    static final class RecordingView implements WaveDetailPresenter.View {
        List<Wave> choices;
        Wave selected;
        WaveDetail detail;
        ApiProblem problem;

        @Override
        public void showWaveChoices(List<Wave> waves, Wave selected) {
            this.choices = waves;
            this.selected = selected;
        }

        @Override
        public void showWaveDetail(WaveDetail detail) {
            this.detail = detail;
        }

        @Override
        public void showProblem(ApiProblem problem) {
            this.problem = problem;
        }
    }
}
