package com.kakehashi.console.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The respondent's whole path in headless Chromium against the real backend in demo mode: the link from the
 * invitation mail, a submission with one answer missing, the real submission, the link opened again. The
 * browser sends its own headers: a form post it makes with {@code Origin: null} (as it does from a page with
 * {@code Referrer-Policy: no-referrer}) must be accepted, so the successful submission itself guards that.
 */
class RespondentBrowserIT {

    private static final String DEMO_PASSWORD = "kakehashi-demo";
    /** Northwind's internal engagement name in the demo: never for respondents' eyes. */
    private static final String ENGAGEMENT = "Post-restructuring alignment 2026";
    private static final String TITLE_JA = "本社と日本法人の協働について";
    private static final String TITLE_EN = "Working together: HQ and Japan";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static BackendProcess backend;
    private static String token;
    private static String northwind;

    @BeforeAll
    static void start() throws Exception {
        backend = DemoStack.backend();
        token = consultantToken();
        northwind = first(get("/api/v1/tenants", token), "\"id\":\"([0-9a-f-]{36})\",\"name\":\"Northwind Industries\"");
    }

    @Test
    void respondentsFollowTheirMailedLinkAnswerInJapaneseOnAPhoneAndInEnglishOnADesktopAndAreCountedOnce() throws Exception {
        String waveId = launchNorthwindWave();
        List<JsonNode> mails = invitationMails();
        JsonNode japanese = mails.stream().filter(m -> m.get("subject").asText().contains("アンケートご回答のお願い"))
                .findFirst().orElseThrow(() -> new AssertionError("no Japanese invitation in " + mails));
        JsonNode english = mails.stream().filter(m -> m.get("subject").asText().contains("a short survey for you"))
                .findFirst().orElseThrow(() -> new AssertionError("no English invitation in " + mails));
        for (JsonNode mail : List.of(japanese, english)) {
            String subject = mail.get("subject").asText();
            assertTrue(subject.contains(TITLE_JA) || subject.contains(TITLE_EN), subject);
            assertFalse(subject.contains(ENGAGEMENT), subject);
        }

        answer(link(japanese), "ja", new Dimension(390, 844), TITLE_JA, "（JST）まで",
                "入力内容をご確認ください", "ご回答ありがとうございました", "回答はすでに受け付けています");
        answer(link(english), "en", new Dimension(1280, 900), TITLE_EN, null,
                "Please check your answers", "Thank you for your answers", "We have already received your answers");

        JsonNode wave = JSON.readTree(get("/api/v1/tenants/" + northwind + "/waves/" + waveId, token));
        assertEquals(2, wave.get("responded").asLong(), "one response per submitted invitee: " + wave);
    }

    /**
     * Opens the link as mailed, submits with the last statement unanswered, then complete, then opens the link
     * again. @param deadlineMark text the deadline must contain; null for the English pattern
     */
    private static void answer(String link, String language, Dimension window, String title, String deadlineMark,
                               String errorTitle, String thanks, String already) {
        assertTrue(link.startsWith(backend.uri() + "/s/"), "the mailed link points at this backend: " + link);
        try (var browser = new Browser(backend.uri().toString(), language)) {
            var driver = browser.driver;
            driver.manage().window().setSize(window);
            driver.get(link);

            String page = browser.pageText();
            assertEquals(title, driver.findElement(By.tagName("h1")).getText());
            assertFalse(page.contains(ENGAGEMENT), page);
            assertFalse(driver.getTitle().contains(ENGAGEMENT), driver.getTitle());
            String deadline = driver.findElement(By.cssSelector("p.closes time")).getText();
            if (deadlineMark != null) {
                assertTrue(deadline.matches("\\d{1,2}月\\d{1,2}日 \\d{1,2}:\\d{2}（JST）まで"), deadline);
            } else {
                assertTrue(deadline.matches("\\d{1,2} [A-Z][a-z]+, \\d{2}:\\d{2} [A-Z][A-Z0-9+:-]{1,8}"), deadline);
            }
            screenshot(browser, "respondent-" + language + "-form");

            List<WebElement> items = driver.findElements(By.cssSelector("fieldset.item"));
            assertTrue(items.size() >= 10, "a whole questionnaire: " + items.size());
            List<String> chosen = new ArrayList<>();
            for (int i = 0; i < items.size() - 1; i++) {
                chosen.add(choose(browser, items.get(i), i % 5 + 1));
            }
            submit(browser);

            browser.waitUntilTextPresent(errorTitle);
            WebElement missing = driver.findElements(By.cssSelector("fieldset.item")).getLast();
            assertTrue(missing.getAttribute("class").contains("has-error"), "the unanswered statement is marked");
            for (String id : chosen) {
                assertTrue(driver.findElement(By.id(id)).isSelected(), id + " kept after the error");
            }
            screenshot(browser, "respondent-" + language + "-missing");

            choose(browser, missing, 3);
            submit(browser);
            browser.waitUntilTextPresent(thanks);
            screenshot(browser, "respondent-" + language + "-thanks");

            driver.get(link);
            browser.waitUntilTextPresent(already);
        }
    }

