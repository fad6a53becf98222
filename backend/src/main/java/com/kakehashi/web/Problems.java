package com.kakehashi.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;

/** Builds problem responses; the one place that knows their shape on the wire. */
public final class Problems {

    private static final String TYPE_BASE = "https://kakehashi.example/problems/";

    private Problems() {
    }

    public static MutableHttpResponse<Problem> response(HttpRequest<?> request, HttpStatus status, String type,
                                                        String detail, List<Problem.FieldError> errors) {
        return HttpResponse.<Problem>status(status)
                .contentType(Problem.MEDIA_TYPE)
                .body(problem(request, status, type, detail, errors));
    }

    public static Problem problem(HttpRequest<?> request, HttpStatus status, String type, String detail,
                                  List<Problem.FieldError> errors) {
        return new Problem(TYPE_BASE + type, status.getReason(), status.getCode(), detail,
                request == null ? null : request.getPath(), errors);
    }

    public static MutableHttpResponse<Problem> notFound(HttpRequest<?> request, String objectType) {
        return response(request, HttpStatus.NOT_FOUND, "not-found", "No such " + objectType + ".", List.of());
    }
}
