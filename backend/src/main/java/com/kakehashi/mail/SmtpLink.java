package com.kakehashi.mail;

import jakarta.mail.MessagingException;

import java.util.concurrent.TimeUnit;

/**
 * One dispatcher worker's SMTP connection, opened on first use and kept across its batches (and
 * tenants) until the run ends, so a connection is set up once per worker and run, not per batch.
 * One left idle for a while (a slow batch transaction) is replaced rather than trusted: a relay that
 * dropped it would otherwise fail the next mail and push it into retry backoff.
 */
final class SmtpLink implements AutoCloseable {

    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final Mailer mailer;
    private Mailer.Connection connection;
    private long lastUsed;

    SmtpLink(Mailer mailer) {
        this.mailer = mailer;
    }

    Mailer.Connection open() throws MessagingException {
        long now = System.nanoTime();
        if (connection != null && now - lastUsed > MAX_IDLE_NANOS) {
            drop();
        }
        if (connection == null) {
            connection = mailer.connect();
        }
        lastUsed = now;
        return connection;
    }

    /** Forgets a connection the server dropped, or one left in an unknown state by a failed batch. */
    void drop() {
        if (connection != null) {
            Mailer.Connection old = connection;
            connection = null;
            old.close();
        }
    }

    @Override
    public void close() {
        drop();
    }
}
