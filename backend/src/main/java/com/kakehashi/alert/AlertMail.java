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
import java.util.Locale;
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
        String value = number(a.value());
        String threshold = number(a.threshold());
        String history = a.history().stream().map(AlertMail::number).reduce((x, y) -> x + ", " + y).orElse("–");
        String english = switch (a.rule()) {
            case SIGN_ABOVE_THRESHOLD -> "The risk index of " + a.sign() + " for " + a.side() + " is " + value
                    + " (threshold " + threshold + ").";
            case SIGN_WORSENING -> "The risk index of " + a.sign() + " for " + a.side() + " rose by at least " + threshold
                    + " points in each of the last waves: " + history + " → " + value + ".";
            case GAP_WIDENING -> "The perception gap |JAPAN − HQ| on " + a.sign() + " widened wave after wave: " + history
                    + " → " + value + " (threshold " + threshold + ").";
            case RESPONSE_RATE_DROP -> "The response rate of " + a.side() + " fell from " + history + "% to " + value
                    + "% (alert at a drop of " + threshold + " points).";
            case NEUTRAL_SHARE_HIGH -> "The share of neutral answers from " + a.side() + " is " + value + "% (threshold "
                    + threshold + "%).";
        };
        String japanese = switch (a.rule()) {
            case SIGN_ABOVE_THRESHOLD -> a.side() + " の " + a.sign() + " のリスク指数は " + value + " です（閾値 " + threshold + "）。";
            case SIGN_WORSENING -> a.side() + " の " + a.sign() + " のリスク指数が直近の各回で " + threshold + " ポイント以上上昇しました："
                    + history + " → " + value + "。";
            case GAP_WIDENING -> a.sign() + " における本社と日本の認識ギャップ |JAPAN − HQ| が回を追うごとに拡大しています：" + history
                    + " → " + value + "（閾値 " + threshold + "）。";
            case RESPONSE_RATE_DROP -> a.side() + " の回答率が " + history + "% から " + value + "% に低下しました（" + threshold
                    + " ポイント以上の低下で通知）。";
            case NEUTRAL_SHARE_HIGH -> a.side() + " の中立回答（どちらともいえない）の割合は " + value + "% です（閾値 " + threshold + "%）。";
        };
        return "Tenant: " + tenant + "\nWave: " + a.occurrenceDate() + "\nSeverity: " + a.severity() + "\n\n" + english
                + "\n\nPlease review the alert in the Kakehashi console, then acknowledge or resolve it.\n\n"
                + "――――――――――――――――\n\n"
                + "テナント：" + tenant + "\n実施回：" + a.occurrenceDate() + "\n重要度：" + a.severity() + "\n\n" + japanese
                + "\n\nKakehashi コンソールでアラートを確認し、確認済みまたは解決済みにしてください。\n";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
