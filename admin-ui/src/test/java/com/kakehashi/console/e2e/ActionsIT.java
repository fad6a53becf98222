package com.kakehashi.console.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In Chromium against the real backend with its demo data (DemoStory: Northwind's actions since the engagement
 * began): the actions tab lists them by status with the one overdue action marked in words, and the trend charts
 * of Exclusion (a sign the pre-briefing targets) carry the action's marker, while a sign it does not target does not.
 */
class ActionsIT {

    private static final String PASSWORD = "kakehashi-demo";
    private static final String PRE_BRIEFING = "Monthly pre-briefing of Japan leadership before global strategy meetings";
    private static final String GO_TO_MARKET = "Joint go-to-market plan for the new product line";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningConsole console;

    @BeforeAll
    static void start() throws Exception {
        DemoStack.backend();
        console = DemoStack.console();
    }

    @Test
    void theActionsTabListsNorthwindsActionsWithTheOverdueOneMarked() {
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.driver.manage().window().setSize(new Dimension(1440, 1000));
            browser.open("/");
            ConsoleSteps.login(browser, "consultant@kakehashi.example", PASSWORD);
            ConsoleSteps.openTenant(browser, "Northwind Industries");
            browser.click("tab-actions");
            List<WebElement> cards = new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> {
                var found = browser.byId("action-list").findElements(By.className("action-card"));
                return found.size() >= 7 ? found : null;
            });
            List<String> statuses = new ArrayList<>();
            cards.forEach(c -> statuses.add(c.getDomAttribute("data-status")));
            System.out.println("Northwind actions: " + statuses);
            assertEquals(statuses.stream().sorted(java.util.Comparator.comparing(s -> List.of("PROPOSED", "AGREED",
                    "IN_PROGRESS", "DONE", "DROPPED").indexOf(s))).toList(), statuses, "by status");

            WebElement briefing = card(cards, PRE_BRIEFING);
            assertEquals("IN_PROGRESS", briefing.getDomAttribute("data-status"));
            String briefingText = briefing.getText();
            assertTrue(briefingText.contains("In progress") && briefingText.contains("Exclusion")
                    && briefingText.contains("Consensus pace"), briefingText);
            assertTrue(briefingText.contains("HQ owner:") && briefingText.contains("Japan owner:")
                    && briefingText.contains("agreed"), "both owners and their agreements: " + briefingText);

            List<WebElement> overdue = browser.byId("action-list").findElements(By.cssSelector(".action-card.action-overdue"));
            assertEquals(1, overdue.size(), "exactly one overdue action");
            assertTrue(overdue.getFirst().getText().contains(GO_TO_MARKET), overdue.getFirst().getText());
            assertTrue(overdue.getFirst().findElement(By.className("action-overdue-badge")).getText().contains("Overdue"),
                    "said in words, not only in colour");
            Object background = ((JavascriptExecutor) browser.driver).executeScript(
                    "return getComputedStyle(arguments[0]).backgroundColor", overdue.getFirst());
            assertFalse("rgba(0, 0, 0, 0)".equals(background), "and highlighted: " + background);

