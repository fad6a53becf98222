package com.kakehashi.console.i18n;

import java.util.Locale;

/** The language the user picked in the header; remembered for the session, absent until they pick one. */
public record LanguagePreference(Locale locale) {

    public LanguagePreference {
        locale = ConsoleI18NProvider.supported(locale);
    }

    /** The header's toggle switches between the two languages the console speaks. */
    public static LanguagePreference toggledFrom(Locale current) {
        var supported = ConsoleI18NProvider.supported(current);
        return new LanguagePreference(
                supported.equals(ConsoleI18NProvider.JAPANESE) ? ConsoleI18NProvider.ENGLISH : ConsoleI18NProvider.JAPANESE);
    }
}
