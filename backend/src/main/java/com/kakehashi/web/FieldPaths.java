package com.kakehashi.web;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /**
     * The property at fault, with the properties that lead to it ("milestones.name"): serde wraps an
     * error inside a list or nested record in one "Error decoding property" per level.
     */
    static String fromConversion(ConversionErrorException error) {
        List<String> path = new ArrayList<>();
        for (Throwable t = error.getCause(); t != null; t = t.getCause()) {
            String name = null;
            if (t instanceof InvalidPropertyFormatException property) {
                name = property.getArgument().getName();
            } else {
                Matcher matcher = DECODED_PROPERTY.matcher(String.valueOf(t.getMessage()));
                if (matcher.find()) {
                    name = matcher.group(1);
                }
            }
            if (name != null && (path.isEmpty() || !path.getLast().equals(name))) {
                path.add(name);
            }
            if (t instanceof InvalidPropertyFormatException) {
                break;
            }
        }
        // Some decoding errors ("expected VALUE_STRING" for an object where an enum belongs, a number
        // where a list belongs) do not say where they happened: the problem names the body. Text,
        // numbers, booleans and UUIDs are read by the strict deserializers, which always name it.
        return path.isEmpty() ? error.getArgument().getName() : String.join(".", path);
    }

    /** What is wrong with the value, as far as the client can be told. */
    static String reason(ConversionErrorException error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RefusedValueException refused) {
                return refused.reason();
            }
        }
        return "has the wrong type or format";
    }
}
