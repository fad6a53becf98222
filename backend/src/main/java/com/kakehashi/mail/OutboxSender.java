package com.kakehashi.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns queued mails of some kinds into messages: a feature that mails through the outbox provides
 * one as a bean. The worker claims, sends, retries with backoff and records; a sender only says
 * what each mail is and whether it should still go.
 */
public interface OutboxSender {

    Set<OutboxKind> kinds();

    /** Called in the worker's transaction with the claimed mails of this sender's kinds, in claim order. */
    Shipment prepare(List<QueuedMail> mails);

    /** A sender's part of one claim, alive for that claim's transaction only. */
    interface Shipment {

        /** Why the mail must not go out any more (it is then cancelled), or empty to send it. */
        Optional<String> cancelReason(QueuedMail mail);

        /** The finished message; an exception here counts as a failed attempt, like a refused send. */
        MimeMessage compose(QueuedMail mail, Session session) throws MessagingException;

        /** The mails of this shipment that went out, before the transaction that marks them SENT commits. */
        default void delivered(List<UUID> mailIds) {
        }
    }
}
