package com.kakehashi.console.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;

/** An RFC 9457 problem answered by the backend, reduced to what the console shows. */
public record ApiProblem(String type, String title, int status, String detail, List<FieldError> errors) {
    public ApiProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Marks a problem the console made up because the backend could not be reached at all. */
    public static final String UNREACHABLE = "urn:kakehashi:console:unreachable";

    public record FieldError(String field, String message) {
        /**
         * The property the error is about: validation paths such as {@code create.body.email} end with it,
         * and that last segment is what a form knows its fields by.
         */
        public String property() {
            if (field == null) {
                return "";
            }
            int dot = field.lastIndexOf('.');
            return dot < 0 ? field : field.substring(dot + 1);
        }
    }

    public static ApiProblem of(int status, String title) {
        return new ApiProblem(null, title, status, null, List.of());
    }

    /** First message per property, in the order the backend gave them. */
    public Map<String, String> fieldMessages() {
        var messages = new LinkedHashMap<String, String>();
        errors.forEach(e -> messages.putIfAbsent(e.property(), e.message()));
        return messages;
    }

    /** The sentence to show a person: the detail when the backend gave one, otherwise the title. */
    public String message() {
        return Optional.ofNullable(detail).filter(d -> !d.isBlank())
                .orElseGet(() -> Optional.ofNullable(title).orElse("HTTP " + status));
    }

    public boolean isUnreachable() {
        return UNREACHABLE.equals(type);
    }

    public boolean isUnauthorized() {
        return status == 401;
    }
}
