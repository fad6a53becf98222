package com.kakehashi.console.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Northwind's dashboard, against the real backend with its demo history: beside the latest closed wave's comments,
 * "what Japan talks about" and what HQ talks about, in the reader's language. Where a side has fewer comments than
 * the comment threshold (Northwind's Japan is 24 people who rarely comment), the box says so with the threshold
 * instead of showing any term; where it has enough, its terms are chips with a count, the original term beside a
 * glossed one.
 */
class DashboardThemesIT {

    private static final String DEMO_PASSWORD = "kakehashi-demo";

    private static RunningConsole console;

    @BeforeAll
    static void start() throws Exception {
        DemoStack.backend();
        console = DemoStack.console();
    }

    @Test
    void inEnglishEachSideSaysWhatItTalksAboutOrWhyNothingIsShown() {
        try (var browser = new Browser(console.url(), "en-US")) {
            WebElement themes = open(browser);
            assertTrue(themes.getText().contains("What each side talks about in this wave"), themes.getText());
            WebElement japan = browser.byId("dashboard-themes-JAPAN");
            assertTrue(japan.getText().startsWith("What Japan talks about"), japan.getText());
            assertTermsOrReason(japan, "fewer than 10 comments", "from ");
            WebElement hq = browser.byId("dashboard-themes-HQ");
            assertTrue(hq.getText().startsWith("What HQ talks about"), hq.getText());
            assertTermsOrReason(hq, "fewer than 10 comments", "from ");
            browser.screenshot("dashboard-themes-en");
        }
    }

    @Test
    void inJapaneseTheSamePanelSpeaksJapanese() {
        try (var browser = new Browser(console.url(), "ja-JP")) {
            WebElement themes = open(browser);
            assertTrue(themes.getText().contains("このウェーブで各側が話題にしていること"), themes.getText());
            WebElement japan = browser.byId("dashboard-themes-JAPAN");
            assertTrue(japan.getText().startsWith("日本側の話題"), japan.getText());
            assertTermsOrReason(japan, "10", "コメント");
            browser.screenshot("dashboard-themes-ja");
        }
    }

    /** Either chips, each with a count, or the reason naming the comment threshold: never a term without a count. */
    private static void assertTermsOrReason(WebElement side, String reason, String shownMarker) {
        List<WebElement> chips = side.findElements(By.className("theme-chip"));
        if (chips.isEmpty()) {
            assertTrue(side.getText().contains("⊘") && side.getText().contains(reason), side.getText());
            return;
        }
        assertTrue(side.getText().contains(shownMarker), side.getText());
        for (WebElement chip : chips) {
            String count = chip.findElement(By.className("theme-count")).getText();
            assertTrue(Integer.parseInt(count) >= 3, "a listed term is mentioned by at least three comments: " + chip.getText());
            assertFalse(chip.findElement(By.className("theme-label")).getText().isBlank());
        }
    }

    private static WebElement open(Browser browser) {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 900));
        browser.open("/login");
        ConsoleSteps.login(browser, "exec@northwind.example", DEMO_PASSWORD);
        ConsoleSteps.openTenant(browser, "Northwind Industries");
        browser.byId("tab-dashboard").click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(90)).until(d ->
                !d.findElements(By.cssSelector("#dashboard-themes-JAPAN")).isEmpty());
        WebElement themes = browser.byId("dashboard-themes");
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", themes);
        assertEquals("dashboard-themes", themes.getDomAttribute("id"));
        return themes;
    }
}
