package com.kakehashi.console.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Northwind's careful-wording chart on the dashboard, against the real backend with two years of demo history,
 * in English and Japanese: HQ and Japan as two lines, Japan's shown on most waves, rising after the restructuring
 * and easing after the engagement, and the waves it hides (Japan's holidays: fewer comments than the threshold)
 * named with their reason below the chart.
 */
class CarefulWordingChartIT {

    private static final String DEMO_PASSWORD = "kakehashi-demo";
    /** DemoStory in the backend: the restructuring 65 weeks before today, the engagement start 26 weeks before. */
    private static final LocalDate RESTRUCTURING = LocalDate.now().minusWeeks(65);
    private static final LocalDate ENGAGEMENT_START = LocalDate.now().minusWeeks(26);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningConsole console;

    @BeforeAll
    static void start() throws Exception {
        DemoStack.backend();
        console = DemoStack.console();
    }

    @Test
    void inEnglishJapansCarefulWordingIsDrawnRisesThenEasesAndHiddenWavesSayWhy() throws Exception {
        try (var browser = new Browser(console.url(), "en-US")) {
            JsonNode chart = openChart(browser);
            assertEquals("HQ", chart.get("labels").get(0).asText());
            assertEquals("Japan", chart.get("labels").get(1).asText());
            assertStory(chart);
            String notes = browser.byId("dashboard-careful-notes").getText();
            assertTrue(notes.contains("Japan · suppressed: fewer than 10 comments"), notes);
            assertTrue(browser.byId("dashboard-careful-box").getText().contains("Careful wording per side"));
            browser.screenshot("dashboard-careful-wording-en");
        }
    }

    @Test
    void inJapaneseTheSameChartSpeaksJapanese() throws Exception {
        try (var browser = new Browser(console.url(), "ja-JP")) {
            JsonNode chart = openChart(browser);
            assertEquals("本社", chart.get("labels").get(0).asText());
            assertEquals("日本", chart.get("labels").get(1).asText());
            assertStory(chart);
            String notes = browser.byId("dashboard-careful-notes").getText();
            assertTrue(notes.contains("日本 · 非表示：コメントが10件未満"), notes);
            assertTrue(browser.byId("dashboard-careful-box").getText().contains("拠点別の慎重な言い回し"));
            browser.screenshot("dashboard-careful-wording-ja");
        }
    }

    /** Logs in as Northwind's executive, opens the dashboard, scrolls to the chart and reads its data. */
    private static JsonNode openChart(Browser browser) throws Exception {
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1440, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        browser.open("/login");
        ConsoleSteps.login(browser, "exec@northwind.example", DEMO_PASSWORD);
        ConsoleSteps.openTenant(browser, "Northwind Industries");
        browser.click("tab-dashboard");
        browser.waitUntilChartsDrawn("dashboard-careful-chart");
        js(browser, "document.getElementById('dashboard-careful-box').scrollIntoView({block: 'center'})");
        return JSON.readTree((String) js(browser, """
                const c = Chart.getChart(document.querySelector('#dashboard-careful-chart canvas'));
                return JSON.stringify({ dates: c.data.isoDates, labels: c.data.datasets.map(d => d.label),
                    hq: c.data.datasets[0].data, japan: c.data.datasets[1].data,
                    japanHidden: c.data.datasets[1].suppressed });
                """));
    }

    private static void assertStory(JsonNode chart) {
        List<LocalDate> dates = new ArrayList<>();
        chart.get("dates").forEach(d -> dates.add(LocalDate.parse(d.asText())));
        List<Double> japan = values(chart.get("japan"));
        List<Double> hq = values(chart.get("hq"));
        long shown = japan.stream().filter(v -> v != null).count();
        long hidden = 0;
        for (JsonNode reason : chart.get("japanHidden")) {
            hidden += reason.isNull() ? 0 : 1;
        }
        double before = mean(dates, japan, RESTRUCTURING.minusWeeks(26), RESTRUCTURING);
        double peak = mean(dates, japan, ENGAGEMENT_START.minusWeeks(16), ENGAGEMENT_START);
        double lately = mean(dates, japan, ENGAGEMENT_START.plusWeeks(14), LocalDate.now().plusDays(1));
        System.out.printf("[careful wording chart] Japan shown on %d of %d waves (%d hidden with a reason): %.0f%% before the "
                + "restructuring, %.0f%% before the engagement, %.0f%% lately; HQ %.0f%% lately%n", shown, dates.size(), hidden,
                before, peak, lately, mean(dates, hq, ENGAGEMENT_START.plusWeeks(14), LocalDate.now().plusDays(1)));
        assertTrue(shown > dates.size() * 3 / 4 - 1, "shown on most waves: " + shown + " of " + dates.size());
        assertTrue(hidden > 0, "hidden waves carry their reason");
        assertTrue(peak > before + 20, "rises with Exclusion: " + before + " → " + peak);
        assertTrue(lately < peak - 15, "eases after the engagement: " + peak + " → " + lately);
    }

    private static List<Double> values(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(v -> out.add(v.isNull() ? null : v.asDouble()));
        return out;
    }

    private static double mean(List<LocalDate> dates, List<Double> values, LocalDate from, LocalDate until) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < dates.size(); i++) {
            if (!dates.get(i).isBefore(from) && dates.get(i).isBefore(until) && values.get(i) != null) {
                sum += values.get(i);
                n++;
            }
        }
        assertTrue(n >= 3, "shown values between " + from + " and " + until + ": " + n);
        return sum / n;
    }

    private static Object js(Browser browser, String script) {
        return ((JavascriptExecutor) browser.driver).executeScript(script);
    }
}
