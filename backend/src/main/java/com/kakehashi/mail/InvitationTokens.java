package com.kakehashi.mail;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Personal link tokens: 256 random bits from a CSPRNG, base64url without padding (43 characters).
 * Only {@link #hash} of a token is stored; the token itself exists only in the mail.
 */
public final class InvitationTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private InvitationTokens() {
    }

    static String mint() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The key of invitation_token: the same function the respondent page looks tokens up with. */
    public static byte[] hash(String token) {
        return com.kakehashi.respond.TokenHash.of(token);
    }
}
