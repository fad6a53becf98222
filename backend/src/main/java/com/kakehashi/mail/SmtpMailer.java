package com.kakehashi.mail;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Properties;

/**
 * SMTP through Jakarta Mail (Angus). The session is built here rather than through
 * micronaut-email's sender, because the dispatcher keeps one {@link Transport} open for a whole
 * batch. With no {@code kakehashi.mail.smtp.host} the demo mailbox (demo run only) is the server.
 */
@Singleton
class SmtpMailer implements Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);

    private final Session session;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    SmtpMailer(MailSettings settings, BeanProvider<DemoMailbox> demoMailbox) {
        boolean external = !settings.smtpHost().isEmpty();
        boolean demo = !external && demoMailbox.isPresent();
        this.host = external ? settings.smtpHost() : demo ? "127.0.0.1" : "";
        this.port = external ? settings.smtpPort() : demo ? demoMailbox.get().port() : 0;
        this.user = external ? settings.smtpUser() : "";
        this.password = external ? settings.smtpPassword() : "";
        boolean tls = external && settings.smtpTls();
        String timeout = Long.toString(settings.smtpTimeout().toMillis());
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.auth", Boolean.toString(!user.isEmpty()));
        props.put("mail.smtp.starttls.enable", Boolean.toString(tls));
        props.put("mail.smtp.starttls.required", Boolean.toString(tls));
        props.put("mail.smtp.connectiontimeout", timeout);
        props.put("mail.smtp.timeout", timeout);
        props.put("mail.smtp.writetimeout", timeout);
        props.put("mail.smtp.from", settings.from().getAddress());
        this.session = Session.getInstance(props);
        if (host.isEmpty()) {
            LOG.warn("No SMTP server configured (KAKEHASHI_SMTP_HOST): mail stays in the outbox until one is");
        } else {
            LOG.info("Mail goes to {}:{} ({})", host, port, demo ? "demo mailbox" : tls ? "STARTTLS" : "no TLS");
        }
    }

    @Override
    public boolean available() {
        return !host.isEmpty();
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Connection connect() throws MessagingException {
        Transport transport = session.getTransport("smtp");
        if (user.isEmpty()) {
            transport.connect();
        } else {
            transport.connect(host, port, user, password);
        }
        return new Connection() {
            @Override
            public void send(MimeMessage message) throws MessagingException {
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }

            @Override
            public boolean isOpen() {
                return transport.isConnected();
            }

            @Override
            public void close() {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    LOG.debug("closing the SMTP connection failed", e);
                }
            }
        };
    }
}
