package com.kakehashi.web;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the JSON field a client got wrong, so a problem can name it instead of "body". */
final class FieldPaths {

    /** Serde names the property in some messages: "Error decoding property [List<UUID E> consultantIds] of type …". */
    private static final Pattern DECODED_PROPERTY = Pattern.compile("property \\[[^\\]]*?(\\w+)\\]");

    private FieldPaths() {
    }

    /** A bean-validation path such as {@code create.request.email} becomes {@code email}. */
    static String fromPropertyPath(String path) {
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    static String fromConversion(ConversionErrorException error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InvalidPropertyFormatException property) {
                return property.getArgument().getName();
            }
            Matcher matcher = DECODED_PROPERTY.matcher(String.valueOf(t.getMessage()));
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        // Some decoding errors ("expected VALUE_STRING" for an object) do not say where they happened.
        return error.getArgument().getName();
    }
}
