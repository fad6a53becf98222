package com.kakehashi.console.api;

import com.kakehashi.console.client.ApiClient;
import com.kakehashi.console.client.ApiException;
import com.kakehashi.console.client.api.AuthApi;
import com.kakehashi.console.client.model.LoginRequest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;

/** Logs in through the generated client and opens a {@link RestKakehashiApi} for the token. */
public final class RestAuthenticator implements Authenticator {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUri;

    public RestAuthenticator(URI baseUri) {
        this.baseUri = baseUri;
    }

    @Override
    public String login(String email, String password) {
        try {
            // The backend throttles failed logins per client address; without this every console user
            // would share the console server's address. It is trusted only where the backend is told
            // to (KAKEHASHI_CLIENT_ADDRESS_HEADER), see docs/operations.md.
            String browser = browserAddress();
            return new AuthApi(client(null, request -> {
                if (browser != null) {
                    request.header("X-Forwarded-For", browser);
                }
            })).login(new LoginRequest().username(email).password(password)).getAccessToken();
        } catch (ApiException e) {
            throw ProblemTranslator.from(e);
        }
    }

    private static String browserAddress() {
        var request = com.vaadin.flow.server.VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }

    @Override
    public KakehashiApi connect(String accessToken) {
        return new RestKakehashiApi(this, accessToken);
    }

    ApiClient client(String accessToken) {
        return client(accessToken, request -> { });
    }

    /** A client for the backend, sending the bearer token when there is one; {@code extra} adjusts each request. */
    ApiClient client(String accessToken, Consumer<HttpRequest.Builder> extra) {
        var builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        var client = new ApiClient(builder, ApiClient.createDefaultObjectMapper(), baseUri.toString());
        client.setReadTimeout(READ_TIMEOUT);
        client.setRequestInterceptor(request -> {
            if (accessToken != null) {
                request.header("Authorization", "Bearer " + accessToken);
            }
            extra.accept(request);
        });
        return client;
    }
}