    /** Clicks the label, as a person taps it (the radio itself may be styled away). @return the radio's id */
    private static String choose(Browser browser, WebElement item, int value) {
        WebElement radio = item.findElements(By.cssSelector("input[type=radio]")).get(value - 1);
        String id = radio.getAttribute("id");
        WebElement label = item.findElement(By.cssSelector("label[for='" + id + "']"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block:'center'})", label);
        label.click();
        assertTrue(radio.isSelected(), id);
        return id;
    }

    private static void submit(Browser browser) {
        WebElement button = browser.driver.findElement(By.cssSelector("form button[type=submit]"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block:'center'})", button);
        button.click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Browser.screenshot waits for Vaadin, which the respondent page does not have. */
    private static void screenshot(Browser browser, String name) {
        try {
            java.nio.file.Files.createDirectories(Browser.SCREENSHOTS);
            java.nio.file.Files.write(Browser.SCREENSHOTS.resolve(name + ".png"),
                    browser.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String link(JsonNode mail) {
        return mail.get("links").get(0).asText();
    }

    /** Invitations go out asynchronously: waits until the mailbox holds both a Japanese and an English one. */
    private static List<JsonNode> invitationMails() throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        List<JsonNode> mails = new ArrayList<>();
        while (System.currentTimeMillis() < deadline) {
            mails.clear();
            JSON.readTree(get("/demo/mailbox.json", null)).forEach(m -> {
                if (!m.get("links").isEmpty()) {
                    mails.add(m);
                }
            });
            boolean ja = mails.stream().anyMatch(m -> m.get("subject").asText().contains("アンケートご回答のお願い"));
            boolean en = mails.stream().anyMatch(m -> m.get("subject").asText().contains("a short survey for you"));
            if (ja && en) {
                return mails;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no Japanese and English invitations within two minutes: " + mails);
    }

    private static String launchNorthwindWave() throws Exception {
        String schedule = first(get("/api/v1/tenants/" + northwind + "/schedules", token), "\"id\":\"([0-9a-f-]{36})\"");
        var launched = HTTP.send(HttpRequest.newBuilder(
                        backend.uri().resolve("/api/v1/tenants/" + northwind + "/schedules/" + schedule + "/waves"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                // Other tests of the shared backend may have left a wave of this schedule open: say why a second one.
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Respondent browser test\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, launched.statusCode(), launched.body());
        return JSON.readTree(launched.body()).get("id").asText();
    }

    private static String consultantToken() throws Exception {
        var login = HTTP.send(HttpRequest.newBuilder(backend.uri().resolve("/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"consultant@kakehashi.example\",\"password\":\"" + DEMO_PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return first(login, "\"accessToken\":\"([^\"]+)\"");
    }

    private static String get(String path, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(backend.uri().resolve(path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String first(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no " + regex + " in " + text);
        }
        return matcher.group(1);
    }
}
