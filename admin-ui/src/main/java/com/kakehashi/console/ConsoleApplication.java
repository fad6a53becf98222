package com.kakehashi.console;

/**
 * Starts the console: Vaadin on embedded Jetty, talking to the backend whose URL is given by
 * {@code KAKEHASHI_API_URL}, listening on {@code KAKEHASHI_CONSOLE_PORT}.
 */
public final class ConsoleApplication {

    private ConsoleApplication() {
    }

    public static void main(String[] args) throws Exception {
        var server = ConsoleServer.start(ConsoleConfig.fromEnvironment(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "console-shutdown"));
        server.join();
    }
}
