package com.kakehashi.console.shell;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValidationMessagesTest {

    private static String translate(String message) {
        return ValidationMessages.translate(message, (key, params) -> key + Arrays.toString(params));
    }

    @Test
    void knownBackendMessagesBecomeKeysWithTheirNumbers() {
        assertEquals("validation.notBlank[]", translate("must not be blank"));
        assertEquals("validation.maxLength[200]", translate("size must be between 0 and 200"));
        assertEquals("validation.size[2, 10]", translate("size must be between 2 and 10"));
        assertEquals("validation.min[1]", translate("must be greater than or equal to 1"));
        assertEquals("validation.timeZone[]", translate("must be an IANA time zone such as Asia/Tokyo"));
        assertEquals("validation.emailTaken[]", translate("A participant with this email already exists in this tenant."));
        assertEquals("validation.controlCharacters[bidirectional control]",
                translate("must not contain bidirectional control characters (U+202E and similar)"));
        assertEquals("schedule.reminders.afterClose[]", translate("every reminder must come before the wave closes"));
    }

    @Test
    void unknownMessagesAreShownAsTheBackendWroteThem() {
        assertEquals("something new went wrong", translate("something new went wrong"));
        assertEquals("", translate(null));
    }
}
