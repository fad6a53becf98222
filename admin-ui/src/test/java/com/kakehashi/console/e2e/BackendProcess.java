package com.kakehashi.console.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The real backend as a child process, in demo mode against a throwaway database. This is the one place that
 * knows how to launch it; the jar can be overridden with {@code -Dkakehashi.backend.jar=…}.
 */
final class BackendProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("kakehashi.backend.jar",
            "../backend/target/kakehashi-backend-0.1.0-SNAPSHOT.jar"));
    // The demo writes two years of history before it listens; on a busy shared machine that takes minutes.
    private static final Duration START_TIMEOUT = Duration.ofSeconds(600);

    private final Process process;
    private final int port;

    private BackendProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean available() {
        return Files.isRegularFile(JAR);
    }

    /**
     * Every run starts from the demo as it is seeded today. The browser tests write to it (they launch and close
     * waves, add register items), and a database an earlier run left behind tells another story: the backend seeds
     * only an empty database, so the old one goes first. The backend's demo start creates it again.
     */
    private static void dropDatabase(String name) throws IOException, InterruptedException {
        var psql = new ProcessBuilder("psql", "-h", System.getenv().getOrDefault("KAKEHASHI_DB_HOST", "127.0.0.1"),
                "-U", System.getenv().getOrDefault("KAKEHASHI_DB_ADMIN_USER", "postgres"), "-d", "postgres",
                "-v", "ON_ERROR_STOP=1", "-c", "DROP DATABASE IF EXISTS \"" + name.replace("\"", "") + "\" WITH (FORCE)")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (psql.waitFor() != 0) {
            throw new IllegalStateException("could not drop the e2e database " + name + " (psql exit " + psql.exitValue() + ")");
        }
    }

    static BackendProcess startDemo() throws IOException, InterruptedException {
        var port = freePort();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Demo mode as the backend documents it in application-demo.yml; ran green against the shaded jar.
        // Run a copy: a backend build replacing the jar under a running JVM breaks its class loading mid-test.
        var jar = Files.copy(JAR, Files.createDirectories(Path.of("target")).resolve("backend-under-test.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        String database = System.getenv().getOrDefault("KAKEHASHI_E2E_DB", "kakehashi_e2e");
        dropDatabase(database);
        var builder = new ProcessBuilder(List.of(java, "-jar", jar.toAbsolutePath().toString()))
                .redirectErrorStream(true)
                .redirectOutput(Files.createDirectories(Path.of("target")).resolve("backend-e2e.log").toFile());
        builder.environment().putAll(Map.of(
                "KAKEHASHI_PORT", String.valueOf(port),
                // Parallel checkouts on one machine each name their own database.
                "KAKEHASHI_DB_NAME", database,
                "KAKEHASHI_DEMO", "true",
                // Links in the mails point at this very process, so a test can follow them as a person would.
                "KAKEHASHI_PUBLIC_URL", "http://127.0.0.1:" + port,
                // Every test respondent answers from 127.0.0.1; the per-client limit (30 a minute) is for real people.
                "KAKEHASHI_RESPOND_REQUESTS_PER_MINUTE", "100000"));
        var backend = new BackendProcess(builder.start(), port);
        backend.awaitLogin();
        return backend;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Ready when /health answers 200 (after migrations and demo seeding). */
    private void awaitLogin() throws InterruptedException {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Backend exited with " + process.exitValue() + "; see target/backend-e2e.log");
            }
            try {
                // /health, not a failed login: failed logins count towards the login throttle.
                var response = client.send(HttpRequest.newBuilder(uri().resolve("/health")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("Backend did not start within " + START_TIMEOUT + "; see target/backend-e2e.log");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(15))) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
