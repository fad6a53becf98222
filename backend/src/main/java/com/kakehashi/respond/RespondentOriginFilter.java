package com.kakehashi.respond;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.util.HttpHostResolver;

import java.net.URI;
import java.util.Locale;

/**
 * Cross-site protection for the respondent's form posts. The personal token in the URL is the only
 * credential (no cookie, no ambient authority), so a forged post cannot act for anyone without the
 * token; still, a post that says it comes from another site is refused: an explicit foreign
 * {@code Origin}, or {@code Sec-Fetch-Site: cross-site}. Accepted: no Origin (older clients),
 * {@code Origin: null} (a browser posting from a page it treats as opaque) and this server's own
 * origin, as the request reached it or as the mailed links name it ({@code kakehashi.public-url}).
 */
@ServerFilter("/s/**")
final class RespondentOriginFilter implements Ordered {

    private final PageRenderer pages;
    private final HttpHostResolver hosts;
    private final String publicOrigin;

    RespondentOriginFilter(PageRenderer pages, HttpHostResolver hosts,
                           @Value("${kakehashi.public-url:`http://localhost:8080`}") String publicUrl) {
        this.pages = pages;
        this.hosts = hosts;
        this.publicOrigin = origin(publicUrl);
    }

    /** After {@link RespondentFilter}'s rate limit: a flood is limited before anything else is looked at. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before() + 1;
    }

    static boolean isRespondentPage(HttpRequest<?> request) {
        return request.getPath().startsWith("/s/");
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseCrossSite(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.POST || !crossSite(request)) {
            return null;
        }
        PageRenderer.RenderedPage page = pages.crossSite();
        return RespondentFilter.secure(HttpResponse.<String>status(HttpStatus.valueOf(page.status()))
                .contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8")
                .body(page.html()));
    }

    private boolean crossSite(HttpRequest<?> request) {
        if ("cross-site".equalsIgnoreCase(request.getHeaders().get("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeaders().getOrigin().orElse(null);
        if (origin == null || origin.equals("null")) {
            return false;
        }
        String given = origin(origin);
        return !given.equals(publicOrigin) && !given.equals(origin(hosts.resolve(request)));
    }

    /** scheme://host[:port] in lower case, default ports dropped; "" when it is not a URL. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
