package com.kakehashi.console.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end: the console in a browser against the real backend with its demo data. */
class ConsoleAgainstBackendIT {

    private static final String DEMO_PASSWORD = "kakehashi-demo";
    private static BackendProcess backend;
    private static RunningConsole console;

    @BeforeAll
    static void start() throws Exception {
        backend = DemoStack.backend();
        console = DemoStack.console();
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
    void consultantsNewParticipantIsRefusedOnItsFieldsInJapaneseThenSavedAndASecondWithTheSameEmailIsRefused() {
        var unique = Long.toString(System.nanoTime(), 36);
        var email = "mika." + unique + "@northwind.example";
        var name = "中村 美香 " + unique;
        try (var browser = new Browser(console.url(), "ja-JP")) {
            browser.open("/login");
            ConsoleSteps.login(browser, "consultant@kakehashi.example", DEMO_PASSWORD);
            ConsoleSteps.openTenant(browser, "Northwind Industries");

            browser.click("participant-create");
            browser.click("participant-save");
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(d -> browser.byId("participant-displayName").getDomAttribute("invalid") != null);
            assertEquals("入力してください", browser.byId("participant-displayName").getDomProperty("errorMessage"),
                    "the backend's validation lands on the field it names, said in Japanese");
            assertTrue(browser.byId("participant-email").getDomAttribute("invalid") != null);

            browser.type("participant-email", email);
            browser.type("participant-displayName", name);
            browser.click("participant-save");
            browser.waitUntilTextPresent(name + " を保存しました。");

            browser.click("participant-create");
            browser.type("participant-email", email);
            browser.type("participant-displayName", name);
            browser.click("participant-save");
            browser.waitUntilTextPresent("このクライアントには同じメールアドレスの回答者がすでに存在します。");
            assertTrue(browser.byId("participant-form").isDisplayed(), "a refused form stays open");
        }
    }

    @Test
    void consultantsAlertSettingsMarkAValueOutOfRangeOnItsFieldAndCancelKeepsWhatWasSaved() {
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.open("/login");
            ConsoleSteps.login(browser, "consultant@kakehashi.example", DEMO_PASSWORD);
            ConsoleSteps.openTenant(browser, "Northwind Industries");
            browser.click("tab-dashboard");
            // The panels below the grid fill in after it has drawn and move the button; click it once they have settled.
            new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("return performance.getEntriesByName('kakehashi:grid-drawn').length > 0")));
            browser.waitForVaadin();
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "arguments[0].scrollIntoView({block: 'center'})", browser.byId("dashboard-alert-settings"));
            browser.click("dashboard-alert-settings");
            browser.byId("alert-settings-form");
            String saved = browser.byId("alert-settings-riskThreshold").getDomProperty("value");
            assertTrue(browser.byId("alert-settings-defaults").isDisplayed(), "a consultant may reset to the defaults");

            browser.type("alert-settings-riskThreshold", "150");
            browser.click("alert-settings-save");
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(d -> browser.byId("alert-settings-riskThreshold").getDomAttribute("invalid") != null);
            assertEquals("Enter a value from 0 to 100.",
                    browser.byId("alert-settings-riskThreshold").getDomProperty("errorMessage"));

            browser.click("alert-settings-cancel");
            browser.click("dashboard-alert-settings");
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(d -> saved.equals(browser.byId("alert-settings-riskThreshold").getDomProperty("value")));
            assertTrue(browser.byId("alert-settings-riskThreshold").getDomAttribute("invalid") == null,
                    "a reopened form starts without marks");
        }
    }

    @Test
    void consultantsRetentionSettingsRefuseAShortAuditPolicyOnItsFieldAndKeepWhatWasSaved() {
        try (var browser = new Browser(console.url(), "ja-JP")) {
            browser.open("/login");
            ConsoleSteps.login(browser, "consultant@kakehashi.example", DEMO_PASSWORD);
            ConsoleSteps.openTenant(browser, "Contoso Medical");
            // The last of many tabs sits under the tab strip's scroll button at this window width.
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].click()", browser.byId("tab-retention"));
            browser.waitForVaadin();
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(d -> "730".equals(browser.byId("retention-audit-days").getDomProperty("value")));
            assertEquals("30", browser.byId("retention-token-link-days").getDomProperty("value"));
            assertEquals("24", browser.byId("retention-comment-months").getDomProperty("value"));

            browser.type("retention-audit-days", "30");
            browser.click("retention-save");
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(d -> browser.byId("retention-audit-days").getDomAttribute("invalid") != null);
            browser.screenshot("retention-refused-ja");

            browser.type("retention-audit-days", "365");
            browser.click("retention-save");
            browser.waitForVaadin();
            browser.open("/tenants");
            ConsoleSteps.openTenant(browser, "Contoso Medical");
            // The last of many tabs sits under the tab strip's scroll button at this window width.
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].click()", browser.byId("tab-retention"));
            browser.waitForVaadin();
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(d -> "365".equals(browser.byId("retention-audit-days").getDomProperty("value")));
            assertTrue(browser.pageText().contains("データ保持"), browser.pageText());
        }
    }

    @Test
    void operatorDownloadsANewClientsExportThenDeletesItOnlyOnceItsExactNameIsTyped() throws Exception {
        var name = "Offboarded " + Long.toString(System.nanoTime(), 36);
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.open("/login");
            ConsoleSteps.login(browser, "operator@kakehashi.example", DEMO_PASSWORD);
            browser.waitUntilGridContains("tenant-grid", "Northwind Industries");
            browser.click("tenant-create");
            browser.type("tenant-name", name);
            browser.type("tenant-japan-subsidiary", name + " KK");
            browser.type("tenant-hq-country", "DE");
            browser.type("tenant-hq-time-zone", "Europe/Berlin");
            browser.click("tenant-save");
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().matches(".*/tenants/[0-9a-f-]{36}$"));
            // The last of many tabs sits under the tab strip's scroll button at this window width.
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].click()", browser.byId("tab-retention"));
            browser.waitForVaadin();

            browser.byId("tenant-export").click();
            var zip = browser.downloaded(".zip");
            assertTrue(zip.getFileName().toString().startsWith("kakehashi-export-Offboarded-"), zip.toString());
            try (var archive = new java.util.zip.ZipFile(zip.toFile())) {
                var entries = archive.stream().map(java.util.zip.ZipEntry::getName).toList();
                assertTrue(entries.contains("manifest.json"), entries.toString());
                var tenantJson = new String(archive.getInputStream(archive.getEntry("tenant.json")).readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(tenantJson.contains(name), tenantJson);
            }

            // The danger zone sits at the foot of the tab: bring it to the middle, as a person scrolls to it.
            ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                    .executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.byId("tenant-offboard"));
            browser.type("tenant-offboard-name", "Offboarded");
            browser.click("tenant-offboard");
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(d -> browser.byId("tenant-offboard-name").getDomAttribute("invalid") != null);
            assertTrue(browser.driver.getCurrentUrl().matches(".*/tenants/[0-9a-f-]{36}$"), "a wrong name leaves the client in place");
            browser.screenshot("offboard-refused-en");

            browser.type("tenant-offboard-name", name);
            browser.click("tenant-offboard");
            browser.waitUntilTextPresent(name + " and all its data were deleted.");
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().matches("https?://[^/]+/tenants/?$"));
            browser.waitUntilGridContains("tenant-grid", "Northwind Industries");
            assertFalse(browser.gridCells("tenant-grid").contains(name), "the deleted client is gone from the list");
        }
    }

    @Test
    void contosoExecutiveSeesNoTraceOfNorthwind() {
        try (var browser = new Browser(console.url(), "ja-JP")) {
            browser.open("/login");
            ConsoleSteps.login(browser, "exec@contoso.example", DEMO_PASSWORD);
            ConsoleSteps.waitUntilLandedOn(browser, "tenants/[0-9a-f-]{36}\\?tab=dashboard");
            assertFalse(browser.pageText().contains("Northwind"));
            ConsoleSteps.openTenant(browser, "Contoso Medical");
            browser.byId("engagement-grid");
            assertFalse(browser.pageText().contains("Northwind"));
            assertFalse(browser.pageText().contains("northwind.example"));
            browser.screenshot("backend-ja-contoso-exec");
        }
    }

    @Test
    void consultantsPortfolioListsBothDemoTenantsAndACardOpensTheDashboard() {
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.open("/login");
            ConsoleSteps.login(browser, "consultant@kakehashi.example", DEMO_PASSWORD);
            ConsoleSteps.waitUntilLandedOn(browser, "portfolio");
            var cards = browser.byId("portfolio-cards");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
                    .until(d -> cards.getText().contains("Northwind Industries") && cards.getText().contains("Contoso Medical"));
            assertEquals(2, cards.findElements(org.openqa.selenium.By.className("portfolio-card")).size());
            browser.screenshot("backend-en-portfolio-consultant");
            cards.findElements(org.openqa.selenium.By.className("portfolio-card")).stream()
                    .filter(c -> c.getText().contains("Northwind Industries")).findFirst().orElseThrow().click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().matches(".*/tenants/[0-9a-f-]{36}\\?tab=dashboard$"));
            browser.byId("dashboard");
            assertEquals("Northwind Industries", browser.byId("tenant-name-heading").getText());
        }
    }

    @Test
    void contosoExecutivesPortfolioShowsContosoOnly() {
        try (var browser = new Browser(console.url(), "ja-JP")) {
            browser.open("/login");
            ConsoleSteps.login(browser, "exec@contoso.example", DEMO_PASSWORD);
            ConsoleSteps.waitUntilLandedOn(browser, "tenants/[0-9a-f-]{36}\\?tab=dashboard");
            browser.open("/portfolio");
            var cards = browser.byId("portfolio-cards");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
                    .until(d -> cards.getText().contains("Contoso Medical"));
            assertEquals(1, cards.findElements(org.openqa.selenium.By.className("portfolio-card")).size());
            assertTrue(browser.pageText().contains("ポートフォリオ"));
            assertFalse(browser.pageText().contains("Northwind"));
            browser.screenshot("backend-ja-portfolio-contoso-exec");
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

    @Test
    void northwindExecutiveOpensTheDashboardAndTheChartsReallyDraw() throws Exception {
        // The demo comes with two years of fortnightly history (DemoStory); on top of it one live wave is
        // answered from the demo mailbox, which holds none of the history's mails.
        launchNorthwindWaveThroughTheApi();
        var seen = new java.util.HashSet<String>();
        int answered = answerFromTheDemoMailbox(Integer.MAX_VALUE, seen);
        assertTrue(answered >= 10, "answers in the live wave: " + answered);
        int mails = mailboxSize();
        assertTrue(mails < 300, "historic invitations never reach the mailbox: " + mails + " mails");
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2000));
            browser.open("/login");
            ConsoleSteps.login(browser, "exec@northwind.example", DEMO_PASSWORD);
            ConsoleSteps.openTenant(browser, "Northwind Industries");
            browser.click("tab-dashboard");
            browser.byId("dashboard-sign-grid");
            var js = (org.openqa.selenium.JavascriptExecutor) browser.driver;
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
                    .until(d -> browser.chartDrawn("dashboard-sign-grid") && browser.chartDrawn("dashboard-rate-chart"));
            // The default period (24 months) of the two years of history: 26+ fortnightly points; HQ and Japan
            // have values; Japan over its year-end and Golden Week waves (few answers, below k = 5) is
            // suppressed: null with its reason, never a zero.
            browser.screenshot("backend-en-dashboard-exec");
            Object check = js.executeScript("""
                    const c = Chart.getChart(document.querySelector('#dashboard-sign-grid canvas'));
                    const hq = c.data.datasets[0], japan = c.data.datasets[1];
                    const ok = c.data.datasets.length === 2 && c.data.labels.length >= 26
                        && hq.data.some(v => v !== null && v > 0)
                        && japan.data.some(v => v !== null && v > 0) && japan.data.some(v => v === null)
                        && japan.suppressed.some(t => t === 'BELOW_K');
                    return ok ? 'ok' : JSON.stringify(c.data.datasets.map(d => [d.label, d.data, d.suppressed]));
                    """);
            assertEquals("ok", check);
            browser.driver.findElement(org.openqa.selenium.By.cssSelector("#dashboard-sign-grid .sign-cell")).click();
            browser.waitUntilChartsDrawn("dashboard-sign-chart", "dashboard-gap-chart");
            assertTrue(browser.byId("dashboard-suppressed").getText().contains("Japan · "), "suppressed points are listed in words");
            browser.click("dashboard-sign-detail-close");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20)).until(d ->
                    !browser.byId("dashboard-heatmap").findElements(org.openqa.selenium.By.className("heatmap-value")).isEmpty());
            browser.screenshot("backend-en-dashboard-exec");

            // Alerts and the closed-wave detail render whatever the demo data holds; executives get no alert actions.
            var alerts = browser.byId("dashboard-alert-list");
            assertTrue(!alerts.findElements(org.openqa.selenium.By.className("alert-row")).isEmpty()
                    || !alerts.findElements(org.openqa.selenium.By.id("dashboard-alerts-none")).isEmpty(), "alerts panel renders");
            // The resolved part's "show all" is a button too: only the controls that act are for the consultancy.
            assertTrue(ConsoleSteps.alertActions(browser, "dashboard-alerts").isEmpty(),
                    "executives read alerts; acting on them is for the consultancy");
            assertTrue(browser.byId("dashboard-wave-detail").isDisplayed());

            // A filter change redraws every chart from a new trends answer.
            String[] charts = {"dashboard-sign-grid", "dashboard-rate-chart"};
            browser.tagCharts(charts);
            browser.select("dashboard-period", "Last 12 months");
            browser.waitUntilChartsRedrawn(charts);

            PrintedPdf.assertCleanDashboard(((org.openqa.selenium.PrintsPage) browser.driver)
                            .print(new org.openqa.selenium.print.PrintOptions()),
                    java.util.List.of("Exclusion", "Open alerts"), java.util.List.of("Sign out", "Participants"));
        }
        try (var browser = new Browser(console.url(), "ja-JP")) {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2000));
            browser.open("/login");
            ConsoleSteps.login(browser, "exec@northwind.example", DEMO_PASSWORD);
            ConsoleSteps.openTenant(browser, "Northwind Industries");
            browser.click("tab-dashboard");
            browser.byId("dashboard-sign-grid");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
                    .until(d -> browser.chartDrawn("dashboard-sign-grid"));
            assertTrue(browser.pageText().contains("最新の配信回"));
            browser.screenshot("backend-ja-dashboard-exec");
        }
    }

    /**
     * Answers every HQ invitation in the demo mailbox not in {@code seen} and at most {@code japanAnswers} Japanese
     * ones (regional ones are left alone), adding the answered links to {@code seen}. @return how many were answered
     */
    private static int answerFromTheDemoMailbox(int japanAnswers, java.util.Set<String> seen) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String token = consultantToken(http);
        String tenants = get(http, "/api/v1/tenants", token);
        String northwind = first(tenants, "\"id\":\"([0-9a-f-]{36})\",\"name\":\"Northwind Industries\"");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Map<String, String> sides = new java.util.HashMap<>();
        for (var p : json.readTree(get(http, "/api/v1/tenants/" + northwind + "/participants?size=500", token)).get("items")) {
            sides.put(p.get("email").asText().toLowerCase(), p.get("side").asText());
        }
        // Invitations go out asynchronously: wait until the mailbox stops growing.
        com.fasterxml.jackson.databind.JsonNode mails = null;
        int last = -1;
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            mails = json.readTree(get(http, "/demo/mailbox.json", null));
            int count = 0;
            for (var m : mails) {
                if (m.get("links").size() > 0 && sides.containsKey(address(m.get("to").asText()))
                        && !seen.contains(m.get("links").get(0).asText())) {
                    count++;
                }
            }
            if (count >= 40 && count == last) {
                break;
            }
            last = count;
            Thread.sleep(2000);
        }
        int hq = 0, japan = 0, respondent = seen.size();
        for (var m : mails) {
            String side = sides.get(address(m.get("to").asText()));
            if (side == null || m.get("links").isEmpty()) {
                continue;
            }
            if ("JAPAN".equals(side) && japan >= japanAnswers || !"HQ".equals(side) && !"JAPAN".equals(side)) {
                continue;
            }
            String link = m.get("links").get(0).asText();
            if (!seen.add(link)) {
                continue;
            }
            String path = link.substring(link.indexOf("/s/"));
            String form = get(http, path, null);
            var codes = new java.util.LinkedHashSet<String>();
            var matcher = java.util.regex.Pattern.compile("name=\"(q_[A-Za-z0-9_]+)\"").matcher(form);
            while (matcher.find()) {
                codes.add(matcher.group(1));
            }
            if (codes.isEmpty()) {
                continue; // already answered or closed
            }
            var body = new StringBuilder();
            int i = 0;
            for (String code : codes) {
                body.append(code).append('=').append(1 + (respondent + i++) % 5).append('&');
            }
            respondent++;
            var answered = http.send(java.net.http.HttpRequest.newBuilder(backend.uri().resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answered.statusCode(), answered.body());
            if ("HQ".equals(side)) {
                hq++;
            } else {
                japan++;
            }
        }
        return hq + japan;
    }

    private static int mailboxSize() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(get(http, "/demo/mailbox.json", null)).size();
    }

    /** "=?UTF-8?B?…?= <kato.10@jp.northwind.example>" → the address. */
    private static String address(String to) {
        var matcher = java.util.regex.Pattern.compile("<([^>]+)>").matcher(to);
        return (matcher.find() ? matcher.group(1) : to).strip().toLowerCase();
    }

    private static String consultantToken(java.net.http.HttpClient http) throws Exception {
        var login = http.send(java.net.http.HttpRequest.newBuilder(backend.uri().resolve("/login"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"consultant@kakehashi.example\",\"password\":\"" + DEMO_PASSWORD + "\"}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return first(login, "\"accessToken\":\"([^\"]+)\"");
    }

    @Test
    void consultantLaunchesAWaveThroughTheDialogSeeingWhoIsInvitedAndIsRefusedASecondWithoutAReason() throws Exception {
        var api = new DemoApi("consultant@kakehashi.example");
        String northwind = api.tenantId("Northwind Industries");
        String schedule = api.first("/api/v1/tenants/" + northwind + "/schedules", "\"id\":\"([0-9a-f-]{36})\"");
        api.closeOpenWaves(northwind);
        String preview = api.get("/api/v1/tenants/" + northwind + "/schedules/" + schedule + "/launch-preview");
        String total = first(preview, "\"invitees\":(\\d+),\"sides\"");
        String hq = first(preview, "\"side\":\"HQ\",\"invitees\":(\\d+)");
        String japan = first(preview, "\"side\":\"JAPAN\",\"invitees\":(\\d+)");
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.open("/login");
            ConsoleSteps.login(browser, "consultant@kakehashi.example", DEMO_PASSWORD);
            ConsoleSteps.openTenant(browser, "Northwind Industries");
            browser.click("tab-schedules");
            browser.waitUntilGridContains("schedule-grid", "Fortnightly pulse / 隔週パルス");
            for (int width : new int[] {1024, 1440}) {
                browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, width == 1024 ? 768 : 900));
                browser.waitForVaadin();
                browser.screenshot("backend-en-schedules-" + width);
                var launch = browser.driver.findElement(org.openqa.selenium.By.className("schedule-launch"));
                long viewport = ((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                        .executeScript("return document.documentElement.clientWidth")).longValue();
                var rect = launch.getRect();
                assertTrue(rect.getX() >= 0 && rect.getX() + rect.getWidth() <= viewport,
                        "launch button inside the " + viewport + " px viewport at " + width + ": " + rect.getX() + "+" + rect.getWidth());
                assertTrue(browser.gridCells("schedule-grid").stream().anyMatch(c -> c.contains("Every two weeks")));
                assertTrue(browser.gridCells("schedule-grid").stream().anyMatch(c -> c.contains("JST")),
                        "send times carry their zone: " + browser.gridCells("schedule-grid"));
            }

            browser.driver.findElement(org.openqa.selenium.By.className("schedule-launch")).click();
            browser.waitForVaadin();
            assertEquals("Invite " + total + " people (HQ " + hq + ", Japan " + japan + ")?",
                    browser.byId("launch-invitees").getText());
            browser.screenshot("backend-en-launch-dialog");
            browser.click("launch-confirm");
            browser.waitUntilTextPresent("has been launched");
            assertEquals(1, api.openWaves(northwind));

            browser.driver.findElement(org.openqa.selenium.By.className("schedule-launch")).click();
            browser.waitForVaadin();
            assertTrue(browser.byId("launch-open-wave").getText().contains("still open until"));
            browser.click("launch-confirm");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
                    .until(d -> browser.byId("launch-reason").getDomAttribute("invalid") != null);
            assertTrue(browser.byId("launch-reason").getText().contains("Give a reason"));
            browser.screenshot("backend-en-launch-needs-reason");
            assertEquals(1, api.openWaves(northwind), "no second wave without a reason");
            var refused = api.post("/api/v1/tenants/" + northwind + "/schedules/" + schedule + "/waves", null);
            assertEquals(409, refused.statusCode(), "the backend refuses it as well: " + refused.body());
        }
    }

    @Test
    void executiveWithoutTheParticipantPermissionHasNoParticipantsViewWhileOneWithItHas() throws Exception {
        var api = new DemoApi("consultant@kakehashi.example");
        String northwind = api.tenantId("Northwind Industries");
        String exec = first(api.get("/api/v1/tenants/" + northwind + "/members"),
                "\"userId\":\"([0-9a-f-]{36})\",\"email\":\"exec@northwind.example\"");
        String permission = "/api/v1/tenants/" + northwind + "/members/" + exec + "/participant-admin";
        try (var browser = new Browser(console.url(), "ja-JP")) {
            browser.open("/login");
            ConsoleSteps.login(browser, "exec@contoso.example", DEMO_PASSWORD);
            ConsoleSteps.openTenant(browser, "Contoso Medical");
            browser.byId("engagement-grid");
            assertTrue(browser.driver.findElements(org.openqa.selenium.By.id("tab-participants")).isEmpty(),
                    "no Participants tab without the permission");
            assertTrue(browser.driver.findElements(org.openqa.selenium.By.id("participant-grid")).isEmpty());
            browser.screenshot("backend-ja-exec-without-participants");
            ConsoleSteps.logout(browser);

            assertEquals(200, api.put(permission, "{\"participantAdmin\":true}").statusCode());
            browser.open("/login");
            ConsoleSteps.login(browser, "exec@northwind.example", DEMO_PASSWORD);
            ConsoleSteps.openTenant(browser, "Northwind Industries");
            browser.click("tab-participants");
            browser.screenshot("backend-ja-exec-with-participants-tab");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
                    .until(d -> browser.gridCells("participant-grid").stream().anyMatch(c -> c.contains("northwind.example")));
            browser.screenshot("backend-ja-exec-with-participants");
        } finally {
            api.put(permission, "{\"participantAdmin\":false}");
        }
    }

    /** The demo backend's API as one demo user, for set-up and checks beside the browser. */
    private static final class DemoApi {
        private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        private final String token;

        DemoApi(String email) throws Exception {
            var login = http.send(java.net.http.HttpRequest.newBuilder(backend.uri().resolve("/login"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + email + "\",\"password\":\"" + DEMO_PASSWORD + "\"}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            token = ConsoleAgainstBackendIT.first(login, "\"accessToken\":\"([^\"]+)\"");
        }

        String get(String path) throws Exception {
            return ConsoleAgainstBackendIT.get(http, path, token);
        }

        String first(String path, String regex) throws Exception {
            return ConsoleAgainstBackendIT.first(get(path), regex);
        }

        String tenantId(String name) throws Exception {
            return first("/api/v1/tenants", "\"id\":\"([0-9a-f-]{36})\",\"name\":\"" + name + "\"");
        }

        java.net.http.HttpResponse<String> post(String path, String json) throws Exception {
            return send("POST", path, json);
        }

        java.net.http.HttpResponse<String> put(String path, String json) throws Exception {
            return send("PUT", path, json);
        }

        private java.net.http.HttpResponse<String> send(String method, String path, String json) throws Exception {
            var request = java.net.http.HttpRequest.newBuilder(backend.uri().resolve(path))
                    .header("Authorization", "Bearer " + token);
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            return http.send(request.method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }

        /** Wave ids with status OPEN, from the wave list's JSON. */
        java.util.List<String> openWaveIds(String tenant) throws Exception {
            var matcher = java.util.regex.Pattern.compile("\"id\":\"([0-9a-f-]{36})\"[^{}]*?\"status\":\"OPEN\"")
                    .matcher(get("/api/v1/tenants/" + tenant + "/waves"));
            var ids = new java.util.ArrayList<String>();
            while (matcher.find()) {
                ids.add(matcher.group(1));
            }
            return ids;
        }

        long openWaves(String tenant) throws Exception {
            return openWaveIds(tenant).size();
        }

        void closeOpenWaves(String tenant) throws Exception {
            for (String id : openWaveIds(tenant)) {
                post("/api/v1/tenants/" + tenant + "/waves/" + id + "/close", null);
            }
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
                .header("Content-Type", "application/json")
                // Tests share the demo's one schedule: a wave of an earlier test may still be open.
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\":\"browser test: one more live wave\"}"))
                .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(201, launched.statusCode(), launched.body());
        String invited = first(launched.body(), "\"invited\":(\\d+)");
        org.junit.jupiter.api.Assertions.assertTrue(Integer.parseInt(invited) >= 44, "every HQ and Japan participant is invited");
        return invited;
    }

    private static String get(java.net.http.HttpClient http, String path, String token) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(backend.uri().resolve(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(),
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
