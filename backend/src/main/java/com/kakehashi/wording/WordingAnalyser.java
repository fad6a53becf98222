package com.kakehashi.wording;

import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds careful wording (indirect disagreement) in one comment: which {@link MarkerCategory marker
 * categories} it uses. Japanese is read by Kuromoji (base forms and parts of speech, so every
 * conjugation of 難しい or 検討する matches), English by Lucene's English analysis (Porter stems,
 * token sequences rather than substrings). Negation is handled for the common cases: a Japanese
 * marker followed in its phrase by ない/ず/ません, an English marker preceded in its clause by
 * not/no/never/n't. See docs/measurement.md, "Careful wording (analyser)".
 *
 * <p>Thread-safe: the lexicon is immutable and Lucene analyzers keep one token stream per thread.
 */
@Singleton
public class WordingAnalyser {

    /** How far after a Japanese marker a negation may stand and still negate it (tokens). */
    private static final int JA_NEGATION_SCOPE = 8;
    /** How far before an English marker a negator may stand and still negate it (tokens). */
    private static final int EN_NEGATION_WINDOW = 4;
    private static final int PRECEDING_WINDOW = 4;

    private static final List<String> EN_NEGATOR_WORDS =
            List.of("not", "no", "never", "without", "nor", "none", "neither", "nobody", "nothing", "hardly");
    /** Clause openers that end an English window ("not sure, but it is difficult"). */
    private static final List<String> EN_CLAUSE_BREAK_WORDS = List.of("but", "although", "though", "however", "yet", "while", "whilst");
    /** Degree adverbs a Japanese negation reaches across: 不安はまったくありません, 特に心配していません. */
    private static final Set<String> JA_NEGATIVE_POLARITY_ADVERBS = Set.of("まったく", "全く", "全然", "特に", "あまり", "それほど",
            "さほど", "少しも", "何も", "一切", "もう", "そんなに", "別に", "大して", "決して", "必ずしも");
    /** Verbs a Japanese negation may pass through and still negate the marker: 心配はありません, 不安は感じません. */
    private static final Set<String> JA_LIGHT_VERBS = Set.of("する", "ある", "いる", "おる", "なる", "できる", "いたす",
            "感じる", "思う", "持つ", "抱く", "覚える", "言える", "言う", "考える");

    /** Nouns that make a compound with a marker without ending its phrase: 懸念事項, 不安材料. */
    private static final Set<String> JA_COMPOUND_HEADS = Set.of("事項", "材料", "要素", "点");

    private final JapaneseTokens japanese = new JapaneseTokens();
    private final EnglishTokens english = new EnglishTokens();
    private final Lexicon lexicon;
    /** Negators and clause breaks as stems, read by the same chain as the comments ("nobody" is "nobodi"). */
    private final Set<String> enNegators;
    private final Set<String> enClauseBreaks;

    public WordingAnalyser() {
        this.lexicon = Lexicon.load(english);
        this.enNegators = stems(EN_NEGATOR_WORDS);
        this.enClauseBreaks = stems(EN_CLAUSE_BREAK_WORDS);
    }

