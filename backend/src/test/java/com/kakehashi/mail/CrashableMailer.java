package com.kakehashi.mail;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real SMTP mailer, counting sends, that can "kill" the dispatcher: after a set number of
 * successful sends it throws an unchecked exception, as a crash would, and the round rolls back.
 * While {@link #refusing}, the server answers every mail with a temporary failure instead.
 */
@Singleton
@Replaces(SmtpMailer.class)
@Requires(property = "mail-test.crashable", value = "true")
class CrashableMailer implements Mailer {

    private final SmtpMailer delegate;
    final AtomicInteger sends = new AtomicInteger();
    final AtomicInteger connections = new AtomicInteger();
    /** Crash once this many sends have succeeded in total; negative: never. */
    volatile int crashAfter = -1;
    volatile boolean refusing;

    CrashableMailer(MailSettings settings, BeanProvider<DemoMailbox> demoMailbox) {
        this.delegate = new SmtpMailer(settings, demoMailbox);
    }

    @Override
    public boolean available() {
        return delegate.available();
    }

    @Override
    public Session session() {
        return delegate.session();
    }

    @Override
    public Connection connect() throws MessagingException {
        Connection connection = delegate.connect();
        connections.incrementAndGet();
        return new Connection() {
            @Override
            public void send(MimeMessage message) throws MessagingException {
                int limit = crashAfter;
                if (limit >= 0 && sends.get() >= limit) {
                    crashAfter = -1;
                    throw new IllegalStateException("simulated crash of the dispatcher");
                }
                if (refusing) {
                    throw new MessagingException("451 4.3.0 temporary failure, try again later");
                }
                connection.send(message);
                sends.incrementAndGet();
            }

            @Override
            public boolean isOpen() {
                return connection.isOpen();
            }

            @Override
            public void close() {
                connection.close();
            }
        };
    }
}
