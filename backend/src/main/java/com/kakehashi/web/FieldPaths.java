package com.kakehashi.web;

/** Turns a bean-validation path such as {@code create.request.email} into the JSON field {@code email}. */
final class FieldPaths {

    private FieldPaths() {
    }

    static String fromPropertyPath(String path) {
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }
}
