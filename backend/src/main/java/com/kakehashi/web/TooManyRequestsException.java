package com.kakehashi.web;

import io.micronaut.http.HttpStatus;

import java.time.Duration;
import java.util.List;

public final class TooManyRequestsException extends ApiException {

    private final Duration retryAfter;

    public TooManyRequestsException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many attempts. Try again later.", List.of());
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
