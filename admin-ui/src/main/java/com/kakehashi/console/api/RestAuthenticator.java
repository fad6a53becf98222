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
    private final boolean behindProxy;

    public RestAuthenticator(URI baseUri) {
        this(baseUri, false);
    }

    /** @param behindProxy whether a proxy in front of the console appends the browser's address to X-Forwarded-For */
    public RestAuthenticator(URI baseUri, boolean behindProxy) {
        this.baseUri = baseUri;
        this.behindProxy = behindProxy;
    }

    @Override
    public String login(String email, String password) {
        try {
            // The backend throttles failed logins per client address; without this every console user
            // would share the console server's address. The backend reads it only because the console
            // is one of its trusted proxies (KAKEHASHI_TRUSTED_PROXIES), see docs/operations.md.
            String browser = forwardedFor();
            return new AuthApi(client(null, request -> {
                if (browser != null) {
                    request.header("X-Forwarded-For", browser);
                }
            })).login(new LoginRequest().username(email).password(password)).getAccessToken();
        } catch (ApiException e) {
            throw ProblemTranslator.from(e);
        }
    }

    /**
     * The console's peer, appended to the chain its own proxy sent when there is one, as every proxy
     * does: the backend walks it from the right and stops at the first hop it does not trust, so a
     * browser's own X-Forwarded-For entries never count.
     */
    private String forwardedFor() {
        var request = com.vaadin.flow.server.VaadinRequest.getCurrent();
        if (request == null) {
            return null;
        }
        String peer = request.getRemoteAddr();
        if (!behindProxy) {
            return peer;
        }
        var chain = new java.util.ArrayList<String>();
        var received = request.getHeaders("X-Forwarded-For");
        while (received != null && received.hasMoreElements()) {
            chain.add(received.nextElement().strip());
        }
        chain.add(peer);
        return String.join(", ", chain);
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
            request.header(RequestIds.HEADER, RequestIds.current());
            if (accessToken != null) {
                request.header("Authorization", "Bearer " + accessToken);
            }
            extra.accept(request);
        });
        return client;
    }
}
