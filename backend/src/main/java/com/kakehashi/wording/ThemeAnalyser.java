package com.kakehashi.wording;

import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.Set;

/** Comment themes' analysis: the content terms of a comment and what the theme lexicon says of a term. */
@Singleton
public class ThemeAnalyser {

    private final ThemeTerms terms = new ThemeTerms();
    private final ThemeLexicon lexicon = ThemeLexicon.load(terms);

    /** The distinct content terms of one comment (each counts once per comment). */
    public Set<ThemeTerms.Term> terms(String text, String language) {
        return terms.of(text, language);
    }

    public Optional<ThemeLexicon.Entry> lookUp(ThemeTerms.Term term) {
        return lexicon.find(term);
    }

    /** e.g. {@code themes-v1}; figures of two versions may link different signs. */
    public String lexiconVersion() {
        return lexicon.version();
    }
}
