package com.kakehashi.wording;

import java.util.List;
import java.util.Set;

/**
 * One lexicon row: a token pattern on base forms, the category it signals, its context rules and the
 * two sentences that document it (one where it must be found, one where it must not).
 */
record LexiconEntry(String id, String language, MarkerCategory category, String patternText, List<Element> pattern,
                    Rules rules, String example, String counterExample) {

    /** One position of a pattern. */
    sealed interface Element permits Word, AnyWord, Gap, End {
    }

    /**
     * A token whose base form is one of {@code bases} (an entry written {@code =x} matches the surface
     * x instead), and (Japanese) whose part of speech starts with {@code posPrefix}.
     */
    record Word(Set<String> bases, String posPrefix) implements Element {
    }

    /** {@code *}: any one token inside the phrase. */
    record AnyWord() implements Element {
    }

    /** {@code ~N}: up to N tokens inside the phrase. */
    record Gap(int max) implements Element {
    }

    /** {@code $}: the phrase ends here (punctuation, an ellipsis, or the end of the comment). */
    record End() implements Element {
    }

    /**
     * Context rules, all optional.
     *
     * @param negationApplies  false ({@code neg=ignore}) when the marker itself contains a negation (かもしれません, "not sure")
     * @param notFollowedBy    base forms that must not follow in the same phrase (検討 + した: a past decision, not a deferral)
     * @param notNextPos       parts of speech (prefixes) the next token must not have (難しい + 名詞 is attributive: 難しい判断)
     * @param notSurface       surfaces the matched words must not have ("concerning" the preposition)
     * @param notPrecededBy    base forms that must not precede in the same clause ("as far as I am concerned")
     * @param precededBy       base forms one of which must precede in the same clause ("is … difficult", not "a difficult market")
     */
    record Rules(boolean negationApplies, Set<String> notFollowedBy, Set<String> notNextPos, Set<String> notSurface,
                 Set<String> notPrecededBy, Set<String> precededBy) {
    }
}
