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
}
