package com.kakehashi.console;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConsoleConfigTest {

    @Test
    void defaultsToPort8081AndTheLocalBackend() {
        assertEquals(new ConsoleConfig(8081, URI.create("http://localhost:8080")), ConsoleConfig.fromEnvironment(Map.of()));
    }

    @Test
    void takesPortAndBackendFromTheEnvironment() {
        var config = ConsoleConfig.fromEnvironment(Map.of("KAKEHASHI_CONSOLE_PORT", "9000",
                "KAKEHASHI_API_URL", "https://api.kakehashi.example/"));

        assertEquals(9000, config.port());
        assertEquals(URI.create("https://api.kakehashi.example"), config.apiUrl(), "a trailing slash would double up");
    }

    @Test
    void listensEverywhereOverPlainHttpUnlessTold() {
        var plain = ConsoleConfig.fromEnvironment(Map.of());
        var demo = ConsoleConfig.fromEnvironment(Map.of("KAKEHASHI_CONSOLE_HOST", "127.0.0.1",
                "KAKEHASHI_CONSOLE_BEHIND_PROXY", "true"));

        assertEquals(null, plain.host());
        assertEquals(false, plain.behindProxy());
        assertEquals("127.0.0.1", demo.host());
        assertEquals(true, demo.behindProxy());
    }
}
