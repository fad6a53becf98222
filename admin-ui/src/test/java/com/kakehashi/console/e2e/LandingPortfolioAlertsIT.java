package com.kakehashi.console.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In Chromium against the real backend with its demo data: where each role lands after the login, that a deep
 * link survives the login, the portfolio's grid at desktop, tablet and phone widths with its reasons in words,
 * and the dashboard's alert list opening a row to its detail.
 */
class LandingPortfolioAlertsIT {

    private static final String PASSWORD = "kakehashi-demo";
    private static final String DASHBOARD = "tenants/[0-9a-f-]{36}\\?tab=dashboard";
    private static BackendProcess backend;
    private static RunningConsole console;

    @BeforeAll
    static void start() throws Exception {
        backend = DemoStack.backend();
        console = DemoStack.console();
    }

    @Test
    void eachRoleLandsOnThePageItWorksFrom() {
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.open("/");
            ConsoleSteps.login(browser, "consultant@kakehashi.example", PASSWORD);
            ConsoleSteps.waitUntilLandedOn(browser, "portfolio");
            browser.byId("portfolio-cards");
            browser.screenshot("landing-consultant-portfolio");
        }
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.open("/");
            ConsoleSteps.login(browser, "exec@northwind.example", PASSWORD);
            ConsoleSteps.waitUntilLandedOn(browser, DASHBOARD);
            assertEquals("Northwind Industries", browser.byId("tenant-name-heading").getText());
            browser.byId("dashboard");
            assertTrue(browser.driver.findElements(By.id("tenant-grid")).isEmpty(), "not the admin table of clients");
            browser.screenshot("landing-executive-dashboard");
        }
        try (var browser = new Browser(console.url(), "ja-JP")) {
            browser.open("/");
            ConsoleSteps.login(browser, "operator@kakehashi.example", PASSWORD);
            ConsoleSteps.waitUntilLandedOn(browser, "tenants");
            browser.waitUntilGridContains("tenant-grid", "Northwind Industries");
            browser.screenshot("landing-operator-clients");
        }
    }

    @Test
    void aDeepLinkOpenedBeforeTheLoginOpensAfterIt() {
        String northwind;
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.open("/");
            ConsoleSteps.login(browser, "exec@northwind.example", PASSWORD);
            ConsoleSteps.waitUntilLandedOn(browser, DASHBOARD);
            String url = browser.driver.getCurrentUrl();
            northwind = url.substring(url.indexOf("/tenants/") + 9, url.indexOf('?'));
        }
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.open("/tenants/" + northwind + "?tab=engagements");
            browser.byId("login-email");
            assertTrue(browser.driver.getCurrentUrl().contains("/login?next="), browser.driver.getCurrentUrl());
            ConsoleSteps.login(browser, "consultant@kakehashi.example", PASSWORD);
            ConsoleSteps.waitUntilLandedOn(browser, "tenants/" + northwind + "\\?tab=engagements");
            browser.byId("engagement-grid");
        }
    }

    @Test
    void thePortfolioIsAGridOfThreeAtDesktopTwoAtTabletOneOnAPhoneWithReasonsInWords() {
        for (String language : List.of("en-US", "ja-JP")) {
            try (var browser = new Browser(console.url(), language)) {
                browser.open("/");
                ConsoleSteps.login(browser, "consultant@kakehashi.example", PASSWORD);
                ConsoleSteps.waitUntilLandedOn(browser, "portfolio");
                var cards = browser.byId("portfolio-cards");
                new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                        .until(d -> cards.findElements(By.className("portfolio-card")).size() == 2);
                String lang = language.substring(0, 2);

                browser.driver.manage().window().setSize(new Dimension(1440, 900));
                assertEquals(3, columns(browser), "columns at 1440×900");
                browser.screenshot(lang + "-portfolio-1440");
                browser.driver.manage().window().setSize(new Dimension(1024, 768));
                assertEquals(2, columns(browser), "columns at 1024×768");
                assertSideBySide(cards.findElements(By.className("portfolio-card")));
                browser.screenshot(lang + "-portfolio-1024");
                browser.driver.manage().window().setSize(new Dimension(390, 844));
                assertEquals(1, columns(browser), "columns on a phone");
                browser.screenshot(lang + "-portfolio-phone");
                browser.driver.manage().window().setSize(new Dimension(1440, 900));

                // Every card that needs attention says why in a sentence; Japanese has no English words in it.
                for (WebElement card : cards.findElements(By.className("portfolio-card-attention"))) {
                    var reasons = card.findElements(By.className("portfolio-reason"));
                    assertFalse(reasons.isEmpty(), "a card needing attention says why: " + card.getText());
                    for (WebElement reason : reasons) {
                        assertTrue(reason.getText().length() > 12, reason.getText());
                        if (lang.equals("ja")) {
                            assertFalse(reason.getText().matches(".*[A-Za-z]{3,}.*"), "English in: " + reason.getText());
                        }
                    }
                }
                if (lang.equals("ja")) {
                    assertFalse(browser.pageText().contains("ウェーブ"), "one word for a wave: 配信回");
                }
            }
        }
    }

    /**
     * Northwind recovered after the engagement, so its story's conditions (Japan's exclusion and silent dissent,
     * the gap) have all closed by themselves: the list shows them under "earlier in this period", read only.
     */
    @Test
    void northwindsResolvedConditionsOfThePeriodOpenToTheirHistoryWithoutActions() {
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.driver.manage().window().setSize(new Dimension(1440, 900));
            browser.open("/");
            ConsoleSteps.login(browser, "consultant@kakehashi.example", PASSWORD);
            ConsoleSteps.openTenant(browser, "Northwind Industries");
            browser.click("tab-dashboard");
            var rows = waitForResolvedRows(browser);
            assertTrue(rows.size() <= 5, "a short list: " + rows.size() + " rows");
            assertTrue(browser.byId("dashboard-alerts-earlier").getText().contains("Earlier in this period"));
            var story = rows.stream().filter(r -> mentionsTheStory(r.findElement(By.className("alert-sentence")).getText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no resolved Exclusion or Silent dissent condition: "
                            + rows.stream().map(WebElement::getText).toList()));
            String id = story.getDomAttribute("data-alert-id");
            String range = story.findElement(By.className("alert-since")).getText();
            assertTrue(range.contains(" – ") && range.contains("closed by"), "from–to and how it closed: " + range);
            assertTrue(story.findElements(By.className("alert-detail")).isEmpty(), "rows start closed");
            assertFalse(story.findElement(By.className("alert-sparkline")).findElements(By.tagName("svg")).isEmpty());
            System.out.println("Northwind resolved rows: " + rows.size() + "; opened: " + story.getText().replace('\n', ' '));

            click(browser, story.findElement(By.className("alert-summary")));
            browser.waitForVaadin();
            var detail = new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> {
                var found = resolvedRow(browser, id).findElements(By.className("alert-detail"));
                return found.isEmpty() ? null : found.getFirst();
            });
            assertFalse(detail.findElements(By.className("alert-history-row")).isEmpty(), "its history, wave by wave");
            assertTrue(ConsoleSteps.alertActions(browser, "dashboard-alert-resolved").isEmpty(),
                    "a resolved condition is history: no actions even for a consultant");
            assertEquals("true", resolvedRow(browser, id).findElement(By.className("alert-summary"))
                    .getDomAttribute("aria-expanded"));
            browser.screenshot("alert-list-resolved-consultant");
        }
        try (var browser = new Browser(console.url(), "ja-JP")) {
            browser.driver.manage().window().setSize(new Dimension(1440, 900));
            browser.open("/");
            ConsoleSteps.login(browser, "exec@northwind.example", PASSWORD);
            ConsoleSteps.waitUntilLandedOn(browser, DASHBOARD);
            var rows = waitForResolvedRows(browser);
            String id = rows.getFirst().getDomAttribute("data-alert-id");
            click(browser, rows.getFirst().findElement(By.className("alert-summary")));
            browser.waitForVaadin();
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(d -> !resolvedRow(browser, id).findElements(By.className("alert-detail")).isEmpty());
            assertTrue(ConsoleSteps.alertActions(browser, "dashboard-alerts").isEmpty(), "executives read alerts; acting on them is for the consultancy");
            String text = browser.byId("dashboard-alerts").getText();
            assertTrue(text.contains("この期間の解決済みアラート"), text);
            assertFalse(text.contains("ウェーブ"));
            assertFalse(text.contains("値 ") && text.contains(" · 閾値"), "a sentence, not '値 15.6 · 閾値 15.0'");
            browser.screenshot("alert-list-resolved-executive-ja");
        }
    }

    /** The resolved part sits low on the page: bring the row to the middle so nothing fixed covers it. */
    private static void click(Browser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private static boolean mentionsTheStory(String sentence) {
        String s = sentence.toLowerCase(java.util.Locale.ROOT);
        return s.contains("exclusion") || s.contains("silent dissent");
    }

    private static List<WebElement> waitForResolvedRows(Browser browser) {
        var list = browser.byId("dashboard-alert-resolved");
        return new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> {
            var rows = list.findElements(By.className("alert-row"));
            return rows.isEmpty() ? null : rows;
        });
    }

    private static WebElement resolvedRow(Browser browser, String id) {
        return browser.byId("dashboard-alert-resolved").findElement(By.cssSelector("[data-alert-id='" + id + "']"));
    }

    private static int columns(Browser browser) {
        browser.waitForVaadin();
        return ((Number) ((JavascriptExecutor) browser.driver).executeScript(
                "return getComputedStyle(document.getElementById('portfolio-cards')).gridTemplateColumns"
                        + ".split(' ').filter(s => s.length > 0).length;")).intValue();
    }

    private static void assertSideBySide(List<WebElement> cards) {
        assertEquals(cards.get(0).getLocation().getY(), cards.get(1).getLocation().getY(), "two cards on one row");
    }
}
