package com.kakehashi.bench;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.mail.MailDispatcher;
import com.kakehashi.mail.RenderedMail;
import com.kakehashi.schedule.ScheduleView;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.PulseFixtures;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.TenantView;
import com.kakehashi.wave.WaveService;
import com.kakehashi.wave.WaveView;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark 2: invitation mails per second from the real dispatcher ({@link MailDispatcher#dispatchDue()}
 * over the pending outbox rows of a launched wave, production batch size 50) into Postfix's
 * {@code smtp-sink}, against {@code smtp-source} sending as many messages of the same size into the
 * same sink over one reused connection ({@code -s 1 -d}). The bench starts and stops the sink
 * itself; it needs /usr/sbin/smtp-sink and /usr/sbin/smtp-source (Debian package postfix).
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "kakehashi.mail.smtp.tls", value = "false")
@Property(name = "kakehashi.mail.batch-size", value = "50")
@Property(name = "datasources.default.maximum-pool-size", value = "10")
@Property(name = "logger.levels.com.kakehashi", value = "WARN")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailDispatchBenchmark implements TestPropertyProvider {

    private static final String NAME = "mail";
    private static final String SINK = "/usr/sbin/smtp-sink";
    private static final String SOURCE = "/usr/sbin/smtp-source";
    private static final int MAILS = 3000;
    /** Round 1 warms the JIT and is reported but labelled. */
    private static final int ROUNDS = 3;

    private Process sink;
    private int port;

    @Inject
    Fixtures fixtures;
    @Inject
    PulseFixtures pulse;
    @Inject
    WaveService waves;

    @Inject
    com.kakehashi.mail.MailOutbox outbox;
    @Inject
    MailDispatcher dispatcher;
    @Inject
    ApplicationContext context;

    @Value("${datasources.default.url}")
    String url;
    @Value("${kakehashi.mail.workers:4}")
    int workers;

    @Override
    public Map<String, String> getProperties() {
        if (!Files.isExecutable(Path.of(SINK)) || !Files.isExecutable(Path.of(SOURCE))) {
            throw new IllegalStateException("smtp-sink/smtp-source missing: apt-get install -y postfix (see docs/performance.md)");
        }
        try {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(SINK));
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("-u", "postfix"));
            }
            command.addAll(List.of("127.0.0.1:" + port, "100"));
            sink = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                try (Socket probe = new Socket("127.0.0.1", port)) {
                    break;
                } catch (IOException notYet) {
                    if (System.nanoTime() > deadline || !sink.isAlive()) {
                        throw new IllegalStateException("smtp-sink did not start on port " + port);
                    }
                    Thread.sleep(50);
                }
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("kakehashi.mail.smtp.host", "127.0.0.1", "kakehashi.mail.smtp.port", Integer.toString(port));
    }

    @AfterAll
    void stopSink() {
        if (sink != null) {
            sink.destroy();
        }
    }

    @Test
    void dispatcherMailsPerSecondVersusSmtpSource() throws Exception {
        Bench.machine(NAME, url);
        TenantView tenant = fixtures.tenant("Bench");
        UserView user = fixtures.memberOf(tenant, Role.CONSULTANT);
        Caller consultant = new Caller(user.id(), user.email(), Role.CONSULTANT);
        UUID version = pulse.surveyReady(tenant.id(), consultant, 0, 0);
        Bench.participants(url, tenant.id(), MAILS);
        ScheduleView schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.now().plusDays(30), List.of());
        int bytes = RenderedMail.invitationBytes(context);
        Bench.report(NAME, "one rendered invitation is %d bytes (headers and MIME parts); smtp-source sends the same size", bytes);
        Bench.report(NAME, "dispatcher: %d workers (kakehashi.mail.workers) sharing batches of 50", workers);

        for (int round = 1; round <= ROUNDS; round++) {
            String label = round == 1 ? "round 1 (warm-up)" : "round " + round;
            WaveView wave = TenantContext.callAs(tenant.id(), () -> waves.launchNow(consultant, schedule.id(), label));
            assertThat(TenantContext.callAs(tenant.id(), () -> outbox.pendingCount(wave.id()))).isEqualTo(MAILS);

            Bench.Cpu cpu = Bench.Cpu.now();
            long start = System.nanoTime();
            int sent = 0;
            for (int run = 0; run < 100 && sent < MAILS; run++) {
                MailDispatcher.Report report = dispatcher.dispatchDue();
                assertThat(report.failed() + report.retried()).as("mails that did not go out").isZero();
                sent += report.sent();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String where = cpu.since(cpu);
            // At least: in a shared test database other tenants' due mail goes out in the same runs.
            assertThat(sent).isGreaterThanOrEqualTo(MAILS);
            assertThat(TenantContext.callAs(tenant.id(), () -> outbox.pendingCount(wave.id()))).isZero();
            try (Connection app = Bench.app(url, tenant.id())) {
                assertThat(Bench.count(app, "SELECT count(*) FROM invitation_token t JOIN invitation i ON i.id = t.invitation_id WHERE i.wave_id = ?",
                        wave.id())).as("one stored token per sent mail").isEqualTo(MAILS);
            }
            double dispatched = MAILS / seconds;
            Bench.report(NAME, "%s: dispatcher sent %d mails in %.2f s = %.0f/s (%s)", label, MAILS, seconds, dispatched, where);

            // Two baselines: one reused session (the wording), and as many parallel sessions as the
            // dispatcher has workers (the like-for-like one: a single session is bound by waiting for each
            // SMTP reply, not by throughput). The ratio against the second is the headline.
            for (int sessions : new int[] {1, workers}) {
                double sourced = medianSmtpSource(label, sessions, bytes);
                Bench.report(NAME, "%s: RATIO dispatcher/smtp-source -s %d = %.3f (target >= 0.3)", label, sessions,
                        dispatched / sourced);
            }

            Bench.Cpu onlyCpu = Bench.Cpu.now();
            double only = RenderedMail.renderAndSendOnly(context, MAILS, 50);
            Bench.report(NAME, "%s: component: render + SMTP only (no database), batches of 50 = %.0f/s (%s)", label,
                    MAILS / only, onlyCpu.since(onlyCpu));
        }
    }

    /** smtp-source takes well under a second, so one run is at the mercy of the shared cores: median of three. */
    private double medianSmtpSource(String label, int sessions, int bytes) throws Exception {
        double[] runs = new double[3];
        Bench.Cpu sourceCpu = Bench.Cpu.now();
        for (int i = 0; i < runs.length; i++) {
            runs[i] = smtpSource(sessions, bytes);
        }
        String all = String.format(java.util.Locale.ROOT, "%.0f, %.0f, %.0f", runs[0], runs[1], runs[2]);
        java.util.Arrays.sort(runs);
        Bench.report(NAME, "%s: baseline smtp-source -s %d -d -m %d -l %d = %.0f/s median of [%s] (%s)", label, sessions, MAILS,
                bytes, runs[1], all, sourceCpu.since(sourceCpu));
        return runs[1];
    }

    /** smtp-source: {@code sessions} parallel sessions, each connection reused for every message (-d). @return messages per second */
    private double smtpSource(int sessions, int bytes) throws Exception {
        Process source = new ProcessBuilder(SOURCE, "-s", Integer.toString(sessions), "-d", "-m", Integer.toString(MAILS), "-l", Integer.toString(bytes),
                "-f", "no-reply@kakehashi.example", "-t", "bench@bench.example", "127.0.0.1:" + port)
                .redirectErrorStream(true).start();
        long start = System.nanoTime();
        String output = new String(source.getInputStream().readAllBytes());
        assertThat(source.waitFor(120, TimeUnit.SECONDS)).isTrue();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(source.exitValue()).as("smtp-source: " + output).isZero();
        return MAILS / seconds;
    }
}
