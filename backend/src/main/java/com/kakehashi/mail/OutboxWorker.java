package com.kakehashi.mail;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One round of one outbox worker for the tenant in context, in one transaction: claim due rows of
 * every kind (row locks, SKIP LOCKED), let each kind's {@link OutboxSender} say what they are, send
 * them over the worker's SMTP connection, and record the outcome before the commit releases the
 * locks: SENT marks in one UPDATE (with what the senders store for sent mails, such as link
 * tokens), cancellations in one UPDATE per reason, retries with backoff and failures after the
 * attempt limit one row at a time (rare). Due and retry times come from the one injected clock.
 * <p>
 * Crash bound: the mails of a round are sent before its transaction commits. A crash (or any
 * exception that rolls the transaction back) after some sends leaves those rows PENDING, so the
 * next run sends them again — with the same Message-ID, and for invitations a fresh token (the
 * first copy's token was committed before it was sent, so both links work). At most one round per
 * worker is in flight, and a replica's workers share {@code kakehashi.mail.batch-size} between their
 * rounds ({@link MailSettings#roundSize(int)}), so a whole process dying resends at most one batch;
 * nothing is lost, because a row only leaves PENDING in the transaction that records its outcome.
 */
@Singleton
class OutboxWorker {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");
    private static final int ERROR_LENGTH = 200;

    private final OutboxStore store;
    private final Map<OutboxKind, OutboxSender> senders = new EnumMap<>(OutboxKind.class);
    private final Mailer mailer;
    private final MailSettings settings;
    private final OutboxMetrics metrics;
    private final Clock clock;

    OutboxWorker(OutboxStore store, List<OutboxSender> senders, Mailer mailer, MailSettings settings,
                 OutboxMetrics metrics, Clock clock) {
        this.store = store;
        for (OutboxSender sender : senders) {
            for (OutboxKind kind : sender.kinds()) {
                if (this.senders.put(kind, sender) != null) {
                    throw new IllegalStateException("two outbox senders for " + kind);
                }
            }
        }
        this.mailer = mailer;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What one round did. {@code claimed} equal to the round size means more may be due. */
    record RoundTotals(int claimed, int sent, int cancelled, int retried, int failed) {
    }

    @Transactional
    RoundTotals sendDue(SmtpLink link, int roundSize) {
        List<QueuedMail> claimed = store.claimDue(roundSize, clock.instant());
        if (claimed.isEmpty()) {
            return new RoundTotals(0, 0, 0, 0, 0);
        }
        Map<QueuedMail, OutboxSender.Shipment> shipments = shipments(claimed);
        Instant now = clock.instant();
        Map<OutboxSender.Shipment, List<UUID>> delivered = new IdentityHashMap<>();
        List<UUID> sent = new ArrayList<>(claimed.size());
        Map<String, List<UUID>> cancelled = new HashMap<>();
        Map<OutboxKind, int[]> counts = new EnumMap<>(OutboxKind.class);
        int retried = 0;
        int failed = 0;
        MessagingException unreachable = null;
        for (QueuedMail mail : claimed) {
            int[] count = counts.computeIfAbsent(mail.kind(), k -> new int[4]);
            OutboxSender.Shipment shipment = shipments.get(mail);
            Optional<String> cancel = shipment == null ? Optional.of("no sender for " + mail.kind()) : shipment.cancelReason(mail);
            if (cancel.isPresent()) {
                cancelled.computeIfAbsent(cancel.get(), reason -> new ArrayList<>()).add(mail.id());
                count[1]++;
                continue;
            }
            Mailer.Connection connection = null;
            if (unreachable == null) {
                try {
                    connection = link.open();
                } catch (MessagingException e) {
                    // The server is unreachable: the rest of the round waits too, without another try each.
                    unreachable = e;
                }
            }
            MessagingException error = unreachable;
            if (connection != null) {
                try {
                    connection.send(shipment.compose(mail, mailer.session()));
                } catch (MessagingException e) {
                    error = e;
                    if (!connection.isOpen()) {
                        link.drop();
                    }
                }
            }
            if (error == null) {
                delivered.computeIfAbsent(shipment, s -> new ArrayList<>()).add(mail.id());
                sent.add(mail.id());
                count[0]++;
            } else if (retryOrFail(mail, error, now)) {
                retried++;
                count[2]++;
            } else {
                failed++;
                count[3]++;
            }
        }
        cancelled.forEach((reason, ids) -> store.markCancelled(ids, reason));
        delivered.forEach(OutboxSender.Shipment::delivered);
        store.markSent(sent, clock.instant());
        counts.forEach((kind, count) -> {
            metrics.count(kind, OutboxMetrics.Disposition.SENT, count[0]);
            metrics.count(kind, OutboxMetrics.Disposition.CANCELLED, count[1]);
            metrics.count(kind, OutboxMetrics.Disposition.RETRIED, count[2]);
            metrics.count(kind, OutboxMetrics.Disposition.FAILED, count[3]);
        });
        int cancelledCount = cancelled.values().stream().mapToInt(List::size).sum();
        LOG.debug("Outbox round: {} sent, {} cancelled, {} to retry, {} failed", sent.size(), cancelledCount, retried, failed);
        return new RoundTotals(claimed.size(), sent.size(), cancelledCount, retried, failed);
    }

    /** Each sender prepares its kinds' mails of the round together (one read per owner, not per mail). */
    private Map<QueuedMail, OutboxSender.Shipment> shipments(List<QueuedMail> claimed) {
        Map<OutboxSender, List<QueuedMail>> bySender = new LinkedHashMap<>();
        for (QueuedMail mail : claimed) {
            OutboxSender sender = senders.get(mail.kind());
            if (sender != null) {
                bySender.computeIfAbsent(sender, s -> new ArrayList<>()).add(mail);
            }
        }
        Map<QueuedMail, OutboxSender.Shipment> shipments = new IdentityHashMap<>();
        bySender.forEach((sender, mails) -> {
            OutboxSender.Shipment shipment = sender.prepare(mails);
            mails.forEach(mail -> shipments.put(mail, shipment));
        });
        return shipments;
    }

    /** @return true if the mail will be tried again, false if it is now FAILED for good */
    private boolean retryOrFail(QueuedMail mail, MessagingException error, Instant now) {
        int attempts = mail.attempts() + 1;
        String reason = describe(error);
        if (attempts >= settings.maxAttempts()) {
            store.markFailed(mail.id(), attempts, reason);
            LOG.warn("Mail {} ({}) failed for good after {} attempts: {}", mail.id(), mail.kind(), attempts, reason);
            return false;
        }
        store.markRetry(mail.id(), attempts, reason, now.plus(backoff(attempts)));
        LOG.info("Mail {} ({}) attempt {} failed, will retry: {}", mail.id(), mail.kind(), attempts, reason);
        return true;
    }

    /** 1 min after the first failure, doubling, at most 1 h. */
    static Duration backoff(int attempts) {
        int doublings = Math.min(attempts - 1, 10);
        Duration delay = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    /** Short, and without addresses (SMTP replies often quote the recipient). */
    static String describe(Exception error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = error.getClass().getSimpleName() + ": " + (error.getMessage() == null ? "" : error.getMessage());
        if (root != error) {
            message += " / " + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        }
        message = ADDRESS.matcher(message.replaceAll("\\s+", " ")).replaceAll("<address>");
        return message.length() <= ERROR_LENGTH ? message : message.substring(0, ERROR_LENGTH - 1) + "…";
    }
}
