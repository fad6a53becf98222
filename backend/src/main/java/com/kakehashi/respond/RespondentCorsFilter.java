package com.kakehashi.respond;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsFilter;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.resource.StaticResourceResolver;
import jakarta.inject.Inject;

/**
 * Micronaut's CORS filter, except that its drive-by-localhost guard leaves the respondent page alone.
 * That guard answers 403 to any request to a local host name whose Origin is not local, and a browser
 * posting a form from a page it treats as opaque sends {@code Origin: null}: on a local demo every
 * survey submission was refused before reaching the page. {@link RespondentOriginFilter} keeps the
 * cross-site protection for /s/ by its own rules; everything else keeps Micronaut's guard.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Replaces(CorsFilter.class)
final class RespondentCorsFilter extends CorsFilter {

    @Inject
    RespondentCorsFilter(HttpServerConfiguration.CorsConfiguration corsConfiguration,
                         StaticResourceResolver staticResourceResolver, Router router, HttpHostResolver httpHostResolver) {
        super(corsConfiguration, staticResourceResolver, router, httpHostResolver);
    }

    @Override
    protected boolean shouldDenyToPreventDriveByLocalhostAttack(String origin, HttpRequest<?> request) {
        return !RespondentOriginFilter.isRespondentPage(request)
                && super.shouldDenyToPreventDriveByLocalhostAttack(origin, request);
    }
}
