package com.kakehashi.console.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backend words its problems in English (Bean Validation's messages and the services' own sentences).
 * The common ones are said in the user's language from the bundle; a sentence not listed here is shown as
 * the backend wrote it rather than hidden, so a new backend message is seen in review and added.
 */
public final class ProblemWords {

    /** English sentence (anchored regex) → message key; the groups become the key's arguments. */
    private static final Map<Pattern, String> KNOWN = new LinkedHashMap<>();

    static {
        known("must not be blank", "problem.notBlank");
        known("must not be null", "problem.required");
        known("must not be empty", "problem.notEmpty");
        known("is required", "problem.required");
        known("must be a well-formed email address", "problem.email");
        known("size must be between (\\S+) and (\\S+)", "problem.size");
        known("must be less than or equal to (\\S+)", "problem.max");
        known("must be greater than or equal to (\\S+)", "problem.min");
        known("must be less than (\\S+)", "problem.lessThan");
        known("must be greater than (\\S+)", "problem.greaterThan");
        known("must match \".*\"", "problem.pattern");
        known("has the wrong type or format", "problem.wrongType");
        known("must be a UUID", "problem.uuid");
        known("must not contain NUL characters", "problem.text.nul");
        known("must not contain control characters", "problem.text.control");
        known("must not contain bidirectional control characters.*", "problem.text.bidi");
        known("must not contain a lone surrogate.*", "problem.text.surrogate");
        known("must be an ISO 3166 two-letter country code", "problem.country");
        known("must be an IANA time zone such as (\\S+)", "problem.timeZone");
        known("must not be before the start date", "problem.endBeforeStart");
        known("must not be before from", "problem.toBeforeFrom");
        known("must be at least (\\d+) to protect anonymity", "problem.anonymityThreshold");
        known("must be at least the anonymity threshold \\((\\d+)\\)", "problem.commentThreshold");
        known("must be (\\d+) to (\\d+) characters", "problem.length");
        known("must be ja or en", "problem.language");
        known("every reminder must come before the wave closes", "problem.reminderAfterClose");
        known("must be a single line without tabs", "validation.singleLine");
        known("must be text", "validation.text");
        known("must be a whole number.*", "validation.wholeNumber");
        known("must be a time such as.*", "validation.time");
        known("must be a date such as.*", "validation.date");
        known("must be a published version of one of this tenant's instruments", "validation.publishedVersion");
        known("no such tenant", "problem.noSuchTenant");
        known("no such engagement in this tenant", "problem.noSuchEngagement");
        known("A tenant with this name already exists\\.", "problem.tenantNameTaken");
        known("A user with this email already exists\\.", "problem.userEmailTaken");
        known("A participant with this email already exists in this tenant\\.", "problem.participantEmailTaken");
        known("Only an open alert can be acknowledged\\.", "problem.alertNotOpen");
        known("The alert is already resolved\\.", "problem.alertResolved");
        known("Only an open wave can be closed\\.", "problem.waveNotOpen");
        known("The file is empty\\.", "problem.fileEmpty");
        known("The request has invalid fields\\.", "problem.invalidFields");
        known("Bad Request", "problem.invalidFields");
        known("Conflict", "problem.conflict");
        known("Internal Server Error", "problem.serverError");
    }

    private ProblemWords() {
    }

    private static void known(String regex, String key) {
        KNOWN.put(Pattern.compile(regex), key);
    }

    /** The sentence in the user's language, or the backend's own when it is not a known one. */
    public static String say(String english, BiFunction<String, Object[], String> translate) {
        if (english == null) {
            return "";
        }
        String text = english.strip();
        for (var entry : KNOWN.entrySet()) {
            Matcher m = entry.getKey().matcher(text);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return translate.apply(entry.getValue(), args);
            }
        }
        return english;
    }

    /** A field named in a notification: its label where the bundle has one, else the name the backend used. */
    public static String field(String property, BiFunction<String, Object[], String> translate) {
        String label = translate.apply("problem.field." + property, new Object[0]);
        return label.startsWith("!") ? property : label;
    }
}
