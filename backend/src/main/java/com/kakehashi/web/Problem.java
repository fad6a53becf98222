package com.kakehashi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** RFC 9457 problem details, with one entry per offending field. */
@Serdeable
public record Problem(String type, String title, int status, @Nullable String detail, @Nullable String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Serdeable
    public record FieldError(String field, String message) {
    }
}
