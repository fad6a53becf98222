package com.kakehashi.console.e2e;

import com.kakehashi.console.ConsoleConfig;
import com.kakehashi.console.ConsoleServer;

import java.net.URI;

/** The console started in this JVM on a free port, talking to the given backend. */
final class RunningConsole implements AutoCloseable {

    private final ConsoleServer server;

    RunningConsole(URI backend) throws Exception {
        this(new ConsoleConfig(0, backend));
    }

    RunningConsole(ConsoleConfig config) throws Exception {
        server = ConsoleServer.start(config);
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
