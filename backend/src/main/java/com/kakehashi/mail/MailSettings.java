package com.kakehashi.mail;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.time.Duration;

/** Everything the mail feature reads from configuration ({@code kakehashi.mail.*}, see application.yml). */
@Singleton
final class MailSettings {

    private final InternetAddress from;
    private final String publicUrl;
    private final int maxAttempts;
    private final int batchSize;
    private final int workers;
    private final String smtpHost;
    private final int smtpPort;
    private final String smtpUser;
    private final String smtpPassword;
    private final boolean smtpTls;
    private final Duration smtpTimeout;

    MailSettings(@Value("${kakehashi.mail.from:`Kakehashi <no-reply@kakehashi.example>`}") String from,
                 @Value("${kakehashi.public-url:`http://localhost:8080`}") String publicUrl,
                 @Value("${kakehashi.mail.max-attempts:8}") int maxAttempts,
                 @Value("${kakehashi.mail.batch-size:50}") int batchSize,
                 @Value("${kakehashi.mail.workers:4}") int workers,
                 @Value("${kakehashi.mail.smtp.host:}") String smtpHost,
                 @Value("${kakehashi.mail.smtp.port:587}") int smtpPort,
                 @Value("${kakehashi.mail.smtp.user:}") String smtpUser,
                 @Value("${kakehashi.mail.smtp.password:}") String smtpPassword,
                 @Value("${kakehashi.mail.smtp.tls:true}") boolean smtpTls,
                 @Value("${kakehashi.mail.smtp.timeout:20s}") Duration smtpTimeout) {
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("kakehashi.mail.from is not a valid address", e);
        }
        if (maxAttempts < 1 || batchSize < 1 || workers < 1) {
            throw new IllegalArgumentException("kakehashi.mail.max-attempts, batch-size and workers must be at least 1");
        }
        if (workers > batchSize) {
            // Each worker claims at least one mail per round: more workers than the batch would let a
            // crashed replica resend more than one batch.
            throw new IllegalArgumentException("kakehashi.mail.workers (" + workers + ") must not exceed kakehashi.mail.batch-size ("
                    + batchSize + ")");
        }
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.maxAttempts = maxAttempts;
        this.batchSize = batchSize;
        this.workers = workers;
        this.smtpHost = smtpHost == null ? "" : smtpHost.trim();
        this.smtpPort = smtpPort;
        this.smtpUser = smtpUser == null ? "" : smtpUser;
        this.smtpPassword = smtpPassword == null ? "" : smtpPassword;
        this.smtpTls = smtpTls;
        this.smtpTimeout = smtpTimeout;
    }

    InternetAddress from() {
        return from;
    }

    /** The domain of the sender address: the right-hand side of every Message-ID. */
    String domain() {
        String address = from.getAddress();
        return address.substring(address.indexOf('@') + 1);
    }

    String link(String token) {
        return publicUrl + "/s/" + token;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The most mails one replica has sent and not yet recorded: what a crash of the process can send
     * twice. The replica's workers share it (see {@link #roundSize(int)}).
     */
    int batchSize() {
        return batchSize;
    }

    /**
     * Mails one of {@code workerCount} workers claims per round: an equal share of the batch, so all
     * of a replica's rounds in flight together never exceed {@link #batchSize()}.
     */
    int roundSize(int workerCount) {
        return Math.max(1, batchSize / Math.max(1, workerCount));
    }

    /** Dispatcher workers per run, each claiming its own rounds (SKIP LOCKED) and its own SMTP connection. */
    int workers() {
        return workers;
    }

    String smtpHost() {
        return smtpHost;
    }

    int smtpPort() {
        return smtpPort;
    }

    String smtpUser() {
        return smtpUser;
    }

    String smtpPassword() {
        return smtpPassword;
    }

    boolean smtpTls() {
        return smtpTls;
    }

    Duration smtpTimeout() {
        return smtpTimeout;
    }
}
