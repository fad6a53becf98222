package com.kakehashi.alert;

import com.kakehashi.mail.Notices;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.TenantService;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sends the alert mail outbox, tenant by tenant, in batches: each batch claims due rows with
 * {@code FOR UPDATE SKIP LOCKED} (so two replicas never send the same row at once), sends them over
 * one SMTP connection and records SENT, a retry with backoff, or FAILED after the mail feature's
 * maximum attempts, in one transaction. Consultants have no language setting, so each mail is
 * English, then Japanese.
 */
@Singleton
public class AlertMail {

    private static final Logger LOG = LoggerFactory.getLogger(AlertMail.class);
    static final int BATCH = 50;

    private final Batch batch;
    private final TenantService tenants;
    private final Notices notices;

    AlertMail(Batch batch, TenantService tenants, Notices notices) {
        this.batch = batch;
        this.tenants = tenants;
        this.notices = notices;
    }

    /** @return mails sent in this run */
    public int dispatchDue() {
        if (!notices.available()) {
            return 0;
        }
        int sent = 0;
        for (UUID tenant : tenants.allIds()) {
            try {
                for (int round = 0; round < 20; round++) {
                    int[] outcome = TenantContext.callAs(tenant, batch::process);
                    sent += outcome[1];
                    if (outcome[0] < BATCH) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                LOG.error("Alert mail failed for tenant {}", tenant, e);
            }
        }
        return sent;
    }

    @Singleton
    static class Batch {
        private final AlertStore store;
        private final Notices notices;
        private final TenantService tenants;

        Batch(AlertStore store, Notices notices, TenantService tenants) {
            this.store = store;
            this.notices = notices;
            this.tenants = tenants;
        }

        /** @return {claimed, sent} */
        @Transactional
        int[] process() {
            Instant now = Instant.now();
            List<AlertStore.DueMail> due = store.claimDue(BATCH, now);
            if (due.isEmpty()) {
                return new int[]{0, 0};
            }
            String tenantName = tenants.current().name();
            List<Notices.Notice> mails = due.stream().map(m -> new Notices.Notice(m.alert().id() + ".alert." + m.id(), m.email(),
                    subject(tenantName, m.alert()), text(tenantName, m.alert()))).toList();
            List<String> outcomes = notices.send(mails);
            int sent = 0;
            for (int i = 0; i < due.size(); i++) {
                AlertStore.DueMail mail = due.get(i);
                String error = outcomes.get(i);
                if (error == null) {
                    store.markSent(mail.id());
                    sent++;
                } else if (mail.attempts() + 1 >= notices.maxAttempts()) {
                    store.markFailed(mail.id(), mail.attempts() + 1, error);
                } else {
                    store.markRetry(mail.id(), mail.attempts() + 1, error, now.plus(Notices.backoff(mail.attempts() + 1)));
                }
            }
            return new int[]{due.size(), sent};
        }
    }

    static String subject(String tenant, AlertView a) {
        return "[Kakehashi] " + tenant + ": " + a.rule().english + what(a) + " / " + a.rule().japanese;
    }

    private static String what(AlertView a) {
        String sign = a.sign() == null ? "" : a.sign();
        String side = a.side() == null ? "" : a.side().name();
        String both = (sign + " " + side).trim();
        return both.isEmpty() ? "" : " (" + both + ")";
    }

    static String text(String tenant, AlertView a) {
        return "Tenant: " + tenant + "\nWave: " + a.occurrenceDate() + "\nSeverity: " + a.severity() + "\n\n" + a.summaryEn()
                + "\n\nPlease review the alert in the Kakehashi console, then acknowledge or resolve it. It closes by itself"
                + " once the condition has been within noise for a few waves; you are not mailed again while it stays open.\n\n"
                + "――――――――――――――――\n\n"
                + "テナント：" + tenant + "\n配信回：" + a.occurrenceDate() + "\n重要度：" + a.severity() + "\n\n" + a.summaryJa()
                + "\n\nKakehashi コンソールでアラートを確認し、確認済みまたは解決済みにしてください。状態がノイズの範囲内に戻って"
                + "数回続くと自動的に解決されます。開いている間、同じアラートについて再度メールは送られません。\n";
    }
}
