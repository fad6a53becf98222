package com.kakehashi.web;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** The object does not exist, or the caller may not know that it does: the answer is the same. */
public final class NotFoundException extends ApiException {

    public NotFoundException(String objectType) {
        super(HttpStatus.NOT_FOUND, "not-found", "No such " + objectType + ".", List.of());
    }
}
