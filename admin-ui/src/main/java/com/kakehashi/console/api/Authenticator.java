package com.kakehashi.console.api;

/** Exchanges credentials for a token and opens the API on behalf of that token's user. */
public interface Authenticator {

    /** @return the bearer access token; throws {@link ProblemException} (401 bad credentials, 429 throttled). */
    String login(String email, String password);

    KakehashiApi connect(String accessToken);
}
