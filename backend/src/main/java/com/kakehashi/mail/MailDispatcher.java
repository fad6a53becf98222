package com.kakehashi.mail;

import com.kakehashi.tenant.TenantService;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * The one outbox worker pool: sends what is due in the outbox, every kind (invitations, reminders,
 * alert mails), with {@code kakehashi.mail.workers} workers in parallel. Each worker visits the
 * tenants in turn through the tenant loop (each inside its own tenant context, so Row Level
 * Security applies as everywhere else), claims its own rounds of an equal share of
 * {@code kakehashi.mail.batch-size} (so a crashed replica resends at most one batch; SKIP LOCKED
 * keeps workers, and replicas, off each other's rows), at most {@value #MAX_ROUNDS_PER_TENANT} per tenant and run so
 * one tenant's backlog does not starve the others, and keeps its own SMTP connection for the whole
 * run. Called by the recurring db-scheduler task {@code mail-dispatch}; safe to run on several
 * replicas at once (see {@link OutboxWorker}).
 */
@Singleton
public class MailDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);
    /** Rounds per tenant per worker and run, so one tenant's backlog does not starve the others. */
    static final int MAX_ROUNDS_PER_TENANT = 20;
    /** Workers mostly wait on PostgreSQL and SMTP replies: virtual threads. */
    private static final ThreadFactory WORKER_THREADS = Thread.ofVirtual().name("mail-dispatch-", 1).factory();

    private final TenantService tenants;
    private final OutboxWorker worker;
    private final Mailer mailer;
    private final MailSettings settings;

    MailDispatcher(TenantService tenants, OutboxWorker worker, Mailer mailer, MailSettings settings) {
        this.tenants = tenants;
        this.worker = worker;
        this.mailer = mailer;
        this.settings = settings;
    }

    /** Totals of one run. */
    public record Report(int sent, int cancelled, int retried, int failed) {

        Report plus(Report other) {
            return new Report(sent + other.sent, cancelled + other.cancelled, retried + other.retried, failed + other.failed);
        }
    }

    public Report dispatchDue() {
        return dispatch(settings.workers());
    }

    /** {@link #dispatchDue()} with a given number of workers (tests pin it to make a crash point exact). */
    Report dispatch(int workerCount) {
        if (!mailer.available()) {
            return new Report(0, 0, 0, 0);
        }
        List<UUID> ids = tenants.allIds();
        int roundSize = settings.roundSize(workerCount);
        List<Future<Report>> runs = new ArrayList<>();
        try (ExecutorService workers = Executors.newThreadPerTaskExecutor(WORKER_THREADS)) {
            for (int i = 0; i < workerCount; i++) {
                runs.add(workers.submit(() -> work(ids, roundSize)));
            }
        }
        Report total = new Report(0, 0, 0, 0);
        for (Future<Report> run : runs) {
            try {
                total = total.plus(run.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("mail dispatch worker failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (total.sent() + total.cancelled() + total.retried() + total.failed() > 0) {
            LOG.info("Mail dispatch: {} sent, {} cancelled, {} to retry, {} failed", total.sent(), total.cancelled(),
                    total.retried(), total.failed());
        }
        return total;
    }

    /** One worker: every tenant in turn, round after round until a short one, over one SMTP connection. */
    private Report work(List<UUID> tenantIds, int roundSize) {
        Report[] total = {new Report(0, 0, 0, 0)};
        try (SmtpLink link = new SmtpLink(mailer)) {
            TenantService.forEachTenant("Mail dispatch", tenantIds, tenant -> {
                try {
                    for (int rounds = 0; rounds < MAX_ROUNDS_PER_TENANT; rounds++) {
                        OutboxWorker.RoundTotals round = worker.sendDue(link, roundSize);
                        total[0] = total[0].plus(new Report(round.sent(), round.cancelled(), round.retried(), round.failed()));
                        if (round.claimed() < roundSize) {
                            break;
                        }
                    }
                } catch (RuntimeException e) {
                    // The round rolled back: its rows stay PENDING for the next run. Its SMTP session
                    // may have stopped mid-message, so the next round starts a new one.
                    link.drop();
                    throw e;
                }
                return 0;
            });
        }
        return total[0];
    }
}
