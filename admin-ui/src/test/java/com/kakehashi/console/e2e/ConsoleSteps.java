package com.kakehashi.console.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/** Steps a person takes in the console, shared by the browser tests. */
final class ConsoleSteps {

    private ConsoleSteps() {
    }

    static void login(Browser browser, String email, String password) {
        browser.type("login-email", email);
        browser.type("login-password", password);
        browser.click("login-submit");
    }

    static void logout(Browser browser) {
        browser.click("logout");
        browser.byId("login-email");
    }

    /** Waits until the login has taken the browser to {@code path} (a regex of the path and query after the host). */
    static void waitUntilLandedOn(Browser browser, String path) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().matches("https?://[^/]+/" + path));
        browser.waitForVaadin();
    }

    /** From wherever the login landed: the list of clients, then the client's page. */
    static void openTenant(Browser browser, String name) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
        browser.byId("main-nav");
        if (!browser.driver.getCurrentUrl().matches("https?://[^/]+/tenants/?$")) {
            browser.open("/tenants");
        }
        browser.waitUntilGridContains("tenant-grid", name);
        browser.byId("tenant-grid").findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().equals(name)).findFirst().orElseThrow().click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().matches(".*/tenants/[0-9a-f-]{36}$"));
        browser.byId("tenant-tabs");
    }

    /** The controls that act on alerts (acknowledge, resolve, notes, settings) found inside {@code containerId}; reading stays. */
    static java.util.List<org.openqa.selenium.WebElement> alertActions(Browser browser, String containerId) {
        return browser.byId(containerId).findElements(By.cssSelector(
                ".alert-acknowledge, .alert-resolve, .alert-add-note, .alert-note-field, #dashboard-alert-settings"));
    }
}
