package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.FakeKakehashiApi;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.InsightRecords.SideThemes;
import com.kakehashi.console.api.InsightRecords.Theme;
import com.kakehashi.console.api.InsightRecords.WaveThemes;
import com.kakehashi.console.api.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThemesPresenterTest {

    private static final UUID NORTHWIND = Fixtures.NORTHWIND.id();
    private final FakeKakehashiApi api = Fixtures.apiFor(Fixtures.executiveOf(Fixtures.NORTHWIND), Fixtures.NORTHWIND);
    private final List<List<ThemesPresenter.Column>> shown = new ArrayList<>();
    private final ThemesPresenter.View view = new ThemesPresenter.View() {
        @Override
        public void showThemes(List<ThemesPresenter.Column> columns) {
            shown.add(columns);
        }

        @Override
        public void showProblem(ApiProblem problem) {
            throw new AssertionError(problem);
        }
    };

    private final UUID wave = UUID.randomUUID();

    private void japanTalksAboutApprovalAndTheRoadmapWhileHqIsBelowTheThreshold() {
        api.waveThemes.put(wave, new WaveThemes(wave, 10, 3, List.of(
                new SideThemes(Side.HQ, null, List.of(), "BELOW_COMMENT_THRESHOLD"),
                new SideThemes(Side.JAPAN, 24L, List.of(
                        new Theme("承認", "ja", 9, "approval", "承認", List.of("EXECUTION_DELAY", "AUTHORITY_GAP")),
                        new Theme("roadmap", "en", 4, "roadmap", null, List.of()),
                        new Theme("北海道出張", "ja", 3, null, "北海道出張", List.of())), null),
                new SideThemes(Side.REGIONAL, null, List.of(), "NO_COMMENTS"))));
    }

    @Test
    void anEnglishReaderSeesEachTermInEnglishWithTheOriginalBesideItJapanFirst() {
        japanTalksAboutApprovalAndTheRoadmapWhileHqIsBelowTheThreshold();

        new ThemesPresenter(api, NORTHWIND, view).load(wave, Locale.ENGLISH);

        List<ThemesPresenter.Column> columns = shown.getLast();
        // Japan first, then HQ; a side without comments is left out.
        assertEquals(List.of(Side.JAPAN, Side.HQ), columns.stream().map(ThemesPresenter.Column::side).toList());
        ThemesPresenter.Column japan = columns.getFirst();
        assertEquals("dashboard.themes.side.JAPAN", japan.titleKey());
        assertEquals(24L, japan.comments());
        assertEquals(new ThemesPresenter.Chip("approval", "承認", "ja", 9,
                List.of("instrument.sign.EXECUTION_DELAY", "instrument.sign.AUTHORITY_GAP")), japan.chips().get(0));
        assertEquals(new ThemesPresenter.Chip("roadmap", null, "en", 4, List.of()), japan.chips().get(1));
        // A term the lexicon does not gloss is shown as written only.
        assertEquals(new ThemesPresenter.Chip("北海道出張", null, "ja", 3, List.of()), japan.chips().get(2));
        ThemesPresenter.Column hq = columns.get(1);
        assertEquals("dashboard.suppressed.BELOW_COMMENT_THRESHOLD", hq.suppressedKey());
        assertEquals(10, hq.commentThreshold());
        assertTrue(hq.chips().isEmpty());
    }

    @Test
    void aJapaneseReaderSeesJapaneseTermsAsWrittenAndEnglishOnesGlossed() {
        japanTalksAboutApprovalAndTheRoadmapWhileHqIsBelowTheThreshold();

        new ThemesPresenter(api, NORTHWIND, view).load(wave, Locale.JAPANESE);

        List<ThemesPresenter.Chip> chips = shown.getLast().getFirst().chips();
        assertEquals(new ThemesPresenter.Chip("承認", null, "ja", 9,
                List.of("instrument.sign.EXECUTION_DELAY", "instrument.sign.AUTHORITY_GAP")), chips.get(0));
        // No Japanese gloss for "roadmap": the English term stands, marked English.
        assertEquals(new ThemesPresenter.Chip("roadmap", null, "en", 4, List.of()), chips.get(1));
    }

    @Test
    void aSideShownWithoutAnyTermReachingTheMinimumSaysSo() {
        api.waveThemes.put(wave, new WaveThemes(wave, 10, 3, List.of(new SideThemes(Side.JAPAN, 11L, List.of(), null))));

        new ThemesPresenter(api, NORTHWIND, view).load(wave, Locale.ENGLISH);

        ThemesPresenter.Column japan = shown.getLast().getFirst();
        assertNull(japan.suppressedKey());
        assertEquals("dashboard.themes.none", japan.emptyKey());
        assertEquals(3, japan.minimumMentions());
    }
}
