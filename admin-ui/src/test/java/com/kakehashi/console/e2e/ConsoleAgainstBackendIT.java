package com.kakehashi.console.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** End to end: the console in a browser against the real backend with its demo data. */
class ConsoleAgainstBackendIT {

    private static final String DEMO_PASSWORD = "kakehashi-demo";
    private static BackendProcess backend;
    private static RunningConsole console;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(BackendProcess.available(), "backend jar not built: " + BackendProcess.JAR);
        backend = BackendProcess.startDemo();
        console = new RunningConsole(backend.uri());
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void consultantImportsACsvIntoNorthwindAndSeesTheNewParticipants() throws Exception {
        var unique = Long.toString(System.nanoTime(), 36);
        var csv = Files.createTempFile(Files.createDirectories(Path.of("target", "csv")), "northwind", ".csv");
        Files.write(csv, ("""
                email,name,side,level,language
                aoi.%1$s@northwind.example,小林 葵 %1$s,JAPAN,STAFF,ja
                emma.%1$s@northwind.example,Emma Brown %1$s,HQ,MIDDLE_MANAGER,en
                """.formatted(unique)).getBytes(StandardCharsets.UTF_8));
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.open("/login");
            ConsoleSteps.login(browser, "consultant@kakehashi.example", DEMO_PASSWORD);
            ConsoleSteps.openTenant(browser, "Northwind Industries");
            browser.upload("participant-upload", csv);
            browser.waitUntilTextPresent("2 created");
            browser.type("participant-filter-text", unique);
            browser.waitUntilGridContains("participant-grid", "小林 葵 " + unique);
            assertTrue(browser.gridCells("participant-grid").contains("Emma Brown " + unique));
            browser.screenshot("backend-en-import");
        }
    }

    @Test
    void contosoExecutiveSeesNoTraceOfNorthwind() {
        try (var browser = new Browser(console.url(), "ja-JP")) {
            browser.open("/login");
            ConsoleSteps.login(browser, "exec@contoso.example", DEMO_PASSWORD);
            browser.waitUntilGridContains("tenant-grid", "Contoso Medical");
            assertFalse(browser.pageText().contains("Northwind"));
            ConsoleSteps.openTenant(browser, "Contoso Medical");
            browser.byId("participant-grid");
            assertFalse(browser.pageText().contains("Northwind"));
            assertFalse(browser.pageText().contains("northwind.example"));
            browser.screenshot("backend-ja-contoso-exec");
        }
    }

    @Test
    void consultantSeesTheDemoScheduleAndALaunchedWaveWithItsInvitations() throws Exception {
        String invited = launchNorthwindWaveThroughTheApi();
        try (var browser = new Browser(console.url(), "ja-JP")) {
            browser.open("/login");
            ConsoleSteps.login(browser, "consultant@kakehashi.example", DEMO_PASSWORD);
            ConsoleSteps.openTenant(browser, "Northwind Industries");
            browser.click("tab-instrument");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
                    .until(d -> browser.gridCells("instrument-items").stream().anyMatch(c -> c.startsWith("本社が発表した施策")));
            browser.screenshot("backend-ja-instrument");
            browser.click("tab-schedules");
            browser.waitUntilGridContains("schedule-grid", "Fortnightly pulse / 隔週パルス");
            browser.screenshot("backend-ja-schedules");
            browser.click("tab-waves");
            browser.waitUntilGridContains("wave-grid", invited);
            browser.screenshot("backend-ja-waves");
            browser.click("tab-mail");
            browser.byId("outbox-grid");
            browser.screenshot("backend-ja-mail");
        }
    }

    /** The demo's Northwind has one fortnightly schedule; launch it now. @return how many were invited */
    private static String launchNorthwindWaveThroughTheApi() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var login = http.send(java.net.http.HttpRequest.newBuilder(backend.uri().resolve("/login"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"consultant@kakehashi.example\",\"password\":\"" + DEMO_PASSWORD + "\"}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        String token = first(login, "\"accessToken\":\"([^\"]+)\"");
        String tenants = get(http, "/api/v1/tenants", token);
        String northwind = first(tenants, "\"id\":\"([0-9a-f-]{36})\",\"name\":\"Northwind Industries\"");
        String schedule = first(get(http, "/api/v1/tenants/" + northwind + "/schedules", token), "\"id\":\"([0-9a-f-]{36})\"");
        var launched = http.send(java.net.http.HttpRequest.newBuilder(
                        backend.uri().resolve("/api/v1/tenants/" + northwind + "/schedules/" + schedule + "/waves"))
                .header("Authorization", "Bearer " + token)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(201, launched.statusCode());
        String invited = first(launched.body(), "\"invited\":(\\d+)");
        org.junit.jupiter.api.Assertions.assertTrue(Integer.parseInt(invited) >= 48, "every demo participant is invited");
        return invited;
    }

    private static String get(java.net.http.HttpClient http, String path, String token) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(backend.uri().resolve(path))
                .header("Authorization", "Bearer " + token).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String first(String text, String regex) {
        var matcher = java.util.regex.Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no " + regex + " in " + text);
        }
        return matcher.group(1);
    }
}
