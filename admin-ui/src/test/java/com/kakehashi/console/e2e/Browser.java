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
    /** Where files the page downloads land (Chromium saves without asking). */
    final Path downloads;

    Browser(String baseUrl, String language) {
        this.baseUrl = baseUrl;
        System.setProperty("SE_OFFLINE", "true");
        try {
            var profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chrome-profiles")), "p");
            downloads = Files.createDirectories(profile.resolve("downloads")).toAbsolutePath();
            var options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1400,900", "--lang=" + language,
                    "--user-data-dir=" + profile.toAbsolutePath());
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language,
                    "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
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

    /** Whether the element's text comes to hold the text within the usual wait: a report may follow the grid's refresh. */
    boolean eventuallyShows(String id, String text) {
        try {
            new WebDriverWait(driver, WAIT).until(d -> byId(id).getText().contains(text));
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
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
        // ChromeDriver adds to a multiple file input's earlier selection, so a second upload would send
        // the first file again (and its report could arrive last); a person choosing a file replaces it.
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = '';", input);
        input.sendKeys(file.toAbsolutePath().toString());
        waitForVaadin();
    }

    void waitForVaadin() {
        new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients && "
                        + "Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())")));
    }

    /** A chart.js chart exists on the canvas, has datasets, and the canvas has painted (non-transparent) pixels. */
    private static final String DRAWN = """
            const canvas = document.querySelector('#' + arguments[0] + ' canvas');
            if (!canvas || !window.Chart) { return false; }
            const chart = Chart.getChart(canvas);
            if (!chart || chart.data.datasets.length === 0 || canvas.width === 0) { return false; }
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { return true; } }
            return false;
            """;

    boolean chartDrawn(String chartId) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(DRAWN, chartId));
    }

    void waitUntilChartsDrawn(String... chartIds) {
        new WebDriverWait(driver, WAIT).until(d -> java.util.Arrays.stream(chartIds).allMatch(this::chartDrawn));
    }

    /** Tags the current chart of each canvas, so {@link #waitUntilChartsRedrawn} can tell a new chart from the old one. */
    void tagCharts(String... chartIds) {
        for (String id : chartIds) {
            ((JavascriptExecutor) driver).executeScript(
                    "Chart.getChart(document.querySelector('#' + arguments[0] + ' canvas')).$tagged = true;", id);
        }
    }

    /** Every chart was replaced since {@link #tagCharts} (the dashboard draws a new chart per load) and has painted. */
    void waitUntilChartsRedrawn(String... chartIds) {
        new WebDriverWait(driver, WAIT).until(d -> java.util.Arrays.stream(chartIds).allMatch(id ->
                chartDrawn(id) && Boolean.FALSE.equals(((JavascriptExecutor) d).executeScript(
                        "return !!Chart.getChart(document.querySelector('#' + arguments[0] + ' canvas')).$tagged;", id))));
    }

    /** Opens a vaadin-select and picks the item with this label. */
    void select(String selectId, String label) {
        byId(selectId).click();
        var item = new WebDriverWait(driver, WAIT).until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(e -> e.isDisplayed() && label.equals(e.getText().strip())).findFirst().orElse(null));
        item.click();
        waitForVaadin();
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

    /** The one file a download brought into {@link #downloads}, once Chromium has finished writing it. */
    Path downloaded(String suffix) {
        return new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            try (var files = Files.list(downloads)) {
                var all = files.toList();
                if (all.stream().anyMatch(f -> f.toString().endsWith(".crdownload"))) {
                    return null;
                }
                return all.stream().filter(f -> f.toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() {
        driver.quit();
    }
}
