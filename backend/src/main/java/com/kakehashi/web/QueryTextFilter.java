package com.kakehashi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.ArrayList;
import java.util.List;

/**
 * Query values follow the same text rule as JSON bodies ({@link Text}): a {@code %00} in a search
 * used to reach PostgreSQL and come back as a 500. Checked before any controller, for the whole API.
 */
@ServerFilter({"/api/**", "/login"})
final class QueryTextFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseBadText(HttpRequest<?> request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String name : request.getParameters().names()) {
            // A bad parameter name is not echoed back.
            String field = Text.refusal(name, false).isPresent() || name.length() > 64 ? "query" : name;
            Text.refusal(name, false).ifPresent(reason -> errors.add(new Problem.FieldError(field, reason)));
            for (String value : request.getParameters().getAll(name)) {
                Text.refusal(value, false).ifPresent(reason -> errors.add(new Problem.FieldError(field, reason)));
            }
        }
        if (errors.isEmpty()) {
            return null;
        }
        return Problems.response(request, HttpStatus.BAD_REQUEST, "invalid-input", "The request has invalid fields.", errors);
    }
}
