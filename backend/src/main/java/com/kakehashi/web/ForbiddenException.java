package com.kakehashi.web;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** The caller may use the endpoint, but their role does not allow this particular change. */
public final class ForbiddenException extends ApiException {

    public ForbiddenException(String field, String message) {
        super(HttpStatus.FORBIDDEN, "forbidden", message, List.of(new Problem.FieldError(field, message)));
    }
}
