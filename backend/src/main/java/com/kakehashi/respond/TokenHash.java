package com.kakehashi.respond;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The one hash of a personal link token: SHA-256 over the token's text as UTF-8 (for a base64url
 * token the same bytes as ASCII). {@code invitation_token.token_hash} holds exactly this; the mail
 * feature stores it when it mints a token and the respondent page looks tokens up with it.
 */
public final class TokenHash {

    private TokenHash() {
    }

    public static byte[] of(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }
}
