package com.kakehashi.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;

/**
 * A small HTTP client for tests: every call returns the status and the raw body, whatever the
 * status, so tests assert on both without try/catch.
 */
public final class Api {

    private final BlockingHttpClient http;
    private final JsonMapper json;

    public Api(URL baseUrl, JsonMapper json) {
        this.http = HttpClient.create(baseUrl).toBlocking();
        this.json = json;
    }

    /** With a longer read timeout than the client's 10 s, for requests whose cost a test measures rather than bounds. */
    public Api(URL baseUrl, JsonMapper json, java.time.Duration readTimeout) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setReadTimeout(readTimeout);
        this.http = HttpClient.create(baseUrl, configuration).toBlocking();
        this.json = json;
    }

    public record Reply(int status, String body, String contentType, Map<String, String> headers, JsonMapper json) {

        public Map<String, Object> map() {
            return read(Argument.mapOf(String.class, Object.class));
        }

        public java.util.List<Map<String, Object>> list() {
            return read(Argument.listOf(Argument.mapOf(String.class, Object.class)));
        }

        public <T> T read(Argument<T> type) {
            try {
                return json.readValue(body, type);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String field(String name) {
            Object value = map().get(name);
            return value == null ? null : value.toString();
        }
    }

    public Reply send(MutableHttpRequest<?> request, String token) {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            HttpResponse<String> response = http.exchange(request, String.class);
            return reply(response, response.getBody().orElse(""));
        } catch (HttpClientResponseException e) {
            return reply(e.getResponse(), e.getResponse().getBody(String.class).orElse(""));
        }
    }

    public Reply get(String path, String token) {
        return send(HttpRequest.GET(path), token);
    }

    public Reply post(String path, Object body, String token) {
        return send(HttpRequest.POST(path, body), token);
    }

    public Reply put(String path, Object body, String token) {
        return send(HttpRequest.PUT(path, body), token);
    }

    public Reply patch(String path, Object body, String token) {
        return send(HttpRequest.PATCH(path, body), token);
    }

    public Reply delete(String path, String token) {
        return send(HttpRequest.DELETE(path), token);
    }

    public String login(String email, String password) {
        Reply reply = post("/login", Map.of("username", email, "password", password), null);
        if (reply.status() != 200) {
            throw new AssertionError("login failed for " + email + ": " + reply.status() + " " + reply.body());
        }
        return reply.field("accessToken");
    }

    private Reply reply(HttpResponse<?> response, String body) {
        Map<String, String> headers = new java.util.HashMap<>();
        response.getHeaders().forEachValue((name, value) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), value));
        return new Reply(response.code(), body, response.getContentType().map(Object::toString).orElse(""), headers, json);
    }
}
