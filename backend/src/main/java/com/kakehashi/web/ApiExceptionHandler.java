package com.kakehashi.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Produces
@Singleton
@Requires(classes = {ApiException.class, ExceptionHandler.class})
final class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ApiException exception) {
        MutableHttpResponse<Problem> response = Problems.response(request, exception.status(), exception.type(),
                exception.getMessage(), exception.errors());
        if (exception instanceof TooManyRequestsException tooMany) {
            response.header("Retry-After", String.valueOf(Math.max(1, tooMany.retryAfter().toSeconds())));
        }
        return response;
    }
}
