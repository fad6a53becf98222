package com.kakehashi.console.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real backend with its demo data, and a console in front of it, started once for every browser test of
 * the run that needs them and stopped when the test JVM ends. Each test class used to start its own pair: the
 * same demo database behind each, so nothing was isolated, but every class paid a backend boot and a console.
 * Tests still share the demo's state (a launched wave stays open), as they did through the shared database.
 */
final class DemoStack {

    private static BackendProcess backend;
    private static RunningConsole console;

    private DemoStack() {
    }

    /** Skips the calling test class when the backend jar has not been built. */
    static synchronized BackendProcess backend() throws Exception {
        assumeTrue(BackendProcess.available(), "backend jar not built: " + BackendProcess.JAR);
        if (backend == null) {
            backend = BackendProcess.startDemo();
            Runtime.getRuntime().addShutdownHook(new Thread(DemoStack::stop, "demo-stack-stop"));
        }
        return backend;
    }

    static synchronized RunningConsole console() throws Exception {
        var api = backend();
        if (console == null) {
            console = new RunningConsole(api.uri());
        }
        return console;
    }

    private static synchronized void stop() {
        if (console != null) {
            console.close();
        }
        if (backend != null) {
            backend.close();
        }
    }
}
