package com.kakehashi.mail;

/** mail_outbox.status: PENDING until the worker sends it (SENT), gives up on it (FAILED) or it is no longer wanted (CANCELLED). */
public enum OutboxStatus {
    PENDING,
    SENT,
    FAILED,
    CANCELLED
}
