package com.kakehashi.console.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Northwind's global–local register as its HQ executive opens it, against the real backend with the demo data:
 * the two open disagreements come first, each with both sides' words, Japan's comment included; the rest follow
 * grouped by classification, and the item reopened by a change shows the version still in effect.
 */
class RegisterBrowserIT {

    private static final String DEMO_PASSWORD = "kakehashi-demo";

    private static RunningConsole console;

    @BeforeAll
    static void start() throws Exception {
        DemoStack.backend();
        console = DemoStack.console();
    }

    @Test
    void northwindsRegisterShowsItsTwoDisagreementsFirstWithEachSidesComment() {
        try (var browser = new Browser(console.url(), "en-US")) {
            List<WebElement> items = openRegister(browser);

            assertTrue(items.size() >= 10, "about ten items: " + items.size());
            assertEquals("DISAGREED", items.get(0).getAttribute("data-state"));
            assertEquals("DISAGREED", items.get(1).getAttribute("data-state"));
            assertTrue(items.stream().skip(2).noneMatch(i -> "DISAGREED".equals(i.getAttribute("data-state"))));
            var disagreements = browser.byId("register-section-disagreements");
            assertEquals(2, disagreements.findElements(By.cssSelector(".register-item")).size());
            String discount = items.get(0).getText();
            assertTrue(discount.contains("Discount policy"), discount);
            assertTrue(discount.contains("HQ: agreed") && discount.contains("Japan: disagreed"), discount);
            assertTrue(discount.contains("ADAPTABLE"), "Japan's comment is shown: " + discount);
            assertTrue(items.get(1).getText().contains("HQ: disagreed"), items.get(1).getText());
            String reopened = browser.byId("register-section-adaptable").getText();
            assertTrue(reopened.contains("In effect until the change is agreed: version 1"), reopened);
            assertTrue(browser.byId("register-health").getText().contains("open disagreements: 2"),
                    browser.byId("register-health").getText());
            browser.screenshot("register-northwind-en");
        }
    }

    @Test
    void inJapaneseTheClassificationsReadNaturally() {
        try (var browser = new Browser(console.url(), "ja-JP")) {
            openRegister(browser);

            assertTrue(browser.byId("register-section-disagreements").getText().startsWith("未解決の不一致"));
            assertTrue(browser.byId("register-section-non_negotiable").getText().startsWith("譲れない（グローバル統一）"));
            assertTrue(browser.byId("register-section-local").getText().startsWith("ローカル（日本が決定）"));
            browser.screenshot("register-northwind-ja");
        }
    }

    private static List<WebElement> openRegister(Browser browser) {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
        browser.open("/login");
        ConsoleSteps.login(browser, "exec@northwind.example", DEMO_PASSWORD);
        ConsoleSteps.openTenant(browser, "Northwind Industries");
        browser.click("tab-register");
        browser.byId("register-panel");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("#register-panel .register-item")).size() >= 10);
        browser.waitForVaadin();
        return browser.driver.findElements(By.cssSelector("#register-panel .register-item"));
    }
}
