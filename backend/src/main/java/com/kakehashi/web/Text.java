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
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("must not contain a lone surrogate (invalid UTF-16)");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("must not contain a lone surrogate (invalid UTF-16)");
            }
            if (c == 0) {
                return Optional.of("must not contain NUL characters");
            }
            if (c == '\n' || c == '\r' || c == '\t') {
                if (!multiLine) {
                    return Optional.of("must be a single line without tabs");
                }
                continue;
            }
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return Optional.of("must not contain control characters");
            }
            if (isBidiControl(c)) {
                return Optional.of("must not contain bidirectional control characters (U+202E and similar)");
            }
        }
        return Optional.empty();
    }

    static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
