package com.kakehashi.wording;

/**
 * One analysed token. {@code base} is what lexicon entries match: Kuromoji's base form (dictionary
 * form, so 難しかった and 難しく both read 難しい) or the English Porter stem. A boundary token stands
 * for punctuation; patterns, gaps and negation scopes never cross it.
 *
 * @param surface  the text as written (English: lower-cased)
 * @param base     base form (Japanese) or stem (English)
 * @param pos      Kuromoji's part of speech (IPADIC, e.g. 動詞-自立); empty for English
 * @param boundary punctuation: the end of a phrase
 */
record Token(String surface, String base, String pos, boolean boundary) {

    static Token boundaryToken(String surface) {
        return new Token(surface, surface, "記号", true);
    }

    boolean posStartsWith(String prefix) {
        return pos.startsWith(prefix);
    }
}
