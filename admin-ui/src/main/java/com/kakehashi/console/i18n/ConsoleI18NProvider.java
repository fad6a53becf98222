package com.kakehashi.console.i18n;

import com.vaadin.flow.i18n.I18NProvider;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * English and Japanese texts from {@code i18n/messages*.properties}. English is the base bundle, so a locale
 * the console does not speak falls back to English rather than to the JVM's default locale.
 */
public class ConsoleI18NProvider implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale JAPANESE = Locale.JAPANESE;
    static final String BUNDLE = "i18n/messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(ENGLISH, JAPANESE);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        var bundle = bundle(locale);
        if (!bundle.containsKey(key)) {
            // Visible in the UI, so a missing key is noticed in review instead of silently showing nothing.
            return "!" + key;
        }
        var pattern = bundle.getString(key);
        return params.length == 0 ? pattern : new MessageFormat(pattern, supported(locale)).format(params);
    }

    /** The provided locale closest to the requested one, by language. */
    public static Locale supported(Locale locale) {
        return locale != null && JAPANESE.getLanguage().equals(locale.getLanguage()) ? JAPANESE : ENGLISH;
    }

    static ResourceBundle bundle(Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, supported(locale), NO_FALLBACK);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Message bundle " + BUNDLE + " is missing from the class path", e);
        }
    }
}
