package com.kakehashi.console.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Northwind's dashboard as its executive opens it, against the real backend with two years of demo history: the
 * nine-sign grid fits the first screen, every chart draws, and the story reads from the chart data (Japan's
 * Exclusion rises after the restructuring and falls after the engagement starts). Prints how long the tab takes
 * to show its charts (no timing is asserted: the machine is shared).
 */
class DashboardOverviewIT {

    private static final String DEMO_PASSWORD = "kakehashi-demo";
    /** DemoStory in the backend: the restructuring 65 weeks before today, the engagement start 26 weeks before. */
    private static final LocalDate RESTRUCTURING = LocalDate.now().minusWeeks(65);
    private static final LocalDate ENGAGEMENT_START = LocalDate.now().minusWeeks(26);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static BackendProcess backend;
    private static RunningConsole console;

    @BeforeAll
    static void start() throws Exception {
        backend = DemoStack.backend();
        console = DemoStack.console();
    }

    @Test
    void atDesktopSizeTheNineSignsFillTheFirstScreenDrawAndTellNorthwindsStory() throws Exception {
        try (var browser = new Browser(console.url(), "en-US")) {
            String tenant = openDashboard(browser, 1440, 900, "desktop en");
            assertGridInFirstViewportAndDrawn(browser);
            assertExclusionInJapanRisesThenFalls(browser);
            assertTrue(text(browser, "dashboard-status-HQ").startsWith("HQ: "), text(browser, "dashboard-status-HQ"));
            assertTrue(text(browser, "dashboard-status-JAPAN").contains("response rate"), text(browser, "dashboard-status-JAPAN"));
            assertTrue(browser.byId("dashboard-grid-legend").getText().contains("Engagement start"),
                    "the engagement start is a labelled marker: " + browser.byId("dashboard-grid-legend").getText());
            browser.screenshot("dashboard-overview-en-1440");

            assertTheDetailOpensWithBandsAndAFittedGapScale(browser);
            browser.screenshot("dashboard-overview-en-1440-detail");
            assertHeatmapShowsTheSidesApartWithinThePage(browser);
            assertDriversDifferBetweenHqAndJapan(browser);

            // Warm: the same tab opened again in a new page, and the dashboard opened straight from its address.
            browser.open("/tenants/" + tenant);
            measureTabOpening(browser, "desktop en, second opening");
            browser.driver.get(console.url() + "/tenants/" + tenant + "?tab=dashboard");
            waitForGrid(browser);
            Object fromNavigation = js(browser, "return performance.getEntriesByName('kakehashi:grid-drawn').at(-1).startTime");
            System.out.printf("[dashboard timing] desktop en, address opened directly: grid drawn %.0f ms after navigation start%n",
                    ((Number) fromNavigation).doubleValue());
        }
    }

    @Test
    void atTabletSizeTheGridStillFitsAndNothingRunsOffTheSide() throws Exception {
        try (var browser = new Browser(console.url(), "en-US")) {
            openDashboard(browser, 1024, 768, "tablet en");
            assertGridInFirstViewportAndDrawn(browser);
            assertExclusionInJapanRisesThenFalls(browser);
            assertHeatmapShowsTheSidesApartWithinThePage(browser);
            Object overflow = js(browser, "const d = document.getElementById('dashboard'); return d.scrollWidth - d.clientWidth;");
            assertTrue(((Number) overflow).intValue() <= 1, "dashboard wider than 1024 px by " + overflow + " px");
            browser.screenshot("dashboard-overview-en-1024");
        }
    }

    @Test
    void inJapaneseTheSameGridDrawsAndTheStatusSpeaksJapanese() throws Exception {
        try (var browser = new Browser(console.url(), "ja-JP")) {
            openDashboard(browser, 1440, 900, "desktop ja");
            assertGridInFirstViewportAndDrawn(browser);
            assertExclusionInJapanRisesThenFalls(browser);
            String japan = text(browser, "dashboard-status-JAPAN");
            assertTrue(japan.startsWith("日本：") && japan.contains("回答率") && japan.contains("配信回"), japan);
            assertTrue(browser.byId("dashboard-grid-legend").getText().contains("プロジェクト開始"),
                    browser.byId("dashboard-grid-legend").getText());
            browser.screenshot("dashboard-overview-ja-1440");
            setViewport(browser, 1024, 768);
            assertGridInFirstViewportAndDrawn(browser);
            browser.screenshot("dashboard-overview-ja-1024");
        }
    }

