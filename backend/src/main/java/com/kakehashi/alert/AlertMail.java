package com.kakehashi.alert;

import com.kakehashi.mail.OutboxKind;
import com.kakehashi.mail.OutboxSender;
import com.kakehashi.mail.QueuedMail;
import com.kakehashi.mail.StaffMail;
import com.kakehashi.tenant.TenantService;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Alert mails, sent by the mail feature's outbox worker (claim, retry with backoff, attempt limit):
 * this sender only writes what a mail about an alert says, to the address taken when it was
 * queued. Consultants have no language setting, so each mail is English, then Japanese.
 */
@Singleton
class AlertMail implements OutboxSender {

    private final AlertStore store;
    private final TenantService tenants;
    private final StaffMail staffMail;

    AlertMail(AlertStore store, TenantService tenants, StaffMail staffMail) {
        this.store = store;
        this.tenants = tenants;
        this.staffMail = staffMail;
    }

    @Override
    public Set<OutboxKind> kinds() {
        return Set.of(OutboxKind.ALERT);
    }

    @Override
    public Shipment prepare(List<QueuedMail> mails) {
        String tenantName = tenants.current().name();
        Map<UUID, Optional<AlertView>> alerts = new HashMap<>();
        mails.forEach(mail -> alerts.computeIfAbsent(mail.alertId(), id -> store.find(id, false)));
        return new Shipment() {
            @Override
            public Optional<String> cancelReason(QueuedMail mail) {
                return alerts.get(mail.alertId()).isPresent() ? Optional.empty() : Optional.of("alert gone");
            }

            @Override
            public MimeMessage compose(QueuedMail mail, Session session) throws MessagingException {
                AlertView alert = alerts.get(mail.alertId()).orElseThrow();
                return staffMail.compose(session, new StaffMail.Notice(alert.id() + ".alert." + mail.id(), mail.email(),
                        subject(tenantName, alert), text(tenantName, alert)));
            }
        };
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
