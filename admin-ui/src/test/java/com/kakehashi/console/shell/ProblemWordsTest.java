package com.kakehashi.console.shell;

import com.kakehashi.console.i18n.ConsoleI18NProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ProblemWordsTest {

    private static final ConsoleI18NProvider I18N = new ConsoleI18NProvider();
    private static final BiFunction<String, Object[], String> JA = (k, a) -> I18N.getTranslation(k, Locale.JAPANESE, a);
    private static final BiFunction<String, Object[], String> EN = (k, a) -> I18N.getTranslation(k, Locale.ENGLISH, a);

    @Test
    void commonValidationMessagesAreSaidInJapanese() {
        assertEquals("入力してください", ProblemWords.say("must not be blank", JA));
        assertEquals("有効なメールアドレスを入力してください", ProblemWords.say("must be a well-formed email address", JA));
        assertEquals("1〜200個（文字）にしてください", ProblemWords.say("size must be between 1 and 200", JA));
        assertEquals("100以下にしてください", ProblemWords.say("must be less than or equal to 100", JA));
        assertEquals("IANA のタイムゾーン（例：Asia/Tokyo）を指定してください",
                ProblemWords.say("must be an IANA time zone such as Asia/Tokyo", JA));
        assertEquals("同じ名前のクライアントがすでに存在します。", ProblemWords.say("A tenant with this name already exists.", JA));
        assertEquals("入力内容に誤りがあります。", ProblemWords.say("The request has invalid fields.", JA));
    }

    @Test
    void everyKnownSentenceHasAJapaneseTextWithoutEnglishWords() {
        for (String english : List.of("must not be blank", "must not be null", "must not be empty", "is required",
                "must be a well-formed email address", "size must be between 0 and 10", "must be greater than or equal to 3",
                "must be less than 5", "must be greater than 0", "must match \"[a-z]+\"", "has the wrong type or format",
                "must not contain control characters", "must not be before the start date",
                "must be at least 3 to protect anonymity", "must be 12 to 200 characters",
                "every reminder must come before the wave closes", "no such tenant",
                "A participant with this email already exists in this tenant.", "Only an open wave can be closed.",
                "The alert is already resolved.", "Only an open alert can be acknowledged.", "The file is empty.",
                "Conflict", "Internal Server Error", "must be a single line without tabs", "must be text",
                "must be a whole number", "must be a time such as 09:00", "must be a date such as 2027-04-01",
                "must be a published version of one of this tenant's instruments")) {
            String japanese = ProblemWords.say(english, JA);
            assertFalse(japanese.startsWith("!"), "no key for: " + english);
            assertFalse(japanese.replaceAll("UUID|NUL|U\\+202E|IANA|ISO|ja|en", "").matches(".*[A-Za-z]{2,}.*"),
                    english + " → " + japanese);
        }
    }

    @Test
    void englishStaysCloseToTheBackendsWording() {
        assertEquals("must be at most 100", ProblemWords.say("must be less than or equal to 100", EN));
        assertEquals("A client with this name already exists.", ProblemWords.say("A tenant with this name already exists.", EN));
    }

    @Test
    void anUnknownSentenceIsShownAsTheBackendWroteIt() {
        assertEquals("something new went wrong", ProblemWords.say("something new went wrong", JA));
    }

    @Test
    void fieldsAreNamedByTheirLabelWhereThereIsOne() {
        assertEquals("メールアドレス", ProblemWords.field("email", JA));
        assertEquals("weirdField", ProblemWords.field("weirdField", JA));
    }
}
