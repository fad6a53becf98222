package com.kakehashi.wording;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * English text as Lucene's English analysis reads it: StandardTokenizer (Unicode word breaks),
 * lower case, contractions split, possessives removed, Porter stems.
 *
 * <p>Porter, not KStem: KStem keeps "worried" and "concerned" apart from "worry" and "concern" and
 * leaves "revisited" as "revisite"; Porter folds each family to one stem, and since lexicon entries
 * go through this same chain the stems never need to be readable. The one over-folding that matters
 * ("concerning" the preposition reads as "concern") is excluded by a context rule in the lexicon.
 *
 * <p>StandardTokenizer drops punctuation; a boundary token is put back wherever the text between two
 * words holds clause punctuation, so that patterns and negation windows stop at a clause's end.
 */
final class EnglishTokens {

    private static final Pattern CLAUSE_PUNCTUATION = Pattern.compile("[.,;:!?()\\[\\]\"“”…—–/]|\\s-\\s");

    private final Analyzer stemming = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(tokenizer);
            stream = new EnglishContractionFilter(stream);
            stream = new EnglishPossessiveFilter(stream);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    };

    private final Analyzer surfaces = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(tokenizer);
            stream = new EnglishContractionFilter(stream);
            stream = new EnglishPossessiveFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    };

    List<Token> tokens(String text) {
        List<String> stems = new ArrayList<>();
        List<int[]> offsets = new ArrayList<>();
        run(stemming, text, stems, offsets);
        List<String> words = new ArrayList<>();
        run(surfaces, text, words, new ArrayList<>());
        List<Token> tokens = new ArrayList<>();
        int previousEnd = 0;
        for (int i = 0; i < stems.size(); i++) {
            int[] offset = offsets.get(i);
            if (offset[0] > previousEnd && CLAUSE_PUNCTUATION.matcher(text.substring(previousEnd, offset[0])).find()) {
                tokens.add(Token.boundaryToken(text.substring(previousEnd, offset[0]).strip()));
            }
            tokens.add(new Token(words.get(i), stems.get(i), "", false));
            previousEnd = Math.max(previousEnd, offset[1]);
        }
        return tokens;
    }

    private static void run(Analyzer analyzer, String text, List<String> terms, List<int[]> offsets) {
        try (TokenStream stream = analyzer.tokenStream("comment", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
                offsets.add(new int[] {offset.startOffset(), offset.endOffset()});
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }
}
