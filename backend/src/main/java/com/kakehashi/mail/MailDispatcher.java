package com.kakehashi.mail;

import com.kakehashi.tenancy.TenantContext;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * Sends what is due in the mail outbox, tenant by tenant (each inside its own tenant context, so
 * Row Level Security applies as everywhere else). Called by the recurring db-scheduler task
 * {@code mail-dispatch}; safe to run on several replicas at once (see {@link OutboxBatch}).
 */
@Singleton
public class MailDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);
    /** Batches per tenant per run, so one tenant's backlog does not starve the others. */
    private static final int MAX_BATCHES_PER_TENANT = 20;

    private final TenantList tenants;
    private final OutboxBatch batch;
    private final Mailer mailer;
    private final MailSettings settings;

    MailDispatcher(TenantList tenants, OutboxBatch batch, Mailer mailer, MailSettings settings) {
        this.tenants = tenants;
        this.batch = batch;
        this.mailer = mailer;
        this.settings = settings;
    }

    /** Totals of one run. */
    public record Report(int sent, int cancelled, int retried, int failed) {
    }

    public Report dispatchDue() {
        if (!mailer.available()) {
            return new Report(0, 0, 0, 0);
        }
        int sent = 0;
        int cancelled = 0;
        int retried = 0;
        int failed = 0;
        for (UUID tenant : tenants.ids()) {
            try {
                for (int round = 0; round < MAX_BATCHES_PER_TENANT; round++) {
                    OutboxBatch.Outcome outcome = TenantContext.callAs(tenant, batch::process);
                    sent += outcome.sent();
                    cancelled += outcome.cancelled();
                    retried += outcome.retried();
                    failed += outcome.failed();
                    if (outcome.claimed() < settings.batchSize()) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                // The batch rolled back: its rows stay PENDING and are picked up by the next run.
                LOG.error("Mail dispatch failed for tenant {}: {}", tenant, OutboxBatch.describe(e));
            }
        }
        return new Report(sent, cancelled, retried, failed);
    }

    /** The global tenant registry, read in its own short transaction. */
    @Singleton
    static class TenantList {

        private final OutboxStore store;

        TenantList(OutboxStore store) {
            this.store = store;
        }

        @Transactional(readOnly = true)
        List<UUID> ids() {
            return store.tenantIds();
        }
    }
}
