package com.kakehashi.console.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backend names what is wrong with a field in English ("must not be blank"). The messages it uses are
 * few and stable, so the console turns each into a sentence of the user's language; one it does not know is
 * shown as the backend wrote it rather than hidden.
 */
public final class ValidationMessages {

    private static final Map<Pattern, String> KEYS = new LinkedHashMap<>();

    static {
        key("must not be blank", "validation.notBlank");
        key("must not be null", "validation.notNull");
        key("must not be empty", "validation.notBlank");
        key("size must be between 0 and (\\d+)", "validation.maxLength");
        key("size must be between (\\d+) and (\\d+)", "validation.size");
        key("must be greater than or equal to (-?\\d+)", "validation.min");
        key("must be less than or equal to (-?\\d+)", "validation.max");
        key("must be a well-formed email address", "validation.email");
        key("A participant with this email already exists.*", "validation.emailTaken");
        key("must be an IANA time zone.*", "validation.timeZone");
        key("must be ja or en", "validation.language");
        key("must be a single line without tabs", "validation.singleLine");
        key("must not contain (control characters|NUL characters|a lone surrogate|bidirectional control).*",
                "validation.controlCharacters");
        key("must be text", "validation.text");
        key("must be a whole number.*", "validation.wholeNumber");
        key("must be a time such as.*", "validation.time");
        key("must be a date such as.*", "validation.date");
        key("must not be before the start date", "schedule.endBeforeStart");
        key("every reminder must come before the wave closes", "schedule.reminders.afterClose");
        key("must be a published version of one of this tenant's instruments", "validation.publishedVersion");
        key("no such engagement in this tenant", "validation.engagement");
    }

    private ValidationMessages() {
    }

    private static void key(String regex, String key) {
        KEYS.put(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), key);
    }

    /**
     * @param translate the view's {@code getTranslation(key, params)}
     * @return the message in the user's language, or the backend's own words if it is not one of the known ones
     */
    public static String translate(String message, BiFunction<String, Object[], String> translate) {
        if (message == null) {
            return "";
        }
        for (var entry : KEYS.entrySet()) {
            Matcher m = entry.getKey().matcher(message.strip());
            if (m.matches()) {
                Object[] params = new Object[m.groupCount()];
                for (int i = 0; i < params.length; i++) {
                    params[i] = m.group(i + 1);
                }
                // Numbers stay as the backend wrote them ("500", not "五百" or "1,000" reformatted).
                return translate.apply(entry.getValue(), params);
            }
        }
        return message;
    }
}
