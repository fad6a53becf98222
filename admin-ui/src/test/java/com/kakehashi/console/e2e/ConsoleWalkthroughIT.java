package com.kakehashi.console.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real browser against {@link FakeBackend}: proves the screens render and wire up without the
 * real backend, and leaves screenshots of each key screen in both languages under target/screenshots.
 */
class ConsoleWalkthroughIT {

    private static FakeBackend backend;
    private static RunningConsole console;

    @BeforeAll
    static void start() throws Exception {
        backend = new FakeBackend();
        console = new RunningConsole(backend.uri());
    }

    @AfterAll
    static void stop() {
        console.close();
        backend.close();
    }

    @Test
    void consultantImportsParticipantsIntoNorthwindInEnglish() throws Exception {
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.open("/");
            browser.byId("login-email");
            browser.screenshot("en-01-login");
            ConsoleSteps.login(browser, "consultant@kakehashi.example", FakeBackend.PASSWORD);
            ConsoleSteps.waitUntilLandedOn(browser, "portfolio");
            browser.screenshot("en-02-portfolio");

            ConsoleSteps.openTenant(browser, "Northwind Industries");
            browser.waitUntilGridContains("participant-grid", "田中 由紀");
            browser.screenshot("en-03-participants");

            browser.upload("participant-upload", csv("""
                    email,name,side,level,language,time_zone,department
                    kobayashi.aoi@northwind.example,小林 葵,JAPAN,STAFF,ja,Asia/Tokyo,人事部
                    emma.brown@northwind.example,Emma Brown,HQ,MIDDLE_MANAGER,en,America/Chicago,Finance
                    bad.line@northwind.example,Bad Line,MARS,STAFF,en,,
                    """));
            browser.waitUntilGridContains("participant-grid", "小林 葵");
            assertTrue(browser.gridCells("participant-grid").contains("Emma Brown"));
            assertTrue(browser.byId("import-report").getText().contains("2 created"));
            assertTrue(browser.gridCells("import-errors").contains("must be HQ, JAPAN or REGIONAL"));
            browser.screenshot("en-04-import-report");

            browser.upload("participant-upload", csv("""
                    email,name,side,level,language
                    sato.kenta@northwind.example,佐藤 健太,JAPAN,EXECUTIVE,ja
                    """));
            browser.waitUntilGridContains("participant-grid", "佐藤 健太");
            // The second file's report replaces the first's (which had "2 created" and "1 rejected").
            assertTrue(browser.eventuallyShows("import-rejected", "0 rejected")
                            && browser.byId("import-created").getText().contains("1 created"),
                    "a second file can follow: " + browser.byId("import-report").getText());

            browser.click("participant-create");
            browser.byId("participant-form");
            browser.screenshot("en-05-participant-form");
            browser.driver.navigate().refresh();

            browser.click("tab-engagements");
            browser.waitUntilGridContains("engagement-grid", "Alignment diagnostic 2027");
            browser.screenshot("en-06-engagements");
        }
    }

    @Test
    void consultantsPortfolioPutsNorthwindFirstWithArrowsThatSayWhatTheyMean() {
        for (String language : new String[]{"en-US", "ja-JP"}) {
            try (var browser = new Browser(console.url(), language)) {
                browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1100));
                browser.open("/");
                ConsoleSteps.login(browser, "consultant@kakehashi.example", FakeBackend.PASSWORD);
                ConsoleSteps.waitUntilLandedOn(browser, "portfolio");
                var cards = browser.byId("portfolio-cards");
                new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
                        .until(d -> cards.findElements(org.openqa.selenium.By.className("portfolio-card")).size() == 2);
                var first = cards.findElements(org.openqa.selenium.By.className("portfolio-card")).getFirst();
                assertTrue(first.getText().startsWith("Northwind Industries"), first.getText());
                var up = first.findElement(org.openqa.selenium.By.className("portfolio-arrow-up"));
                assertTrue(up.getText().equals("↑"));
                assertTrue(up.getDomAttribute("aria-label").contains("55"), up.getDomAttribute("aria-label"));
                assertTrue(first.findElements(org.openqa.selenium.By.className("portfolio-hidden")).size() == 1);
                browser.screenshot(language.substring(0, 2) + "-07-portfolio");
            }
        }
    }

    @Test
    void executiveSeesTheConsoleInJapaneseAndNothingOfOtherTenants() {
        try (var browser = new Browser(console.url(), "ja-JP")) {
            browser.open("/");
            browser.byId("login-email");
            browser.screenshot("ja-01-login");
            ConsoleSteps.login(browser, "exec@contoso.example", FakeBackend.PASSWORD);
            ConsoleSteps.waitUntilLandedOn(browser, "tenants/[0-9a-f-]{36}\\?tab=dashboard");
            assertEquals("Contoso Medical", browser.byId("tenant-name-heading").getText());
            assertFalse(browser.pageText().contains("Northwind"));
            browser.screenshot("ja-02-dashboard");

            ConsoleSteps.openTenant(browser, "Contoso Medical");
            browser.waitUntilGridContains("participant-grid", "伊藤 舞");
            assertTrue(browser.pageText().contains("回答者"));
            assertFalse(browser.pageText().contains("監査ログ"), "executives get no audit tab");
            browser.screenshot("ja-03-participants");
        }
    }

    @Test
    void operatorSwitchesToJapaneseAndManagesUsers() {
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.open("/");
            ConsoleSteps.login(browser, "operator@kakehashi.example", FakeBackend.PASSWORD);
            browser.waitUntilGridContains("tenant-grid", "Northwind Industries");
            browser.click("language-toggle");
            browser.waitUntilTextPresent("クライアント");
            browser.open("/users");
            browser.waitUntilGridContains("user-grid", "exec@contoso.example");
            browser.screenshot("ja-04-users");
            browser.click("user-create");
            browser.byId("user-form");
            browser.screenshot("ja-05-user-form");
        }
    }

    /** The first small multiple of the sign grid stands for the grid: all of it is drawn by one call. */
    private static final String[] CHARTS = {"dashboard-sign-grid", "dashboard-rate-chart"};

    @Test
    void consultantWorksTheDashboardAlertsCommentsAndFilters() {
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.driver.manage().window().setSize(new Dimension(1400, 2200));
            browser.open("/login");
            ConsoleSteps.login(browser, "consultant@kakehashi.example", FakeBackend.PASSWORD);
            ConsoleSteps.openTenant(browser, "Northwind Industries");
            browser.click("tab-dashboard");
            browser.waitUntilChartsDrawn(CHARTS);
            assertTrue(backend.trendQueries.getLast().contains("engagementId="), "defaults to the active engagement");
            assertTrue(backend.trendQueries.getLast().contains("from=" + LocalDate.now().minusMonths(24)), backend.trendQueries.getLast());
            assertTrue(backend.trendQueries.getLast().contains("byLevel=false"), "every level: totals only");

            // Alerts: one row per condition, most urgent first, in words; the alerting sign is marked on its trend card.
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> cards(browser).size() == 2);
            assertTrue(cards(browser).getFirst().getText().contains("latest 71.5"), cards(browser).getFirst().getText());
            assertTrue(cards(browser).get(1).getText().contains("latest 42%"));
            assertTrue(cards(browser).getFirst().findElements(By.className("alert-acknowledge")).isEmpty(),
                    "actions live in the detail, not on the row");
            expand(browser, 0);
            assertTrue(cards(browser).getFirst().getText().contains("Latest 71.5 in the wave of"), cards(browser).getFirst().getText());
            assertTrue(cards(browser).getFirst().getText().contains("threshold 60.0"));
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> browser.byId("sign-cell-EXCLUSION")
                    .getDomAttribute("class").contains("sign-cell-alerting"));

            // Comments of the latest closed wave, each with its language; Japan's withheld with the reason.
            var comments = browser.byId("dashboard-comments");
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> !comments.findElements(By.cssSelector("[lang=ja]")).isEmpty());
            assertEquals("本社の方針転換の理由が現場に伝わっていません。", comments.findElement(By.cssSelector("[lang=ja]")).getText());
            assertTrue(comments.findElement(By.cssSelector("[lang=en]")).getText().startsWith("Tokyo hears"));
            assertTrue(comments.findElement(By.cssSelector("[data-side=JAPAN]")).getText().contains("fewer than 5 responses"));
            assertTrue(browser.byId("dashboard-silence").getText().contains("under 1 day"));
            assertTrue(browser.byId("dashboard-silence").getText().contains("fewer than 10 comments"),
                    "careful wording of three comments: only the reason, with the comment threshold");
            // Themes beside the comments: HQ's terms as chips with counts and signs, Japan's withheld with the threshold.
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#dashboard-themes-HQ .theme-chip")).isEmpty());
            assertTrue(browser.byId("dashboard-themes-HQ").getText().contains("decision"), browser.byId("dashboard-themes-HQ").getText());
            assertTrue(browser.byId("dashboard-themes-HQ").getText().contains("Exclusion"), browser.byId("dashboard-themes-HQ").getText());
            assertTrue(browser.byId("dashboard-themes-JAPAN").getText().contains("fewer than 10 comments"),
                    browser.byId("dashboard-themes-JAPAN").getText());
            browser.screenshot("en-07-dashboard");

            // Acknowledge, annotate and resolve the first alert.
            cards(browser).getFirst().findElement(By.className("alert-acknowledge")).click();
            browser.waitForVaadin();
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> cards(browser).getFirst().getText().contains("Acknowledged"));
            cards(browser).getFirst().findElement(By.cssSelector(".alert-note-field textarea")).sendKeys("Raised with the Tokyo GM");
            cards(browser).getFirst().findElement(By.className("alert-add-note")).click();
            browser.waitUntilTextPresent("Raised with the Tokyo GM");
            cards(browser).getFirst().findElement(By.className("alert-resolve")).click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> cards(browser).size() == 1);

            // A filter change asks the backend again and redraws every chart.
            int asked = backend.trendQueries.size();
            browser.tagCharts(CHARTS);
            browser.select("dashboard-period", "Last 12 months");
            browser.waitUntilChartsRedrawn(CHARTS);
            assertEquals(asked + 1, backend.trendQueries.size());
            assertTrue(backend.trendQueries.getLast().contains("from=" + LocalDate.now().minusMonths(12)), backend.trendQueries.getLast());
            browser.select("dashboard-level", "Staff");
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> backend.trendQueries.getLast().contains("levels=STAFF"));
        }
    }

    @Test
    void executiveReadsTheDashboardInJapaneseAndPrintsACleanPage() throws Exception {
        try (var browser = new Browser(console.url(), "ja-JP")) {
            browser.driver.manage().window().setSize(new Dimension(1400, 2200));
            browser.open("/login");
            ConsoleSteps.login(browser, "exec@northwind.example", FakeBackend.PASSWORD);
            ConsoleSteps.openTenant(browser, "Northwind Industries");
            browser.click("tab-dashboard");
            browser.waitUntilChartsDrawn(CHARTS);
            // The other test may have resolved one of the two alerts of the shared fake backend.
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> !cards(browser).isEmpty());
            expand(browser, 0);
            assertTrue(ConsoleSteps.alertActions(browser, "dashboard-alerts").isEmpty(),
                    "executives read alerts; acting on them is for the consultancy");
            assertTrue(browser.byId("dashboard-alerts").getText().contains("未対応")
                    || browser.byId("dashboard-alerts").getText().contains("確認済み"), "alert status in Japanese");
            browser.waitUntilTextPresent("本社の方針転換の理由が現場に伝わっていません。");
            browser.screenshot("ja-06-dashboard-exec");

            // A tablet: the charts stack, nothing runs off the side.
            browser.driver.manage().window().setSize(new Dimension(800, 1100));
            browser.waitUntilChartsDrawn(CHARTS);
            Object overflow = ((JavascriptExecutor) browser.driver).executeScript(
                    "const d = document.getElementById('dashboard'); return d.scrollWidth - d.clientWidth;");
            assertTrue(((Number) overflow).intValue() <= 1, "dashboard wider than a tablet by " + overflow + " px");
            browser.screenshot("ja-07-dashboard-tablet");

            browser.driver.manage().window().setSize(new Dimension(1400, 2200));
            browser.waitUntilChartsDrawn(CHARTS);
            PrintedPdf.assertCleanDashboard(((PrintsPage) browser.driver).print(new PrintOptions()),
                    List.of("初期議論からの除外", "未解決のアラート", "拠点別の沈黙の兆候"),
                    List.of("ログアウト", "クライアント", "回答者", "印刷"));
        }
    }

    private static List<WebElement> cards(Browser browser) {
        return browser.byId("dashboard-alert-list").findElements(By.className("alert-row"));
    }

    /** Opens an alert row's detail (the summary line is its disclosure button). */
    private static void expand(Browser browser, int row) {
        cards(browser).get(row).findElement(By.className("alert-summary")).click();
        browser.waitForVaadin();
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(d -> !cards(browser).get(row).findElements(By.className("alert-detail")).isEmpty());
    }

    @Test
    void anOperatorsNewClientIsRefusedOnItsFieldInJapaneseThenAsATakenNameAndThenOpens() {
        try (var browser = new Browser(console.url(), "ja-JP")) {
            browser.open("/");
            ConsoleSteps.login(browser, "operator@kakehashi.example", FakeBackend.PASSWORD);
            browser.waitUntilGridContains("tenant-grid", "Northwind Industries");
            browser.click("tenant-create");
            browser.byId("tenant-form");

            browser.click("tenant-save");
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(d -> browser.byId("tenant-name").getDomAttribute("invalid") != null);
            assertEquals("入力してください", browser.byId("tenant-name").getDomProperty("errorMessage"),
                    "the backend's blank-name refusal is said on the name field, in Japanese");
            assertTrue(browser.byId("tenant-form").isDisplayed(), "a refused form stays open");

            browser.type("tenant-name", "Northwind Industries");
            browser.click("tenant-save");
            browser.waitUntilTextPresent("同じ名前のクライアントがすでに存在します。");
            assertTrue(browser.byId("tenant-form").isDisplayed());

            browser.type("tenant-name", "Fabrikam Holdings");
            browser.click("tenant-save");
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().matches(".*/tenants/[0-9a-f-]{36}$"));
            assertEquals("Fabrikam Holdings", browser.byId("tenant-name-heading").getText());
            // The closed dialog leaves the page a round trip after the navigation.
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElements(By.id("tenant-form")).stream().noneMatch(WebElement::isDisplayed));
        }
    }

    @Test
    void anExpiredLoginTakesTheUserBackToTheLoginAndEndsTheSession() {
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.open("/");
            ConsoleSteps.login(browser, "consultant@kakehashi.example", FakeBackend.PASSWORD);
            ConsoleSteps.waitUntilLandedOn(browser, "portfolio");

            backend.expireLogin("consultant@kakehashi.example");
            browser.byId("main-nav").findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                    .filter(item -> "tenants".equals(item.getDomAttribute("path"))).findFirst().orElseThrow().click();
            ConsoleSteps.waitUntilLandedOn(browser, "login");
            browser.byId("login-email");

            browser.open("/tenants");
            ConsoleSteps.waitUntilLandedOn(browser, "login\\?next=tenants");

            ConsoleSteps.login(browser, "consultant@kakehashi.example", FakeBackend.PASSWORD);
            browser.waitUntilGridContains("tenant-grid", "Northwind Industries");
        }
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() {
        try (var browser = new Browser(console.url(), "en-US")) {
            browser.open("/login");
            ConsoleSteps.login(browser, "consultant@kakehashi.example", "wrong-password");
            browser.waitUntilTextPresent("Email or password is incorrect.");
            assertTrue(browser.driver.getCurrentUrl().endsWith("/login"));
        }
    }

    private static Path csv(String content) throws Exception {
        var file = Files.createTempFile(Files.createDirectories(Path.of("target", "csv")), "participants", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
