package com.kakehashi.web;

import io.micronaut.http.HttpStatus;

import java.util.List;

public final class ConflictException extends ApiException {

    public ConflictException(String field, String message) {
        super(HttpStatus.CONFLICT, "conflict", message, List.of(new Problem.FieldError(field, message)));
    }
}
