package com.kakehashi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** RFC 9457 problem details, with one entry per offending field. */
@Serdeable
@Schema(description = "RFC 9457 problem details, with one entry per offending field",
        example = """
                {"type": "https://kakehashi.example/problems/invalid-input", "title": "Bad Request", "status": 400,
                 "detail": "The request is not valid.", "instance": "/api/v1/tenants",
                 "errors": [{"field": "name", "message": "must not be blank"}]}""")
public record Problem(@Schema(description = "Kind of problem; stable, safe to switch on") String type,
                      @Schema(description = "The HTTP reason phrase") String title,
                      @Schema(description = "The HTTP status code, repeated") int status,
                      @Nullable @Schema(description = "What went wrong, for a person; never a stack trace") String detail,
                      @Nullable @Schema(description = "The request path") String instance,
                      @Schema(description = "One entry per offending field or parameter; empty when no field is to blame")
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Serdeable
    public record FieldError(String field, String message) {
    }
}
