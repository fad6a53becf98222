package com.kakehashi.web;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** Input that passed the annotations but breaks a rule only the service can check. */
public final class InvalidInputException extends ApiException {

    public InvalidInputException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    public InvalidInputException(List<Problem.FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "invalid-input", "The request has invalid fields.", errors);
    }
}
