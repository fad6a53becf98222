package com.kakehashi.console.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (Selenium Manager stays offline), with a fresh profile
 * under target/ and helpers that understand Vaadin's web components.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    private final String baseUrl;

    Browser(String baseUrl, String language) {
        this.baseUrl = baseUrl;
        System.setProperty("SE_OFFLINE", "true");
        try {
            var profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chrome-profiles")), "p");
            var options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1400,900", "--lang=" + language,
                    "--user-data-dir=" + profile.toAbsolutePath());
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
            driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String path) {
        driver.get(baseUrl + path);
        waitForVaadin();
    }

    WebElement byId(String id) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            var found = d.findElements(By.id(id));
            return found.isEmpty() || !found.getFirst().isDisplayed() ? null : found.getFirst();
        });
    }

    /** Types into a Vaadin field: its native input lives in the light DOM under the component. */
    void type(String fieldId, String text) {
        var input = byId(fieldId).findElement(By.cssSelector("input"));
        input.clear();
        input.sendKeys(text);
    }

    void click(String id) {
        byId(id).click();
        waitForVaadin();
    }

    /** The text of every rendered cell of a grid, in document order. */
    List<String> gridCells(String gridId) {
        waitForVaadin();
        return byId(gridId).findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                // textContent, not getText(): cells scrolled out of view horizontally still count.
                .map(cell -> cell.getDomProperty("textContent").strip()).toList();
    }

    void waitUntilGridContains(String gridId, String text) {
        new WebDriverWait(driver, WAIT).until(d -> gridCells(gridId).contains(text));
    }

    void waitUntilTextPresent(String text) {
        new WebDriverWait(driver, WAIT).until(d -> pageText().contains(text));
    }

    String pageText() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.body.innerText");
    }

    /** Hands a file to a vaadin-upload: its file input is in the component's shadow root. */
    void upload(String uploadId, Path file) {
        var input = byId(uploadId).getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
        waitForVaadin();
    }

    void waitForVaadin() {
        new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients && "
                        + "Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())")));
    }

    Path screenshot(String name) {
        try {
            waitForVaadin();
            Thread.sleep(400); // let Lumo's transitions settle so the picture shows the final state
            Files.createDirectories(SCREENSHOTS);
            var target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
