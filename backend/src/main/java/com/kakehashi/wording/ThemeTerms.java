package com.kakehashi.wording;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The content terms of one comment, for comment themes (docs/measurement.md, "Comment themes").
 *
 * <p>Japanese: Kuromoji's part-of-speech tags pick the nouns, and a run of consecutive nouns is one
 * term (意思決定, 本社承認, 定例会議): a compound names the topic, its parts alone often do not. Nouns
 * that carry no topic are left out: 非自立 (こと, ため), 代名詞 (これ, 誰), 数 (numbers), 副詞可能 (今期,
 * 最近: time words), 形容動詞語幹 and ナイ形容詞語幹 (adjectives: 大変, 率直), 特殊. A 接尾 noun (者, 側,
 * 化, 的) only continues a compound; a 名詞接続 prefix (新, 各) only starts one.
 *
 * <p>English: Lucene's StandardTokenizer, lower case, contractions and possessives split off, English
 * stop words and a short list of generic words removed, then KStem, whose stems are dictionary words
 * ("decisions" → "decision", "meetings" → "meeting"), so a term can be shown as it is. Tokens under
 * three letters go (but a few acronyms like "hq" stay), and so do numbers.
 *
 * <p>Each term counts once per comment: {@link #of} returns a set.
 */
public final class ThemeTerms {

    /** A content term: Japanese as written (NFKC), English as a KStem lemma. */
    public record Term(String text, String language) {
    }

    private static final Set<String> JA_DROPPED_NOUNS = Set.of("名詞-非自立", "名詞-代名詞", "名詞-数", "名詞-副詞可能",
            "名詞-形容動詞語幹", "名詞-ナイ形容詞語幹", "名詞-特殊", "名詞-動詞非自立的", "名詞-引用文字列");
    /** Nouns Kuromoji tags 一般 that say nothing about a topic on their own. */
    private static final Set<String> JA_GENERIC = Set.of("感じ", "方", "件", "際", "点", "中", "上", "前", "後", "皆",
            "みんな", "今後", "正直", "以上", "以降", "場合", "予定", "気", "ところ", "次第", "何", "お願い", "様子", "調子",
            "今期", "今回", "最近", "今", "全体", "個人", "早め", "役");

    /** Generic English words beyond Lucene's stop set: auxiliaries, pronouns, hedges and fillers. */
    private static final List<String> EN_GENERIC = List.of("i", "me", "my", "we", "us", "our", "ours", "you", "your",
            "they", "them", "their", "he", "she", "his", "her", "its", "who", "whom", "what", "which", "how", "why",
            "when", "where", "from", "about", "after", "before", "over", "since", "than", "too", "very", "also", "just",
            "still", "even", "now", "well", "more", "most", "less", "much", "many", "some", "any", "all", "each", "few",
            "other", "own", "same", "so", "can", "could", "would", "should", "might", "may", "must", "shall", "will",
            "have", "has", "had", "do", "does", "did", "done", "am", "is", "are", "was", "were", "be", "been", "being",
            "get", "got", "make", "made", "feel", "feels", "felt", "seem", "seems", "think", "lately", "honestly",
            "frankly", "overall", "really", "quite", "rather", "somewhat", "perhaps", "maybe", "probably", "little",
            "bit", "lot", "thing", "things", "way", "here", "there", "this", "that", "these", "those", "yet", "only",
            "good", "great", "fine", "big", "hoping", "thanks", "let", "let's", "keep", "look", "looking", "sure",
            "since", "step", "side", "someone", "everything", "nothing", "anything", "something", "far", "usual", "both",
            "down", "back", "behind", "mostly", "last", "like", "please", "several", "worth", "see", "take", "need",
            "needs", "sit", "without", "enough", "ready", "close", "better", "long", "remains", "working", "heard",
            "hear", "help", "show", "hard", "new", "quarter", "year", "month", "today", "week");
    /** Two-letter terms that are topics, not noise. */
    private static final Set<String> EN_SHORT_KEPT = Set.of("hq", "hr", "qa", "pr", "ai", "ui", "ux");

    private final JapaneseTokens japanese = new JapaneseTokens();
    private final Analyzer english;

    public ThemeTerms() {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stop.addAll(EN_GENERIC);
        this.english = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(tokenizer);
                stream = new EnglishContractionFilter(stream);
                stream = new EnglishPossessiveFilter(stream);
                stream = new StopFilter(stream, stop);
                stream = new KStemFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /**
     * The distinct content terms of one comment.
     *
     * @param language the response's language, a hint read as {@link WordingAnalyser#readAs} reads it
     */
    public Set<Term> of(String text, String language) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return WordingAnalyser.readAs(text, language).equals("ja") ? japanese(text) : english(text);
    }

    /** The form a lexicon's English word takes after analysis, or null when analysis drops it. */
    String englishLemma(String word) {
        Set<Term> terms = english(word);
        return terms.size() == 1 ? terms.iterator().next().text() : null;
    }

    private Set<Term> japanese(String text) {
        Set<Term> terms = new LinkedHashSet<>();
        List<Token> tokens = japanese.tokens(text);
        StringBuilder compound = new StringBuilder();
        int nouns = 0;
        String prefix = null;
        for (Token t : tokens) {
            if (isContentNoun(t)) {
                if (prefix != null) {
                    compound.append(prefix);
                    prefix = null;
                }
                compound.append(t.surface());
                nouns++;
            } else if (t.posStartsWith("名詞-接尾") && nouns > 0 && !t.posStartsWith("名詞-接尾-助数詞")) {
                compound.append(t.surface()); // 担当者, 日本側, 形式的
            } else {
                add(terms, compound, nouns);
                compound.setLength(0);
                nouns = 0;
                prefix = t.posStartsWith("接頭詞-名詞接続") ? t.surface() : null; // 新体制, 各部署
            }
        }
        add(terms, compound, nouns);
        return terms;
    }

    private static void add(Set<Term> terms, StringBuilder compound, int nouns) {
        if (nouns == 0) {
            return;
        }
        String term = compound.toString();
        boolean kanaOnlyShort = term.length() < 2 || term.length() == 2 && term.codePoints().allMatch(
                cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA);
        if (!kanaOnlyShort || term.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            if (!JA_GENERIC.contains(term)) {
                terms.add(new Term(term, "ja"));
            }
        }
    }

    private static boolean isContentNoun(Token t) {
        if (t.boundary() || !t.posStartsWith("名詞") || t.posStartsWith("名詞-接尾")) {
            return false;
        }
        for (String dropped : JA_DROPPED_NOUNS) {
            if (t.posStartsWith(dropped)) {
                return false;
            }
        }
        return !JA_GENERIC.contains(t.surface()) && t.surface().codePoints().anyMatch(Character::isLetter);
    }

    private Set<Term> english(String text) {
        Set<Term> terms = new LinkedHashSet<>();
        List<String> words = new ArrayList<>();
        try (TokenStream stream = english.tokenStream("comment", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        for (String word : words) {
            boolean letters = word.codePoints().allMatch(cp -> Character.isLetter(cp) || cp == '-');
            if (letters && (word.length() >= 3 || EN_SHORT_KEPT.contains(word)) && !EN_GENERIC.contains(word)) {
                terms.add(new Term(word, "en"));
            }
        }
        return terms;
    }
}
