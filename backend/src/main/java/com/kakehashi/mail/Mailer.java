package com.kakehashi.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Where mail goes: an SMTP server reached over one connection per batch. */
interface Mailer {

    /** False when no SMTP server is configured (and no demo mailbox runs): mail then waits in the outbox. */
    boolean available();

    /** The session that messages are built in. */
    Session session();

    /** Opens one connection; the caller sends a whole batch over it and closes it. */
    Connection connect() throws MessagingException;

    interface Connection extends AutoCloseable {

        void send(MimeMessage message) throws MessagingException;

        /** False once the server has dropped the connection (a new one is then opened for the next mail). */
        boolean isOpen();

        @Override
        void close();
    }
}
