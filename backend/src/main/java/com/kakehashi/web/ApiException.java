package com.kakehashi.web;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** A failure the caller can act on; mapped once to a problem response by {@link ApiExceptionHandler}. */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final List<Problem.FieldError> errors;

    protected ApiException(HttpStatus status, String type, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
