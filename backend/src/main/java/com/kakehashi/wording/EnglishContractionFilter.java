package com.kakehashi.wording;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Splits the clitics StandardTokenizer leaves inside a word ("isn't", "we'll", "it's") into two
 * tokens ("is" "not", "we" "will", "it" "is"), so that negation reads as "not" and "we'll consider"
 * matches the entry "will consider". Runs after lower-casing and before EnglishPossessiveFilter:
 * "'s" after a pronoun is "is" ("it's difficult"); after anything else it stays a possessive and the
 * possessive filter removes it ("HQ's plan").
 */
final class EnglishContractionFilter extends TokenFilter {

    private static final Map<String, String> IRREGULAR_NEGATIVES =
            Map.of("can't", "can", "won't", "will", "shan't", "shall", "ain't", "is");
    private static final Map<String, String> CLITICS =
            Map.of("n't", "not", "'ll", "will", "'re", "are", "'ve", "have", "'m", "am", "'d", "would");
    private static final Set<String> IS_AFTER =
            Set.of("it", "that", "there", "here", "what", "who", "where", "he", "she", "this", "everything", "nothing");

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute positionIncrement = addAttribute(PositionIncrementAttribute.class);
    private State pendingState;
    private String pendingText;

    EnglishContractionFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pendingText != null) {
            restoreState(pendingState);
            term.setEmpty().append(pendingText);
            positionIncrement.setPositionIncrement(1);
            pendingText = null;
            pendingState = null;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String word = term.toString().replace('\u2019', '\'');
        String head = null;
        String tail = null;
        if (IRREGULAR_NEGATIVES.containsKey(word)) {
            head = IRREGULAR_NEGATIVES.get(word);
            tail = "not";
        } else if (word.endsWith("'s") && IS_AFTER.contains(word.substring(0, word.length() - 2))) {
            head = word.substring(0, word.length() - 2);
            tail = "is";
        } else if (word.equals("let's")) {
            head = "let";
            tail = "us";
        } else {
            for (Map.Entry<String, String> clitic : CLITICS.entrySet()) {
                if (word.endsWith(clitic.getKey()) && word.length() > clitic.getKey().length()) {
                    head = word.substring(0, word.length() - clitic.getKey().length());
                    tail = clitic.getValue();
                    break;
                }
            }
        }
        if (head == null) {
            return true;
        }
        term.setEmpty().append(head);
        pendingState = captureState();
        pendingText = tail;
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pendingState = null;
        pendingText = null;
    }
}
