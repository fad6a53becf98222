package com.kakehashi.web;

import java.util.Optional;

/**
 * The one rule for text a client may store: no NUL (PostgreSQL cannot store it), no lone UTF-16
 * surrogate (it would be stored as "?"), no C0/C1 control character (tab, line feed and carriage
 * return only in multi-line text), and no Unicode bidirectional control (U+061C, U+200E/F,
 * U+202A–U+202E, U+2066–U+2069), which can make a name display as something it is not
 * ("invoice\u202Efdp.exe"). Such text is refused, not cleaned: a silent change would store something
 * the client never sent. Used by JSON bodies ({@link StrictTextSerde}), query values
 * ({@link QueryTextFilter}) and the participant CSV import.
 */
public final class Text {

    private Text() {
    }

    /** Why the value cannot be accepted, or empty if it can. */
    public static Optional<String> refusal(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            if (isSurrogatePair(value, i)) {
                i++;
                continue;
            }
            String reason = refusal(value.charAt(i), multiLine);
            if (reason != null) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    /**
     * The value with every character {@link #refusal(String, boolean)} refuses taken out: to show a
     * person what would be accepted beside the refusal, never to store in their place.
     */
    public static String withoutRefused(String value, boolean multiLine) {
        StringBuilder kept = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            if (isSurrogatePair(value, i)) {
                kept.append(value, i, i + 2);
                i++;
            } else if (refusal(value.charAt(i), multiLine) == null) {
                kept.append(value.charAt(i));
            }
        }
        return kept.toString();
    }

    private static boolean isSurrogatePair(String value, int i) {
        return Character.isHighSurrogate(value.charAt(i)) && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
    }

    /** @return why this (non-paired) character is refused, or null */
    private static String refusal(char c, boolean multiLine) {
        if (Character.isSurrogate(c)) {
            return "must not contain a lone surrogate (invalid UTF-16)";
        }
        if (c == 0) {
            return "must not contain NUL characters";
        }
        if (c == '\n' || c == '\r' || c == '\t') {
            return multiLine ? null : "must be a single line without tabs";
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return "must not contain control characters";
        }
        if (isBidiControl(c)) {
            return "must not contain bidirectional control characters (U+202E and similar)";
        }
        return null;
    }

    static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
