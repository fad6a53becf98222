package com.kakehashi.web;

/** Turns a bean-validation path such as {@code create.request.email} into the JSON field {@code email}. */
final class FieldPaths {

    private FieldPaths() {
    }

    /** Serde names the JSON property in its message, e.g. "Error decoding property [Side side] of type …". */
    private static final java.util.regex.Pattern DECODED_PROPERTY =
            java.util.regex.Pattern.compile("property \\[(?:[^\\]\\s]+\\s)?(\\w+)\\]");

    static String fromConversion(io.micronaut.core.convert.exceptions.ConversionErrorException error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof io.micronaut.serde.exceptions.InvalidPropertyFormatException property) {
                return property.getArgument().getName();
            }
            java.util.regex.Matcher matcher = DECODED_PROPERTY.matcher(String.valueOf(t.getMessage()));
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return error.getArgument().getName();
    }

    static String fromPropertyPath(String path) {
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }
}
