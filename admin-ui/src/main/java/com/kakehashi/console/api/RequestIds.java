package com.kakehashi.console.api;

import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of the console request being served (one per click: a Vaadin UI round trip is one HTTP
 * request), sent to the backend as {@code X-Request-Id} on every API call it makes, so one id follows
 * a click through the console's and the backend's logs. The backend keeps the same rule for what it
 * accepts. Outside a request (a background thread), each call gets an id of its own.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** What the backend takes as given (web.RequestIdFilter); anything else is replaced, never forwarded. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestIds() {
    }

    /** The current request's id, or a fresh one outside a request. */
    public static String current() {
        String id = CURRENT.get();
        return id != null ? id : fresh();
    }

    /**
     * Enters a request: the caller's id when sane (an ingress that sets one, so its log joins too),
     * otherwise a new one. Close the scope when the request ends.
     */
    public static Scope enter(String incoming) {
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : fresh();
        CURRENT.set(id);
        MDC.put(MDC_KEY, id);
        return new Scope(id);
    }

    private static String fresh() {
        return UUID.randomUUID().toString();
    }

    /** One request's id, for as long as it is served. */
    public record Scope(String id) implements AutoCloseable {
        @Override
        public void close() {
            CURRENT.remove();
            MDC.remove(MDC_KEY);
        }
    }
}
