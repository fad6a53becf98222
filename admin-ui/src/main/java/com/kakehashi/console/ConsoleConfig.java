package com.kakehashi.console;

import java.net.URI;
import java.util.Map;

/** Where the console listens and which backend it talks to. Port 0 picks a free port (used by tests). */
public record ConsoleConfig(int port, URI apiUrl) {

    static final int DEFAULT_PORT = 8081;
    static final String DEFAULT_API_URL = "http://localhost:8080";

    public static ConsoleConfig fromEnvironment(Map<String, String> env) {
        var port = env.getOrDefault("KAKEHASHI_CONSOLE_PORT", String.valueOf(DEFAULT_PORT));
        var api = env.getOrDefault("KAKEHASHI_API_URL", DEFAULT_API_URL);
        return new ConsoleConfig(Integer.parseInt(port.strip()), URI.create(stripTrailingSlash(api.strip())));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
