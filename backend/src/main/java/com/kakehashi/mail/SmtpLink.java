package com.kakehashi.mail;

import jakarta.mail.MessagingException;

/**
 * One dispatcher worker's SMTP connection, opened on first use and kept across its batches (and
 * tenants) until the run ends, so a connection is set up once per worker and run, not per batch.
 */
final class SmtpLink implements AutoCloseable {

    private final Mailer mailer;
    private Mailer.Connection connection;

    SmtpLink(Mailer mailer) {
        this.mailer = mailer;
    }

    Mailer.Connection open() throws MessagingException {
        if (connection == null) {
            connection = mailer.connect();
        }
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
