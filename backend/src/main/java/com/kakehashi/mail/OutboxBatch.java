package com.kakehashi.mail;

import com.kakehashi.invitation.InvitationService;
import com.kakehashi.invitation.InvitationTokens;
import com.kakehashi.invitation.IssuedToken;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * One batch of the tenant in context, in one transaction: claim due rows (row locks, SKIP LOCKED),
 * send them over the worker's SMTP connection, and record the outcome before the commit releases
 * the locks: the tokens of all sent mails in one multi-row INSERT, their SENT marks in one UPDATE,
 * cancellations in one UPDATE per reason (retries and failures, rare, one row at a time).
 * <p>
 * Crash bound: the mails of a batch are sent before its transaction commits. A crash (or any
 * exception that rolls the transaction back) after some sends leaves those rows PENDING, so the
 * next run sends them again — with the same Message-ID, and a fresh token whose predecessor was
 * never stored. At most one batch ({@code kakehashi.mail.batch-size}) per worker in flight is
 * resent, so a whole process dying resends at most batch-size × workers mails; nothing is lost,
 * because a row only leaves PENDING in the transaction that records its outcome.
 */
@Singleton
class OutboxBatch {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxBatch.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");
    private static final int ERROR_LENGTH = 200;

    private final OutboxStore store;
    private final InvitationMailFacts facts;
    private final InvitationService invitations;
    private final Mailer mailer;
    private final MailTemplates templates;
    private final MailSettings settings;
    private final Clock clock;

    OutboxBatch(OutboxStore store, InvitationMailFacts facts, InvitationService invitations, Mailer mailer,
                MailTemplates templates, MailSettings settings, Clock clock) {
        this.store = store;
        this.facts = facts;
        this.invitations = invitations;
        this.mailer = mailer;
        this.templates = templates;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one batch did. {@code claimed} equal to the batch size means more may be due. */
    record Outcome(int claimed, int sent, int cancelled, int retried, int failed) {
    }

    @Transactional
    Outcome process(SmtpLink link) {
        Instant now = clock.instant();
        List<OutboxStore.QueuedMail> claimed = store.claimDue(settings.batchSize(), now);
        if (claimed.isEmpty()) {
            return new Outcome(0, 0, 0, 0, 0);
        }
        List<OutboxMail> due = facts.complete(claimed);
        List<IssuedToken> tokens = new ArrayList<>(due.size());
        List<UUID> sent = new ArrayList<>(due.size());
        Map<String, List<UUID>> cancelled = new HashMap<>();
        if (due.size() < claimed.size()) {
            Set<UUID> known = due.stream().map(OutboxMail::id).collect(Collectors.toSet());
            cancelled.put("invitation gone", claimed.stream().map(OutboxStore.QueuedMail::id).filter(id -> !known.contains(id))
                    .collect(Collectors.toCollection(ArrayList::new)));
        }
        int retried = 0;
        int failed = 0;
        MessagingException unreachable = null;
        for (OutboxMail mail : due) {
            Optional<String> cancel = cancelReason(mail, now);
            if (cancel.isPresent()) {
                cancelled.computeIfAbsent(cancel.get(), reason -> new ArrayList<>()).add(mail.id());
                continue;
            }
            Mailer.Connection connection = null;
            if (unreachable == null) {
                try {
                    connection = link.open();
                } catch (MessagingException e) {
                    // The server is unreachable: the rest of the batch waits too, without another try each.
                    unreachable = e;
                }
            }
            if (connection == null) {
                if (retryOrFail(mail, unreachable, now)) {
                    retried++;
                } else {
                    failed++;
                }
                continue;
            }
            String token = InvitationTokens.mint();
            try {
                connection.send(templates.message(mailer.session(), mail, settings.link(token)));
            } catch (MessagingException e) {
                if (retryOrFail(mail, e, now)) {
                    retried++;
                } else {
                    failed++;
                }
                if (!connection.isOpen()) {
                    link.drop();
                }
                continue;
            }
            tokens.add(new IssuedToken(token, mail.invitationId(), mail.closesAt()));
            sent.add(mail.id());
        }
        cancelled.forEach((reason, ids) -> store.markCancelled(ids, reason));
        invitations.storeTokens(tokens);
        store.markSent(sent, clock.instant());
        int cancelledCount = cancelled.values().stream().mapToInt(List::size).sum();
        LOG.debug("Mail batch: {} sent, {} cancelled, {} to retry, {} failed", sent.size(), cancelledCount, retried, failed);
        return new Outcome(claimed.size(), sent.size(), cancelledCount, retried, failed);
    }

    private static Optional<String> cancelReason(OutboxMail mail, Instant now) {
        if (mail.email() == null) {
            return Optional.of("participant erased");
        }
        // A closing wave cancels its mails (WaveClosed); this catches a mail due in the minute
        // between the closing time and the closer's run.
        if (!mail.closesAt().isAfter(now)) {
            return Optional.of("wave closed");
        }
        if (mail.kind() == MailKind.REMINDER && mail.responded()) {
            return Optional.of("already responded");
        }
        return Optional.empty();
    }

    /** @return true if the mail will be tried again, false if it is now FAILED for good */
    private boolean retryOrFail(OutboxMail mail, MessagingException error, Instant now) {
        int attempts = mail.attempts() + 1;
        String reason = describe(error);
        if (attempts >= settings.maxAttempts()) {
            store.markFailed(mail.id(), attempts, reason);
            LOG.warn("Mail {} failed for good after {} attempts: {}", mail.id(), attempts, reason);
            return false;
        }
        store.markRetry(mail.id(), attempts, reason, now.plus(backoff(attempts)));
        LOG.info("Mail {} attempt {} failed, will retry: {}", mail.id(), attempts, reason);
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
