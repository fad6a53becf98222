package com.kakehashi.identity;

import io.micronaut.core.annotation.Nullable;

/**
 * How identity reaches a user by mail about their own account. Identity sits below every feature,
 * so it names what it needs and the mail feature provides it; identity never depends on mail.
 */
public interface AccountMail {

    /** Whether mail is configured at all (it may not be in a development setup). */
    boolean available();

    /**
     * Sends one plain-text mail now.
     *
     * @param idLocalPart the Message-ID's left-hand side, so a resend keeps the same id
     * @return null when sent, else a short error without addresses
     */
    @Nullable
    String send(String idLocalPart, String to, String subject, String text);
}
