package com.kakehashi.console;

import java.net.URI;
import java.util.Map;

/**
 * Where the console listens and which backend it talks to. Port 0 picks a free port (used by tests).
 * {@code host} null listens on every interface; the demo gives 127.0.0.1. {@code behindProxy}: the
 * console is served over HTTPS by a proxy that appends the browser's address to X-Forwarded-For
 * (KAKEHASHI_CONSOLE_BEHIND_PROXY=true): the session cookie is then Secure, and logins forward that
 * chain to the backend, which believes it only as far as its own trusted proxies go.
 */
public record ConsoleConfig(String host, int port, URI apiUrl, boolean behindProxy) {

    static final int DEFAULT_PORT = 8081;
    static final String DEFAULT_API_URL = "http://localhost:8080";

    public ConsoleConfig(int port, URI apiUrl) {
        this(null, port, apiUrl, false);
    }

    public static ConsoleConfig fromEnvironment(Map<String, String> env) {
        var port = env.getOrDefault("KAKEHASHI_CONSOLE_PORT", String.valueOf(DEFAULT_PORT));
        var api = env.getOrDefault("KAKEHASHI_API_URL", DEFAULT_API_URL);
        var host = env.getOrDefault("KAKEHASHI_CONSOLE_HOST", "").strip();
        var behindProxy = Boolean.parseBoolean(env.getOrDefault("KAKEHASHI_CONSOLE_BEHIND_PROXY", "false").strip());
        return new ConsoleConfig(host.isEmpty() ? null : host, Integer.parseInt(port.strip()),
                URI.create(stripTrailingSlash(api.strip())), behindProxy);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
