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
 * successful sends it throws an unchecked exception, as a crash would, and the round rolls back —
 * in one worker ({@link #crashAfter}), or in every worker until {@link #dead} is cleared, as when
 * the whole process dies ({@link #dieAfter}). While {@link #refusing}, the server answers every mail
 * with a temporary failure instead.
 */
@Singleton
@Replaces(SmtpMailer.class)
@Requires(property = "mail-test.crashable", value = "true")
class CrashableMailer implements Mailer {

    private final SmtpMailer delegate;
    final AtomicInteger sends = new AtomicInteger();
    final AtomicInteger connections = new AtomicInteger();
    /** Crash one worker once this many sends have succeeded in total; negative: never. */
    volatile int crashAfter = -1;
    /** The process dies once this many sends have succeeded in total: no worker sends again; negative: never. */
    volatile int dieAfter = -1;
    volatile boolean dead;
    volatile boolean refusing;

    /** Whether this send is where a planned crash happens; only one of workers racing here crashes. */
    private synchronized boolean crashesNow() {
        if (dieAfter >= 0 && sends.get() >= dieAfter) {
            dieAfter = -1;
            dead = true;
        }
        if (dead) {
            return true;
        }
        if (crashAfter >= 0 && sends.get() >= crashAfter) {
            crashAfter = -1;
            return true;
        }
        return false;
    }

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
                if (crashesNow()) {
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
