package com.kakehashi.wording;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.BaseFormAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Japanese text as Kuromoji (IPADIC) reads it: surface, base form and part of speech per morpheme.
 *
 * <p>Mode NORMAL, not SEARCH: SEARCH splits long kanji compounds and emits the compound beside its
 * parts as a token graph (position lengths &gt; 1), which is right for recall in a search index but
 * makes sequence patterns ambiguous. Markers are short dictionary words and auxiliaries
 * (検討/する/せる/いただく, 難しい/ない), which NORMAL segments exactly as the dictionary has them, in
 * one linear sequence. Punctuation is kept (discardPunctuation=false) because it bounds a phrase: a
 * negation after 、 or 。 belongs to the next clause, not to the marker.
 *
 * <p>The Analyzer reuses one tokenizer per thread, so one instance serves every thread.
 */
final class JapaneseTokens {

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.NORMAL);
            return new TokenStreamComponents(tokenizer);
        }
    };

    List<Token> tokens(String text) {
        // NFKC folds half-width katakana and full-width Latin so that the dictionary recognises them.
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("comment", normalised)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            BaseFormAttribute baseForm = stream.addAttribute(BaseFormAttribute.class);
            PartOfSpeechAttribute partOfSpeech = stream.addAttribute(PartOfSpeechAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String surface = term.toString();
                String pos = partOfSpeech.getPartOfSpeech() == null ? "" : partOfSpeech.getPartOfSpeech();
                if (pos.startsWith("記号") || surface.codePoints().noneMatch(Character::isLetterOrDigit)) {
                    // NFKC turns … into "...", which the dictionary does not know and tags as a noun
                    tokens.add(Token.boundaryToken(surface));
                    continue;
                }
                String base = baseForm.getBaseForm();
                tokens.add(new Token(surface, base == null ? surface : base, pos, false));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return tokens;
    }
}
