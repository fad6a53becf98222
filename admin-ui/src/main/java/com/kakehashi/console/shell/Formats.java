package com.kakehashi.console.shell;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates shown the way the user's language writes them. */
public final class Formats {

    private Formats() {
    }

    public static String dateTime(OffsetDateTime value, Locale locale) {
        return value == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(value.toLocalDateTime());
    }

    public static String date(LocalDate value, Locale locale) {
        return value == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(value);
    }
}
