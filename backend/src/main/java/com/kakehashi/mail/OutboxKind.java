package com.kakehashi.mail;

/** mail_outbox.kind: what a queued mail is, and so which {@link OutboxSender} sends it. */
public enum OutboxKind {
    INVITATION,
    REMINDER,
    ALERT,
    /** A notice about an action plan (proposed, agreed, done, overdue), sent by action's sender. */
    ACTION
}
