package com.kakehashi.console.i18n;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConsoleI18NProviderTest {

    private final ConsoleI18NProvider provider = new ConsoleI18NProvider();

    @Test
    void englishAndJapaneseBundlesDefineTheSameKeys() {
        var english = new TreeSet<>(ConsoleI18NProvider.bundle(Locale.ENGLISH).keySet());
        var japanese = new TreeSet<>(ConsoleI18NProvider.bundle(Locale.JAPANESE).keySet());

        assertEquals(english, japanese);
    }

    @Test
    void speaksJapaneseToAJapaneseBrowser() {
        assertEquals("ログイン", provider.getTranslation("login.submit", Locale.JAPAN));
        assertEquals("Sign in", provider.getTranslation("login.submit", Locale.US));
    }

    @Test
    void fallsBackToEnglishForLanguagesItDoesNotSpeak() {
        assertEquals("Sign in", provider.getTranslation("login.submit", Locale.GERMAN));
    }

    @Test
    void fillsArgumentsInTheUsersLanguage() {
        assertEquals("Page 2 of 3 · 120 in total", provider.getTranslation("pager.status", Locale.ENGLISH, 2, 3, 120));
        assertEquals("2 / 3 ページ（全 1,200 件）", provider.getTranslation("pager.status", Locale.JAPANESE, 2, 3, 1200));
    }

    @Test
    void marksAMissingKeyVisibly() {
        assertEquals("!no.such.key", provider.getTranslation("no.such.key", Locale.ENGLISH));
    }

    @Test
    void theToggleSwitchesBetweenTheTwoLanguages() {
        assertEquals(Locale.JAPANESE, LanguagePreference.toggledFrom(Locale.US).locale());
        assertEquals(Locale.ENGLISH, LanguagePreference.toggledFrom(Locale.JAPAN).locale());
    }
}