    private Set<String> stems(List<String> words) {
        return words.stream().map(w -> english.tokens(w).getFirst().base()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The lexicon version every result carries, e.g. {@code wording-lexicon-v3}. */
    public String lexiconVersion() {
        return lexicon.version();
    }

    /**
     * The markers in one comment.
     *
     * @param text     the comment; null or blank has no markers
     * @param language {@code ja} or {@code en}, the response's language: a hint, since a Japan respondent
     *                 may write Japanese in the English form (see {@link #readAs}); null decides by script
     */
    public CommentMarkers analyse(String text, String language) {
        if (text == null || text.isBlank()) {
            return CommentMarkers.none(lexicon.version());
        }
        String lang = readAs(text, language);
        List<Token> tokens = lang.equals("ja") ? japanese.tokens(text) : english.tokens(text);
        Set<MarkerCategory> categories = EnumSet.noneOf(MarkerCategory.class);
        TreeSet<String> ids = new TreeSet<>();
        for (LexiconEntry entry : lexicon.entries()) {
            if (entry.language().equals(lang) && matches(entry, tokens)) {
                categories.add(entry.category());
                ids.add(entry.id());
            }
        }
        return new CommentMarkers(categories, ids, lexicon.version());
    }

    List<LexiconEntry> entries() {
        return lexicon.entries();
    }

    /**
     * The language the text is read in: a comment with more kana and kanji than Latin letters is read as
     * Japanese whatever the form's language (a Japan respondent may answer the English form in
     * Japanese); an English-form comment quoting 根回し stays English; a Japanese-form comment without
     * any kana or kanji is read as English, the only analysis that can read it.
     */
    static String readAs(String text, String language) {
        long japaneseLetters = text.codePoints().filter(WordingAnalyser::isJapaneseScript).count();
        long latinLetters = text.codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN).count();
        String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
        return switch (lang) {
            case "ja" -> japaneseLetters > 0 ? "ja" : "en"; // romaji or English only: Kuromoji cannot read it
            case "en" -> japaneseLetters > latinLetters ? "ja" : "en"; // an English comment may quote 本社 or 根回し
            default -> japaneseLetters > latinLetters ? "ja" : "en";
        };
    }

    private static boolean isJapaneseScript(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HAN;
    }

    private boolean matches(LexiconEntry entry, List<Token> tokens) {
        for (int start = 0; start < tokens.size(); start++) {
            int end = matchFrom(entry.pattern(), 0, tokens, start);
            if (end >= 0 && contextAllows(entry, tokens, start, end)) {
                return true;
            }
        }
        return false;
    }

    /** The index after the match of {@code pattern[element..]} at {@code at}, or -1. */
    private static int matchFrom(List<LexiconEntry.Element> pattern, int element, List<Token> tokens, int at) {
        if (element == pattern.size()) {
            return at;
        }
        LexiconEntry.Element e = pattern.get(element);
        switch (e) {
            case LexiconEntry.Word word -> {
                if (at >= tokens.size()) {
                    return -1;
                }
                Token t = tokens.get(at);
                if (t.boundary() || !(word.bases().contains(t.base()) || word.bases().contains("=" + t.surface()))
                        || !t.posStartsWith(word.posPrefix())) {
                    return -1;
                }
                return matchFrom(pattern, element + 1, tokens, at + 1);
            }
            case LexiconEntry.AnyWord any -> {
                if (at >= tokens.size() || tokens.get(at).boundary()) {
                    return -1;
                }
                return matchFrom(pattern, element + 1, tokens, at + 1);
            }
            case LexiconEntry.Gap gap -> {
                for (int skip = 0; skip <= gap.max(); skip++) {
                    if (skip > 0 && (at + skip - 1 >= tokens.size() || tokens.get(at + skip - 1).boundary())) {
                        return -1;
                    }
                    int end = matchFrom(pattern, element + 1, tokens, at + skip);
                    if (end >= 0) {
                        return end;
                    }
                }
                return -1;
            }
            case LexiconEntry.End end -> {
                if (at >= tokens.size()) {
                    return matchFrom(pattern, element + 1, tokens, at);
                }
                return tokens.get(at).boundary() ? matchFrom(pattern, element + 1, tokens, at + 1) : -1;
            }
        }
    }

    private boolean contextAllows(LexiconEntry entry, List<Token> tokens, int start, int end) {
        LexiconEntry.Rules rules = entry.rules();
        boolean ja = entry.language().equals("ja");
        for (int i = start; i < end; i++) {
            if (rules.notSurface().contains(tokens.get(i).surface())) {
                return false;
            }
        }
        if (end < tokens.size() && rules.notNextPos().stream().anyMatch(tokens.get(end)::posStartsWith)) {
            return false;
        }
        if (!rules.notFollowedBy().isEmpty()) {
            int limit = Math.min(tokens.size(), end + (ja ? JA_NEGATION_SCOPE : 3));
            for (int i = end; i < limit && !tokens.get(i).boundary(); i++) {
                if (rules.notFollowedBy().contains(tokens.get(i).base())) {
                    return false;
                }
            }
        }
        if (!rules.notPrecededBy().isEmpty() && precededWithin(tokens, start, PRECEDING_WINDOW + 1, rules.notPrecededBy())) {
            return false;
        }
        if (!rules.precededBy().isEmpty() && !precededWithin(tokens, start, PRECEDING_WINDOW, rules.precededBy())) {
            return false;
        }
        if (rules.negationApplies()) {
            return ja ? !negatedAfter(tokens, start, end) : !negatedAround(tokens, start, end);
        }
        return true;
    }

    /** An English negator in the clause just before the marker, or inside it ("will not consider"). */
    private boolean negatedAround(List<Token> tokens, int start, int end) {
        for (int i = start; i < end; i++) {
            if (enNegators.contains(tokens.get(i).base())) {
                return true;
            }
        }
        return precededWithin(tokens, start, EN_NEGATION_WINDOW, enNegators);
    }

    /** Some token among the {@code window} before {@code start}, in the same clause, has one of these base forms. */
    private boolean precededWithin(List<Token> tokens, int start, int window, Set<String> bases) {
        for (int i = start - 1; i >= 0 && i >= start - window; i--) {
            Token t = tokens.get(i);
            if (t.boundary() || enClauseBreaks.contains(t.base())) {
                return false;
            }
            if (bases.contains(t.base())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A Japanese marker is negated when, in its own phrase, a negation follows it through nothing but
     * auxiliaries, particles and light verbs: 難しくない, 心配はありません, 懸念なし, 不安は感じません,
     * 検討せず. Not negated: a rhetorical のではないか／んじゃないか ("isn't it difficult?"), or a
     * negation followed by the question particle か.
     */
    private static boolean negatedAfter(List<Token> tokens, int start, int end) {
        boolean nominalised = false;
        for (int i = end; i < tokens.size() && i < end + JA_NEGATION_SCOPE; i++) {
            Token t = tokens.get(i);
            if (t.boundary()) {
                return false;
            }
            if (isJapaneseNegation(t, i > 0 ? tokens.get(i - 1) : null)) {
                return !nominalised && !questionFollows(tokens, i + 1) && !mustFollows(tokens, i + 1);
            }
            if (i == end && (t.posStartsWith("名詞-接尾") || JA_COMPOUND_HEADS.contains(t.base()))) {
                continue; // 懸念点はありません, 懸念事項はない: the marker heads a compound noun
            }
            if (t.posStartsWith("名詞-非自立") && (t.base().equals("の") || t.base().equals("ん"))) {
                nominalised = true; // 難しいのではないか: a rhetorical question, the marker stands
                continue;
            }
            if (!passesToNegation(t)) {
                return false;
            }
        }
        return false;
    }

    private static boolean isJapaneseNegation(Token t, Token previous) {
        String base = t.base();
        if (t.posStartsWith("助動詞") && (base.equals("ない") || base.equals("ぬ"))) {
            return true; // 難しくない, 検討せず
        }
        if (t.posStartsWith("助動詞") && base.equals("ん") && previous != null && previous.base().equals("ます")) {
            return true; // ありません, 感じません
        }
        return t.posStartsWith("形容詞") && base.equals("ない"); // 心配ない, 懸念なし, 難しくはない
    }

    private static boolean passesToNegation(Token t) {
        if (t.posStartsWith("助動詞") || t.posStartsWith("動詞-非自立") || t.posStartsWith("動詞-接尾")
                || t.posStartsWith("形容詞-非自立") || t.posStartsWith("名詞-非自立")
                || t.posStartsWith("助詞-係助詞") || t.posStartsWith("助詞-副助詞") || t.posStartsWith("助詞-格助詞")) {
            return true;
        }
        if (t.posStartsWith("助詞-接続助詞")) {
            return t.base().equals("て") || t.base().equals("で");
        }
        if (t.posStartsWith("副詞")) {
            return JA_NEGATIVE_POLARITY_ADVERBS.contains(t.base());
        }
        return t.posStartsWith("動詞-自立") && JA_LIGHT_VERBS.contains(t.base());
    }

    /** 〜ざるを得ない, 〜ないといけない: a double negation that affirms ("I have to say it is difficult"). */
    private static boolean mustFollows(List<Token> tokens, int from) {
        if (from + 1 < tokens.size() && tokens.get(from).base().equals("を") && tokens.get(from + 1).base().equals("得る")) {
            return true;
        }
        return from + 1 < tokens.size() && tokens.get(from).base().equals("と")
                && (tokens.get(from + 1).base().equals("いける") || tokens.get(from + 1).base().equals("いけない"));
    }

    private static boolean questionFollows(List<Token> tokens, int from) {
        for (int i = from; i < tokens.size() && i < from + 4; i++) {
            Token t = tokens.get(i);
            if (t.boundary()) {
                return t.surface().contains("?");
            }
            if (t.base().equals("か") && t.posStartsWith("助詞")) {
                return true;
            }
        }
        return false;
    }
}