            // A consultant moves actions along; the effect and comments open under the card.
            assertFalse(briefing.findElements(By.className("action-done")).isEmpty(), "a consultant may complete it");
            var toggle = briefing.findElement(By.className("action-toggle"));
            ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", toggle);
            browser.waitForVaadin();
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d ->
                    !card(browser.byId("action-list").findElements(By.className("action-card")), PRE_BRIEFING)
                            .findElements(By.className("action-effect-row")).isEmpty());
            String effect = card(browser.byId("action-list").findElements(By.className("action-card")), PRE_BRIEFING)
                    .findElement(By.className("action-effect")).getText();
            System.out.println("Pre-briefing effect: " + effect);
            assertTrue(effect.contains("Japan, Exclusion"), effect);
            browser.screenshot("actions-en");
        }
        try (var browser = new Browser(console.url(), "ja-JP")) {
            browser.driver.manage().window().setSize(new Dimension(1440, 1000));
            browser.open("/");
            ConsoleSteps.login(browser, "exec@northwind.example", PASSWORD);
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/tenants/"));
            browser.byId("tenant-tabs");
            browser.click("tab-actions");
            List<WebElement> cards = new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> {
                var found = browser.byId("action-list").findElements(By.className("action-card"));
                return found.size() >= 7 ? found : null;
            });
            String overdue = browser.byId("action-list").findElement(By.cssSelector(".action-card.action-overdue")).getText();
            assertTrue(overdue.contains("期限超過") && overdue.contains("実施中"), overdue);
            // An executive proposes and comments, but neither starts, completes, drops nor edits.
            assertTrue(browser.byId("action-list").findElements(By.cssSelector(".action-start, .action-done, .action-drop, .action-edit"))
                    .isEmpty(), "executives are not offered what the backend refuses them");
            assertTrue(browser.byId("action-create").isDisplayed());
            browser.screenshot("actions-ja-executive");
        }
    }

    @Test
    void theExclusionTrendChartShowsThePreBriefingsMarkerAndAnUntargetedSignDoesNot() throws Exception {
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.driver.manage().window().setSize(new Dimension(1440, 1000));
            browser.open("/");
            ConsoleSteps.login(browser, "consultant@kakehashi.example", PASSWORD);
            ConsoleSteps.openTenant(browser, "Northwind Industries");
            browser.click("tab-dashboard");
            new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                    .executeScript("return performance.getEntriesByName('kakehashi:grid-drawn').length > 0")));

            // Beside what was measured, what was agreed: the register's two disagreements and the one overdue action.
            // Below the grid, shown once the grid has drawn.
            var wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
            String register = wait.until(d -> {
                String text = d.findElement(By.id("dashboard-plans-register")).getText();
                return text.isEmpty() ? null : text;
            });
            assertTrue(register.contains("2 open disagreements"), register);
            String plans = browser.byId("dashboard-plans-actions").getText();
            assertTrue(plans.contains("1 overdue"), plans);

            JsonNode exclusion = markers(browser, "#sign-cell-EXCLUSION canvas");
            System.out.println("EXCLUSION markers: " + exclusion);
            JsonNode start = find(exclusion, "ACTION_START", PRE_BRIEFING);
            assertTrue(start != null, "the pre-briefing's start on the Exclusion chart: " + exclusion);
            assertTrue(start.get("label").asText().startsWith("Action started: " + PRE_BRIEFING), start.toString());
            assertTrue(start.get("position").asDouble() > 0, "placed on the wave axis: " + start);

            JsonNode trust = markers(browser, "#sign-cell-TRUST_EROSION canvas");
            assertTrue(find(trust, "ACTION_START", PRE_BRIEFING) == null, "not on a sign it does not target: " + trust);
            assertTrue(find(trust, null, "Engagement start") != null, "every chart keeps the engagement start: " + trust);
            assertTrue(browser.byId("dashboard-grid-legend").getText().contains("Action start/end"),
                    browser.byId("dashboard-grid-legend").getText());

            // The detail of the sign: the same marker, labelled, and the action's effect beside the chart.
            browser.driver.findElement(By.id("sign-cell-EXCLUSION")).click();
            browser.waitUntilChartsDrawn("dashboard-sign-chart");
            JsonNode detail = markers(browser, "#dashboard-sign-chart canvas");
            assertTrue(find(detail, "ACTION_START", PRE_BRIEFING) != null, detail.toString());
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d ->
                    browser.byId("dashboard-sign-actions").getText().contains(PRE_BRIEFING));
            String effect = browser.byId("dashboard-sign-actions").getText();
            System.out.println("Exclusion detail, actions: " + effect);
            assertTrue(effect.contains("Japan, Exclusion"), effect);
            browser.screenshot("dashboard-exclusion-action-marker");
        }
    }

    private static WebElement card(List<WebElement> cards, String title) {
        return cards.stream().filter(c -> c.findElement(By.className("action-title")).getText().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("no card titled " + title));
    }

    /** The markers a chart was configured with, as the plugin reads them. */
    private static JsonNode markers(Browser browser, String canvasSelector) throws Exception {
        return JSON.readTree((String) ((JavascriptExecutor) browser.driver).executeScript("""
                const c = Chart.getChart(document.querySelector(arguments[0]));
                return JSON.stringify(c.config.options.plugins.kkhMarkers.markers || []);
                """, canvasSelector));
    }

    private static JsonNode find(JsonNode markers, String kind, String labelPart) {
        for (JsonNode m : markers) {
            if ((kind == null || kind.equals(m.get("kind").asText())) && m.get("label").asText().contains(labelPart)) {
                return m;
            }
        }
        return null;
    }
}
