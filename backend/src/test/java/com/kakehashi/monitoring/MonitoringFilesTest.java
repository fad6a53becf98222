package com.kakehashi.monitoring;

import com.kakehashi.support.Scrape;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * infra/monitoring against the running application: every metric the alert rules and the Grafana
 * dashboard read is in a real scrape of /prometheus (a renamed meter breaks this test, not the 3 a.m.
 * page), every business metric has a dashboard panel, and every alert has a runbook entry in
 * docs/operations.md. promtool checks the rules' syntax and their unit tests (.ci/run).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringFilesTest {

    private static final Path MONITORING = Path.of("..", "infra", "monitoring");
    private static final Pattern METRIC = Pattern.compile("\\b((?:kakehashi|dbscheduler|hikaricp|jdbc)_[a-z0-9_]+)");
    /** Histogram and summary series Prometheus derives from one meter. */
    private static final Pattern DERIVED = Pattern.compile("_(bucket|count|sum|max)$");

    private EmbeddedServer server;
    private Scrape scrape;

    @BeforeAll
    void scrapeARunningApplication() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1), "test");
        scrape = Scrape.of(server.getURL());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void everyMetricTheRulesAndTheDashboardReadIsExported() throws IOException {
        Set<String> exported = scrape.names();
        List<String> missing = new ArrayList<>();
        for (Path file : List.of(MONITORING.resolve("kakehashi.rules.yml"), MONITORING.resolve("grafana-dashboard.json"))) {
            for (String metric : metrics(Files.readString(file))) {
                if (!exported.contains(metric)) {
                    missing.add(file.getFileName() + ": " + metric);
                }
            }
        }
        assertThat(missing).as("read by infra/monitoring but not in /prometheus").isEmpty();
    }

    @Test
    void everyBusinessMetricHasADashboardPanel() throws IOException {
        String dashboard = Files.readString(MONITORING.resolve("grafana-dashboard.json"));
        Set<String> shown = new TreeSet<>();
        for (String metric : metrics(dashboard)) {
            shown.add(DERIVED.matcher(metric).replaceAll(""));
        }
        Set<String> business = new TreeSet<>();
        for (String name : scrape.names()) {
            if (name.startsWith("kakehashi_")) {
                business.add(DERIVED.matcher(name).replaceAll(""));
            }
        }
        assertThat(shown).as("business metrics on the dashboard").containsAll(business);
    }

    @Test
    void theDashboardIsGrafanaJsonWithPanelsThatQueryPrometheus() throws IOException {
        JsonMapper json = server.getApplicationContext().getBean(JsonMapper.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> dashboard = json.readValue(Files.readString(MONITORING.resolve("grafana-dashboard.json")), Map.class);
        assertThat(dashboard).containsKeys("title", "panels", "uid", "schemaVersion");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> panels = (List<Map<String, Object>>) dashboard.get("panels");
        assertThat(panels).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel).containsKeys("title", "type", "gridPos");
            if (!"row".equals(panel.get("type"))) {
                assertThat(panel).containsKey("targets");
            }
        });
    }

    @Test
    void everyAlertHasARunbookEntry() throws IOException {
        String rules = Files.readString(MONITORING.resolve("kakehashi.rules.yml"));
        String operations = Files.readString(Path.of("..", "docs", "operations.md"));
        Matcher alert = Pattern.compile("- alert: (\\w+)").matcher(rules);
        List<String> alerts = new ArrayList<>();
        while (alert.find()) {
            alerts.add(alert.group(1));
        }
        assertThat(alerts).isNotEmpty();
        assertThat(alerts).allSatisfy(name -> assertThat(operations).as("runbook for " + name).contains("#### " + name));
        assertThat(rules).as("every alert links its runbook").contains("runbook_url");
    }

    private static Set<String> metrics(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = METRIC.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
