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

    /**
     * A consultant adds an item to Contoso's register (Northwind's stays as the demo wrote it), records HQ's agreement
     * and Japan's disagreement with a comment through the forms: the item moves to the open disagreements.
     */
    @Test
    void aConsultantAddsAnItemAndRecordsBothSidesWordsThroughTheForms() {
        try (var browser = new Browser(console.url(), "en-US")) {
            String title = "Trade-show budget " + System.nanoTime();
            openRegister(browser, "consultant@kakehashi.example", "Contoso Medical", 2);

            browser.click("register-add");
            browser.type("register-title", title);
            browser.select("register-area", "Other");
            browser.select("register-classification", "Adaptable (global intent, local form)");
            textArea(browser, "register-rationale", "Global budget; Japan picks the shows.");
            browser.click("register-item-save");
            WebElement card = card(browser, title);
            assertEquals("PENDING", card.getAttribute("data-state"));

            record(browser, title, "HQ", "Agree", "Robert Hayes", null);
            record(browser, title, "Japan", "Disagree", "田中 誠", "The budget is too small for Japanese shows.");

            card = card(browser, title);
            assertEquals("DISAGREED", card.getAttribute("data-state"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()", card);
            assertTrue(browser.byId("register-section-disagreements").getDomProperty("textContent").contains(title));
            String text = card.getDomProperty("textContent");
            assertTrue(text.contains("HQ: agreed — Robert Hayes"), text);
            assertTrue(text.contains("The budget is too small for Japanese shows."), text);
            browser.screenshot("register-contoso-recorded");
        }
    }

    private static void record(Browser browser, String title, String side, String decision, String approver, String comment) {
        var button = card(browser, title).findElement(By.cssSelector(".register-word-add"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        browser.waitForVaadin();
        browser.select("register-side", side);
        browser.select("register-decision", decision);
        browser.type("register-approver", approver);
        if (comment != null) {
            textArea(browser, "register-comment", comment);
        }
        browser.click("register-word-save");
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> d.findElements(By.id("register-word-form")).isEmpty());
    }

    private static WebElement card(Browser browser, String title) {
        try {
            return new WebDriverWait(browser.driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElements(By.cssSelector(".register-item")).stream()
                            .filter(c -> title.equals(c.findElement(By.cssSelector(".register-title")).getDomProperty("textContent")))
                            .findFirst().orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("register-card-missing");
            throw e;
        }
    }

    private static void textArea(Browser browser, String id, String text) {
        var area = browser.byId(id).findElement(By.cssSelector("textarea"));
        area.clear();
        area.sendKeys(text);
    }

    private static List<WebElement> openRegister(Browser browser) {
        return openRegister(browser, "exec@northwind.example", "Northwind Industries", 10);
    }

    private static List<WebElement> openRegister(Browser browser, String user, String tenant, int atLeast) {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
        browser.open("/login");
        ConsoleSteps.login(browser, user, DEMO_PASSWORD);
        ConsoleSteps.openTenant(browser, tenant);
        browser.click("tab-register");
        browser.byId("register-panel");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("#register-panel .register-item")).size() >= atLeast);
        browser.waitForVaadin();
        return browser.driver.findElements(By.cssSelector("#register-panel .register-item"));
    }
}
