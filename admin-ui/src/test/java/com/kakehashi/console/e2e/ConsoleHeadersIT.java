package com.kakehashi.console.e2e;

import com.kakehashi.console.ConsoleConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the running console says about itself on the wire: its session cookie, no server version, the forwarded address. */
class ConsoleHeadersIT {

    private static FakeBackend backend;
    private static RunningConsole plain;
    private static RunningConsole behindProxy;

    @BeforeAll
    static void start() throws Exception {
        backend = new FakeBackend();
        plain = new RunningConsole(backend.uri());
        behindProxy = new RunningConsole(new ConsoleConfig("127.0.0.1", 0, backend.uri(), true));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[]{plain, behindProxy, backend}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static HttpResponse<String> get(RunningConsole console, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(console.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLaxAndNotSecureOverPlainHttp() throws Exception {
        String cookie = sessionCookie(get(plain, "/login"));

        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertFalse(cookie.contains("Secure"), cookie);
    }

    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecureToo() throws Exception {
        String cookie = sessionCookie(get(behindProxy, "/login"));

        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
    }

    @Test
    void noServerHeaderNamesJettyOrItsVersion() throws Exception {
        for (String path : List.of("/login", "/console.css", "/no-such-page")) {
            HttpResponse<String> response = get(plain, path);
            assertTrue(response.headers().firstValue("Server").isEmpty(), path + ": " + response.headers().map());
            assertTrue(response.headers().firstValue("X-Powered-By").isEmpty(), path);
        }
    }

    @Test
    void aLoginInTheBrowserForwardsTheBrowsersAddressToTheBackend() {
        int before = backend.loginForwardedFor.size();
        try (var browser = new Browser(plain.url(), "en-US")) {
            browser.open("/login");
            ConsoleSteps.login(browser, "consultant@kakehashi.example", FakeBackend.PASSWORD);
            ConsoleSteps.waitUntilLandedOn(browser, "portfolio");
        }

        assertEquals("127.0.0.1", backend.loginForwardedFor.get(before));
    }
}
