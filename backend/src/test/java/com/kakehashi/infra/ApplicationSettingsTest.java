package com.kakehashi.infra;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every setting application.yml takes from an environment variable lands where something reads it:
 * a {@code kakehashi.*} key that the code asks for by name, or a key of a framework namespace. A key
 * of our own under a framework's namespace (as {@code micronaut.alerts.*} once was) resolves to
 * nothing, so the variable an operator sets silently changes nothing.
 */
class ApplicationSettingsTest {

    private static final Path BACKEND = Path.of("").toAbsolutePath();
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    /** Namespaces Micronaut and its modules read (configuration properties of the libraries on the classpath). */
    private static final List<String> FRAMEWORK = List.of("micronaut.application.", "micronaut.server.", "micronaut.executors.",
            "micronaut.router.", "micronaut.security.", "micronaut.serde.", "micronaut.data.", "micronaut.metrics.",
            "endpoints.", "datasources.", "liquibase.", "netty.", "jackson.");

    @Test
    void everyEnvironmentSettingLandsWhereTheCodeOrTheFrameworkReadsIt() throws IOException {
        Map<String, String> settings = environmentSettings(BACKEND.resolve("src/main/resources/application.yml"));
        assertThat(settings).as("application.yml settings taken from the environment").hasSizeGreaterThan(20);
        String sources = javaSources();
        List<String> unread = new ArrayList<>();
        settings.forEach((key, variable) -> {
            boolean read = key.startsWith("kakehashi.")
                    ? sources.contains("${" + key + ":") || sources.contains("${" + key + "}") || sources.contains("\"" + key + "\"")
                    : FRAMEWORK.stream().anyMatch(key::startsWith);
            if (!read) {
                unread.add(key + " (" + variable + ")");
            }
        });
        assertThat(unread).as("settings nothing reads").isEmpty();
    }

    @Test
    void aSettingOfOursUnderTheFrameworksNamespaceIsFound() {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        collect(new Yaml().load("micronaut:\n  alerts:\n    reevaluate-interval: ${KAKEHASHI_ALERT_REEVALUATE_INTERVAL:5m}\n"), "", settings);
        assertThat(settings).containsEntry("micronaut.alerts.reevaluate-interval", "KAKEHASHI_ALERT_REEVALUATE_INTERVAL");
        assertThat(FRAMEWORK.stream().anyMatch("micronaut.alerts.reevaluate-interval"::startsWith)).isFalse();
    }

    private static Map<String, String> environmentSettings(Path yaml) throws IOException {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(yaml)) {
            for (Object document : new Yaml().loadAll(reader)) {
                collect(document, "", settings);
            }
        }
        return settings;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, String path, Map<String, String> settings) {
        if (node instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).forEach((key, value) -> collect(value, path.isEmpty() ? key.toString() : path + "." + key, settings));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, path, settings));
        } else if (node != null) {
            Matcher matcher = ENV.matcher(node.toString());
            if (matcher.find()) {
                settings.put(path, matcher.group(1));
            }
        }
    }

    private static String javaSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(BACKEND.resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }
}
