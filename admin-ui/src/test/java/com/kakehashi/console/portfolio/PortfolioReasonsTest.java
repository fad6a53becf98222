package com.kakehashi.console.portfolio;

import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.PortfolioRecords.Reason;
import com.kakehashi.console.api.PortfolioRecords.SideRate;
import com.kakehashi.console.api.PortfolioRecords.SignRisk;
import com.kakehashi.console.api.PortfolioRecords.TenantSummary;
import com.kakehashi.console.api.PortfolioRecords.Trend;
import com.kakehashi.console.api.Side;
import com.kakehashi.console.i18n.ConsoleI18NProvider;
import com.kakehashi.console.portfolio.PortfolioPresenter.Card;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Each reason on a card is said in words, in English and Japanese, naming the signs concerned. */
class PortfolioReasonsTest {

    private static final ConsoleI18NProvider I18N = new ConsoleI18NProvider();

    private static TenantSummary northwind(List<Reason> reasons) {
        return new TenantSummary(Fixtures.NORTHWIND.id(), "Northwind Industries", 5, LocalDate.of(2026, 11, 9), 0.42,
                List.of(new SideRate(Side.HQ, 24, 12, 0.5), new SideRate(Side.JAPAN, 24, 8, 0.33)),
                List.of(new SignRisk("EXCLUSION", Side.JAPAN, 63.4, null, null, 48.0, Trend.UP, null, null),
                        new SignRisk("EXCLUSION", Side.HQ, 31.0, null, null, 30.0, Trend.FLAT, null, null),
                        new SignRisk("SILENT_DISSENT", Side.JAPAN, 58.0, null, null, 44.0, Trend.UP, null, null),
                        new SignRisk("TRUST_EROSION", Side.JAPAN, 52.0, null, null, 50.0, Trend.FLAT, null, null),
                        new SignRisk("RISK_LENS", Side.HQ, null, "BELOW_K", "hidden", null, null, "LATEST_HIDDEN", "hidden")),
                "EXCLUSION", 32.4, 3, 1, 95, reasons);
    }

    private static List<String> sentences(Card card, Locale locale) {
        return card.why().stream()
                .map(w -> ReasonText.sentence(w, (key, args) -> I18N.getTranslation(key, locale, args))).toList();
    }

    @Test
    void openAlertsHighRiskWorseningAndLowResponseAreSaidInEnglish() {
        var card = PortfolioPresenter.card(northwind(List.of(
                new Reason("OPEN_ALERTS", "3 open alerts, 1 high", 40),
                new Reason("HIGH_RISK", "3 sign values above 50", 30, Map.of("count", 3.0, "threshold", 50.0)),
                new Reason("WORSENING", "2 worse", 10, Map.of("count", 2.0)),
                new Reason("LOW_RESPONSE_RATE", "response rate 42%", 9, Map.of("rate", 0.42, "limit", 0.6)))));

        assertEquals(List.of(
                "3 open alerts, 1 of them high",
                "3 signs are above the risk threshold of 50: Exclusion (Japan) 63, Silent dissent (Japan) 58, "
                        + "Trust erosion (Japan) 52",
                "2 signs got worse since the previous closed wave, beyond noise: Exclusion (Japan) 63, Silent dissent (Japan) 58",
                "Only 42% answered the latest closed wave, so its numbers are less certain"),
                sentences(card, Locale.ENGLISH));
    }

    @Test
    void theSameReasonsAreSaidInJapaneseWithoutEnglishWords() {
        var card = PortfolioPresenter.card(northwind(List.of(
                new Reason("OPEN_ALERTS", "3 open alerts, 1 high", 40),
                new Reason("WORSENING", "2 worse", 10, Map.of("count", 2.0)),
                new Reason("LOW_RESPONSE_RATE", "response rate 42%", 9))));

        var japanese = sentences(card, Locale.JAPANESE);
        assertEquals("未対応のアラートが3件あります（うち重要度高 1件）", japanese.get(0));
        assertEquals("2件の警告サインが前回の締め切り済み配信回より悪化しています（誤差を超える変化）：初期議論からの除外（日本）63、沈黙による反対（日本）58",
                japanese.get(1));
        assertEquals("直近の締め切り済み配信回の回答率は42%にとどまり、数値の確かさが下がっています", japanese.get(2));
        japanese.forEach(s -> assertFalse(s.matches(".*[A-Za-z].*"), "English in: " + s));
    }

    @Test
    void aLongListOfSignsIsCutAfterThreeWithHowManyMore() {
        var summary = northwind(List.of(new Reason("HIGH_RISK", "4 above 30", 30, Map.of("count", 4.0, "threshold", 30.0))));
        var card = PortfolioPresenter.card(summary);

        assertEquals("4 signs are above the risk threshold of 30: Exclusion (Japan) 63, Silent dissent (Japan) 58, "
                + "Trust erosion (Japan) 52 and 1 more", sentences(card, Locale.ENGLISH).getFirst());
        assertEquals("4件の警告サインがリスクの閾値 30 を超えています：初期議論からの除外（日本）63、沈黙による反対（日本）58、信頼の低下（日本）52 ほか1件",
                sentences(card, Locale.JAPANESE).getFirst());
    }

    @Test
    void aReasonWithoutItsFiguresFallsBackToItsShortLabel() {
        var card = PortfolioPresenter.card(northwind(List.of(new Reason("HIGH_RISK", "3 sign values above 50", 30))));

        assertEquals(List.of("High risk"), sentences(card, Locale.ENGLISH));
        assertEquals(List.of("高リスク"), sentences(card, Locale.JAPANESE));
    }

    @Test
    void aClientWithoutAClosedWaveIsToldSo() {
        var card = PortfolioPresenter.card(northwind(List.of(new Reason("NO_CLOSED_WAVE", "no closed wave yet", 0))));

        assertEquals(List.of("No closed wave yet, so there is nothing to read"), sentences(card, Locale.ENGLISH));
        assertEquals(List.of("締め切り済みの配信回がまだないため、読み取れる結果がありません"), sentences(card, Locale.JAPANESE));
    }

    @Test
    void openRegisterDisagreementsAreSaidWithTheirCountAndAge() {
        var card = PortfolioPresenter.card(northwind(List.of(new Reason("OPEN_DISAGREEMENTS", "2 open disagreements", 15,
                Map.of("open", 2.0, "oldestDays", 56.0)))));

        assertEquals(List.of("2 open disagreements between HQ and Japan in the global–local register, the oldest for 56 days"),
                sentences(card, Locale.ENGLISH));
        assertEquals(List.of("グローバル・ローカル台帳で本社と日本の不一致が2件未解決です（最長56日）"), sentences(card, Locale.JAPANESE));
    }

    @Test
    void overdueActionsAreSaidWithTheirCountAndTheOldestDelay() {
        var card = PortfolioPresenter.card(northwind(List.of(new Reason("OVERDUE_ACTIONS", "1 overdue action", 5,
                Map.of("count", 1.0, "oldestDays", 16.0)))));

        assertEquals(List.of("1 action is past the due date, the oldest by 16 days"), sentences(card, Locale.ENGLISH));
        assertEquals(List.of("期限を過ぎた施策が1件あります（最長16日超過）"), sentences(card, Locale.JAPANESE));
    }
}
