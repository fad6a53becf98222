package com.kakehashi.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * API answers carry personal data and tokens: no cache (browser, proxy) may keep them, and no
 * browser may guess a type other than the one declared. Ordered before security, so the 401 and
 * 403 that the security filter answers on its own get the headers too.
 */
@ServerFilter({"/api/**", "/login"})
final class ApiResponseHeaders implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    void headers(MutableHttpResponse<?> response) {
        response.getHeaders().set("Cache-Control", "no-store");
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
    }
}