    /** Logs in as Northwind's executive, opens the tenant and then its Dashboard tab; returns the tenant id. */
    private static String openDashboard(Browser browser, int width, int height, String what) {
        setViewport(browser, width, height);
        browser.open("/login");
        ConsoleSteps.login(browser, "exec@northwind.example", DEMO_PASSWORD);
        ConsoleSteps.openTenant(browser, "Northwind Industries");
        String url = browser.driver.getCurrentUrl();
        measureTabOpening(browser, what + ", first opening");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** Clicks the Dashboard tab and prints the time from the click to the grid's drawn mark. */
    private static void measureTabOpening(Browser browser, String what) {
        var tab = browser.byId("tab-dashboard");
        js(browser, """
                performance.clearMarks('kakehashi:grid-drawn');
                document.getElementById('tab-dashboard').addEventListener('click',
                    () => { window.kakehashiTabOpened = performance.now(); }, { capture: true, once: true });
                """);
        tab.click();
        waitForGrid(browser);
        Object took = js(browser, "return performance.getEntriesByName('kakehashi:grid-drawn').at(-1).startTime - window.kakehashiTabOpened");
        System.out.printf("[dashboard timing] %s: nine charts drawn %.0f ms after the tab was clicked%n", what,
                ((Number) took).doubleValue());
    }

    private static void waitForGrid(Browser browser) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(js(browser,
                "return performance.getEntriesByName('kakehashi:grid-drawn').length > 0")));
    }

    /** The viewport itself (not the window) at this size, as a screen of that size shows the page. */
    private static void setViewport(Browser browser, int width, int height) {
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    private static void assertGridInFirstViewportAndDrawn(Browser browser) throws Exception {
        JsonNode check = JSON.readTree((String) js(browser, """
                const cells = [...document.querySelectorAll('#dashboard-sign-grid .sign-cell')];
                return JSON.stringify({
                  width: window.innerWidth, height: window.innerHeight,
                  cells: cells.map(c => {
                    const r = c.getBoundingClientRect(), canvas = c.querySelector('canvas');
                    const chart = window.Chart && Chart.getChart(canvas);
                    let painted = false;
                    if (chart && canvas.width > 0) {
                      const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                      for (let i = 3; i < px.length; i += 4) { if (px[i] > 0) { painted = true; break; } }
                    }
                    return { sign: c.dataset.sign, top: r.top, bottom: r.bottom, left: r.left, right: r.right,
                             datasets: chart ? chart.data.datasets.length : 0, painted };
                  })
                });
                """));
        int width = check.get("width").asInt();
        int height = check.get("height").asInt();
        assertEquals(9, check.get("cells").size(), "all nine warning signs: " + check);
        for (JsonNode cell : check.get("cells")) {
            String sign = cell.get("sign").asText();
            assertTrue(cell.get("top").asDouble() >= 0 && cell.get("bottom").asDouble() <= height,
                    sign + " outside the first " + height + " px: " + cell);
            assertTrue(cell.get("left").asDouble() >= 0 && cell.get("right").asDouble() <= width,
                    sign + " outside the " + width + " px width: " + cell);
            assertEquals(2, cell.get("datasets").asInt(), sign + ": HQ and Japan");
            assertTrue(cell.get("painted").asBoolean(), sign + " has not drawn");
        }
    }

    /** Means of Japan's Exclusion over waves before and after each event, read from the chart object. */
    private static void assertExclusionInJapanRisesThenFalls(Browser browser) throws Exception {
        JsonNode data = JSON.readTree((String) js(browser, """
                const c = Chart.getChart(document.querySelector('#sign-cell-EXCLUSION canvas'));
                return JSON.stringify({ dates: c.data.isoDates, hq: c.data.datasets[0].data, japan: c.data.datasets[1].data });
                """));
        List<LocalDate> dates = new ArrayList<>();
        data.get("dates").forEach(d -> dates.add(LocalDate.parse(d.asText())));
        List<Double> japan = new ArrayList<>();
        data.get("japan").forEach(v -> japan.add(v.isNull() ? null : v.asDouble()));
        assertTrue(dates.getFirst().isBefore(RESTRUCTURING.minusWeeks(20)), "the default period reaches back before the restructuring: " + dates.getFirst());

        double beforeRestructuring = mean(dates, japan, RESTRUCTURING.minusWeeks(26), RESTRUCTURING);
        double beforeEngagement = mean(dates, japan, ENGAGEMENT_START.minusWeeks(12), ENGAGEMENT_START);
        double lately = mean(dates, japan, ENGAGEMENT_START.plusWeeks(14), LocalDate.now().plusDays(1));
        System.out.printf("[dashboard story] Japan Exclusion: %.1f before the restructuring, %.1f before the engagement, %.1f lately%n",
                beforeRestructuring, beforeEngagement, lately);
        assertTrue(beforeEngagement > beforeRestructuring + 5, "rises after the restructuring: " + beforeRestructuring + " → " + beforeEngagement);
        assertTrue(lately < beforeEngagement - 5, "falls after the engagement starts: " + beforeEngagement + " → " + lately);
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

    private static void assertTheDetailOpensWithBandsAndAFittedGapScale(Browser browser) {
        browser.driver.findElement(By.id("sign-cell-EXCLUSION")).click();
        browser.waitUntilChartsDrawn("dashboard-sign-chart", "dashboard-gap-chart");
        Object check = js(browser, """
                const sign = Chart.getChart(document.querySelector('#dashboard-sign-chart canvas'));
                const gap = Chart.getChart(document.querySelector('#dashboard-gap-chart canvas'));
                const bands = sign.data.datasets.filter(d => d.band).length;
                const y = gap.scales.y;
                return JSON.stringify({ bands, min: y.min, max: y.max, labels: sign.data.labels.length });
                """);
        JsonNode detail;
        try {
            detail = JSON.readTree((String) check);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertEquals(4, detail.get("bands").asInt(), "a 95% band (low and high) per side: " + detail);
        assertTrue(detail.get("min").asDouble() < 0 && detail.get("max").asDouble() > 0, "zero inside the gap scale: " + detail);
        assertTrue(detail.get("max").asDouble() - detail.get("min").asDouble() < 150, "fitted, not −100..100: " + detail);
        browser.click("dashboard-sign-detail-close");
    }

    private static void assertHeatmapShowsTheSidesApartWithinThePage(Browser browser) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d ->
                d.findElements(By.cssSelector("#dashboard-heatmap .heatmap-block")).size() == 3);
        Object blocks = js(browser, "return [...document.querySelectorAll('#dashboard-heatmap .heatmap-block')].map(b => b.dataset.block).join(',')");
        assertEquals("HQ,JAPAN,GAP", blocks);
        Object overflow = js(browser, "const h = document.getElementById('dashboard-heatmap'); return h.scrollWidth - h.clientWidth;");
        assertTrue(((Number) overflow).intValue() <= 1, "heatmap wider than the page by " + overflow + " px");
    }

    /** The article: the two sides optimise for different risks; the demo's drivers say so side by side. */
    private static void assertDriversDifferBetweenHqAndJapan(Browser browser) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(90)).until(d ->
                d.findElements(By.cssSelector("#dashboard-drivers-JAPAN .driver-row")).size() > 1
                        && d.findElements(By.cssSelector("#dashboard-drivers-HQ .driver-row")).size() > 1);
        Object japan = js(browser, "return [...document.querySelectorAll('#dashboard-drivers-JAPAN .driver-row')].slice(0, 2).map(r => r.dataset.sign).sort().join(',')");
        Object hq = js(browser, "return document.querySelector('#dashboard-drivers-HQ .driver-row').dataset.sign");
        assertEquals("EXCLUSION,SILENT_DISSENT", japan);
        assertEquals("EXECUTION_DELAY", hq);
        browser.byId("dashboard-drivers").getDomAttribute("id");
        browser.screenshot("dashboard-drivers-en-1440");
    }

    private static String text(Browser browser, String id) {
        return browser.byId(id).getText();
    }

    private static Object js(Browser browser, String script) {
        return ((JavascriptExecutor) browser.driver).executeScript(script);
    }
}
