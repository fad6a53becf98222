package com.kakehashi.console.api;

import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One id follows a click through the console and the backend: a real Jetty serving a page through
 * the console's {@link RequestIdFilter} calls a real local HTTP server (standing in for the backend)
 * through the generated client, which records the X-Request-Id of every call it receives.
 */
class RequestIdForwardingTest {

    private static final java.util.regex.Pattern UUID_TEXT = java.util.regex.Pattern.compile("[0-9a-f-]{36}");

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer backend;
    private Server console;
    private final HttpClient browser = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            received.add(String.valueOf(exchange.getRequestHeaders().getFirst(RequestIds.HEADER)));
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        KakehashiApi api = new RestAuthenticator(URI.create("http://127.0.0.1:" + backend.getAddress().getPort())).connect("token");

        // A "click": one console request that makes two API calls, as a view that loads a list twice would.
        var context = new ServletContextHandler();
        context.addFilter(RequestIdFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                api.tenants();
                api.tenants();
                response.setStatus(204);
            }
        }), "/click");
        console = new Server();
        var connector = new ServerConnector(console);
        connector.setHost("127.0.0.1");
        console.addConnector(connector);
        console.setHandler(context);
        console.start();
    }

    @AfterEach
    void stop() throws Exception {
        console.stop();
        backend.stop(0);
    }

    private HttpResponse<Void> click(String requestId) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ((ServerConnector) console.getConnectors()[0]).getLocalPort() + "/click"));
        if (requestId != null) {
            request.header(RequestIds.HEADER, requestId);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void everyApiCallOfOneClickCarriesTheIdTheConsoleAnswersWith() throws Exception {
        HttpResponse<Void> response = click(null);

        String id = response.headers().firstValue(RequestIds.HEADER).orElseThrow();
        assertTrue(UUID_TEXT.matcher(id).matches(), id);
        assertEquals(List.of(id, id), received);
    }

    @Test
    void twoClicksHaveTwoIds() throws Exception {
        click(null);
        click(null);

        assertEquals(4, received.size());
        assertEquals(received.get(0), received.get(1));
        assertEquals(received.get(2), received.get(3));
        assertNotEquals(received.get(0), received.get(2));
    }

    @Test
    void anIdFromTheIngressIsKeptSoItsLogJoinsTooButAnInsaneOneIsReplaced() throws Exception {
        click("ingress-7f3a.1");
        click("bad id <script>");

        assertEquals("ingress-7f3a.1", received.get(0));
        assertEquals("ingress-7f3a.1", received.get(1));
        assertTrue(UUID_TEXT.matcher(received.get(2)).matches(), received.get(2));
    }

    @Test
    void callsOutsideAConsoleRequestEachGetAnIdOfTheirOwn() {
        KakehashiApi api = new RestAuthenticator(URI.create("http://127.0.0.1:" + backend.getAddress().getPort())).connect("token");

        api.tenants();
        api.tenants();

        assertEquals(2, received.size());
        assertTrue(received.stream().allMatch(id -> UUID_TEXT.matcher(id).matches()), received.toString());
        assertNotEquals(received.get(0), received.get(1));
    }
}
