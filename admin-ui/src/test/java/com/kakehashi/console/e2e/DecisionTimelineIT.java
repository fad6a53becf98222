package com.kakehashi.console.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In Chromium against the real backend with its demo data: Northwind's decisions of the last year carry their
 * consensus stages, so the objective tab shows each decision's timeline and the article's trade-off in the
 * cycle times (consulted early: slower approval, quicker execution; docs/measurement.md, Decision cycle times).
 */
class DecisionTimelineIT {

    private static final String PASSWORD = "kakehashi-demo";
    private static RunningConsole console;

    @BeforeAll
    static void start() throws Exception {
        DemoStack.backend();
        console = DemoStack.console();
    }

    @Test
    void northwindsDecisionTimelineShowsTheCycleTimeComparison() {
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.driver.manage().window().setSize(new Dimension(1440, 1000));
            browser.open("/");
            ConsoleSteps.login(browser, "consultant@kakehashi.example", PASSWORD);
            ConsoleSteps.openTenant(browser, "Northwind Industries");
            browser.click("tab-objective");
            var timeline = browser.byId("decision-timeline");
            var rows = new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> {
                var found = timeline.findElements(By.className("decision-timeline-row"));
                return found.size() >= 12 ? found : null;
            });
            long early = rows.stream().filter(r -> r.getText().contains("Consulted before the proposal")).count();
            assertTrue(early >= 6, "six decisions consulted Japan before the proposal: " + early);
            assertTrue(rows.stream().anyMatch(r -> r.getText().contains("Japan consulted") && r.getText().contains("Execution started")),
                    "stages in words");
            assertFalse(rows.getFirst().findElements(By.className("decision-timeline-bar")).isEmpty(), "a bar per decision");

            browser.waitUntilGridContains("decision-cycle-times", "Proposal → approval");
            var cells = browser.gridCells("decision-cycle-times");
            System.out.println("Northwind cycle times: " + cells);
            assertTrue(cells.stream().anyMatch(c -> c.startsWith("median 17.5 days")), cells.toString());
            assertTrue(cells.stream().anyMatch(c -> c.endsWith("days longer")), "approval slower when consulted early: " + cells);
            assertTrue(cells.stream().anyMatch(c -> c.endsWith("days shorter")), "execution quicker when consulted early: " + cells);
            scrollTo(browser, "decision-timeline");
            browser.screenshot("decision-timeline-en");
            scrollTo(browser, "decision-cycle-times");
            browser.screenshot("decision-cycle-times-en");
        }
        try (var browser = new Browser(console.url(), "ja-JP")) {
            browser.driver.manage().window().setSize(new Dimension(1440, 1000));
            browser.open("/");
            ConsoleSteps.login(browser, "exec@northwind.example", PASSWORD);
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/tenants/"));
            browser.byId("tenant-tabs");
            browser.click("tab-objective");
            browser.waitUntilGridContains("decision-cycle-times", "提案 → 承認");
            var cells = browser.gridCells("decision-cycle-times");
            assertTrue(cells.stream().anyMatch(c -> c.startsWith("中央値 17.5日")), cells.toString());
            String text = browser.byId("decision-timeline").getText();
            assertTrue(text.contains("提案前に相談済み") && text.contains("実行開始"), text);
            scrollTo(browser, "decision-timeline");
            browser.screenshot("decision-timeline-ja");
            scrollTo(browser, "decision-cycle-times");
            browser.screenshot("decision-cycle-times-ja");
        }
    }

    private static void scrollTo(Browser browser, String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript("arguments[0].scrollIntoView({block: 'start'});", browser.byId(id));
    }
}
