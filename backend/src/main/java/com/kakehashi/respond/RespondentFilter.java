package com.kakehashi.respond;

import com.kakehashi.web.ClientAddress;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Everything under /s/: a rate limit per client address (before security and routing, so nothing
 * else is spent on a flood), and the headers that keep the personal link out of referrers, caches,
 * frames and other origins, on every response including errors and the stylesheet.
 */
@ServerFilter("/s/**")
final class RespondentFilter implements Ordered {

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final RateLimiter limiter;
    private final PageRenderer pages;
    private final ClientAddress addresses;
    private final SubmissionMetrics metrics;

    RespondentFilter(RateLimiter limiter, PageRenderer pages, ClientAddress addresses, SubmissionMetrics metrics) {
        this.limiter = limiter;
        this.pages = pages;
        this.addresses = addresses;
        this.metrics = metrics;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        // The stylesheet is fetched with every page (no-store): counting it would halve the limit.
        if (request.getPath().startsWith("/s/assets/") || limiter.tryAcquire(clientAddress(request))) {
            return null;
        }
        if (request.getMethod() == io.micronaut.http.HttpMethod.POST) {
            metrics.rateLimited();
        }
        PageRenderer.RenderedPage page = pages.tooManyRequests();
        MutableHttpResponse<String> response = HttpResponse.<String>status(io.micronaut.http.HttpStatus.TOO_MANY_REQUESTS)
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Retry-After", String.valueOf(limiter.retryAfterSeconds()))
                .body(page.html());
        return secure(response);
    }

    /**
     * A 503 (the database is out of reach, see web.DatabaseUnavailable) arrives as problem+json:
     * people on a survey link get the bilingual page that says nothing was saved, with the same
     * Retry-After.
     */
    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() == 503 && !request.getPath().startsWith("/s/assets/")) {
            @SuppressWarnings("unchecked")
            MutableHttpResponse<Object> page = (MutableHttpResponse<Object>) response;
            page.contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8").body(pages.busy().html());
        }
        secure(response);
    }

    /**
     * same-origin, not no-referrer: the link never leaves in a referrer to another site either way,
     * but with no-referrer Chromium posts the form with {@code Origin: null} (see docs/architecture.md).
     */
    static <T> MutableHttpResponse<T> secure(MutableHttpResponse<T> response) {
        return response.header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff");
    }

    /** As for login: the peer, or the right-most untrusted X-Forwarded-For hop behind a trusted proxy. */
    private String clientAddress(HttpRequest<?> request) {
        return addresses.of(request);
    }
}
