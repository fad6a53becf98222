package com.kakehashi.wording;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lexicon, entry by entry, through the real analysers (Kuromoji, Lucene English): every entry is
 * found in its example sentence and not in its counter-example (a negated form or a look-alike);
 * conjugated forms match the base form; the common negations cancel a marker.
 */
class WordingLexiconTest {

    private static final WordingAnalyser ANALYSER = new WordingAnalyser();

    static Stream<LexiconEntry> entries() {
        return ANALYSER.entries().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void eachLexiconEntryIsFoundInItsExampleSentence(LexiconEntry entry) {
        CommentMarkers found = ANALYSER.analyse(entry.example(), entry.language());
        assertThat(found.entryIds()).as("%s in «%s»", entry.id(), entry.example()).contains(entry.id());
        assertThat(found.categories()).contains(entry.category());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void noLexiconEntryIsFoundInItsCounterExample(LexiconEntry entry) {
        if (entry.counterExample().equals("-")) {
            return;
        }
        CommentMarkers found = ANALYSER.analyse(entry.counterExample(), entry.language());
        assertThat(found.entryIds()).as("%s in «%s»", entry.id(), entry.counterExample()).doesNotContain(entry.id());
    }

    @Test
    void everyEntryHasACounterExampleUnlessItCarriesItsOwnNegation() {
        assertThat(ANALYSER.entries()).filteredOn(e -> e.counterExample().equals("-")).isEmpty();
    }

    @Test
    void theLexiconCoversEveryCategoryInBothLanguagesAndSaysItsVersion() {
        for (String language : List.of("ja", "en")) {
            for (MarkerCategory category : MarkerCategory.values()) {
                assertThat(ANALYSER.entries()).as("%s %s", language, category)
                        .anyMatch(e -> e.language().equals(language) && e.category() == category);
            }
        }
        assertThat(ANALYSER.lexiconVersion()).isEqualTo("wording-lexicon-v3");
        assertThat(Lexicon.RESOURCE).as("the file is named after its version").isEqualTo("/wording/lexicon-v3.tsv");
        assertThat(ANALYSER.analyse("検討します。", "ja").lexiconVersion()).isEqualTo("wording-lexicon-v3");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            難しい。                                  | SOFTENED_REFUSAL
            その案は難しく、再考が必要です。           | SOFTENED_REFUSAL
            去年の移行は難しかったです。               | SOFTENED_REFUSAL
            難しければ代案を出します。                 | SOFTENED_REFUSAL
            かなり厳しくなると思います。               | SOFTENED_REFUSAL
            検討します。                              | DEFERRAL
            検討させていただきます。                   | DEFERRAL
            前向きに検討いたします。                   | DEFERRAL
            社内で検討しています。                     | DEFERRAL
            持ち帰って相談します。                     | DEFERRAL
            持ち帰らせてください。                     | DEFERRAL
            一度持ち帰ります。                         | DEFERRAL
            少し心配しています。                       | CONCERN
            懸念される点があります。                   | CONCERN
            うまくいかないかもしれない。               | HEDGE
            様子を見ています。                         | HEDGE
            """)
    void conjugatedJapaneseFormsMatchTheirBaseForm(String text, MarkerCategory category) {
        assertThat(ANALYSER.analyse(text, "ja").categories()).as(text).contains(category);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            We will consider it.                        | DEFERRAL
            We'll consider it.                          | DEFERRAL
            We will carefully consider the proposal.    | DEFERRAL
            Let's revisit this in spring.               | DEFERRAL
            We are revisiting the plan.                 | DEFERRAL
            I'll take it back to the team.              | DEFERRAL
            We're taking this back to Osaka.            | DEFERRAL
            That might be difficult.                    | SOFTENED_REFUSAL
            It's a bit challenging for us.              | SOFTENED_REFUSAL
            The schedule seems tough.                   | SOFTENED_REFUSAL
            I'm worried about turnover.                 | CONCERN
            She worries about the customers.            | CONCERN
            HQ's plan concerns me.                      | CONCERN
            Several concerns remain open.               | CONCERN
            Perhaps.                                    | HEDGE
            To some degree, yes.                        | HEDGE
            """)
    void inflectedEnglishFormsMatchTheirStem(String text, MarkerCategory category) {
        assertThat(ANALYSER.analyse(text, "en").categories()).as(text).contains(category);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            難しくない。                      | ja
            難しくはないです。                | ja
            それほど難しくありません。        | ja
            心配ない。                        | ja
            心配はありません。                | ja
            心配していません。                | ja
            問題ない。                        | ja
            不安は感じません。                | ja
            懸念なし。                        | ja
            厳しくないです。                  | ja
            検討せずに決めました。            | ja
            検討の結果、承認されました。      | ja
            検討会議は予定どおり開かれた。    | ja
            不安定な為替が続いています。      | ja
            ご心配をおかけしました。          | ja
            難しい判断でしたが納得しています。 | ja
            It is not difficult.              | en
            It isn't difficult at all.        | en
            It was never difficult.           | en
            No concerns.                      | en
            I have no concerns.               | en
            I'm not worried.                  | en
            We are not worried at all.        | en
            No worries.                       | en
            Concerning the budget, all is clear. | en
            As far as I'm concerned, it works. | en
            We won't consider delays.          | en
            We considered it and said yes.     | en
            """)
    void negatedFormsAndLookAlikesAreNotMarkers(String text, String language) {
        assertThat(ANALYSER.analyse(text, language).categories()).as(text).isEmpty();
    }

    @Test
    void aNegationInAnotherClauseDoesNotCancelTheMarker() {
        assertThat(ANALYSER.analyse("問題はないが、スケジュールは厳しいです。", "ja").categories())
                .containsExactly(MarkerCategory.SOFTENED_REFUSAL);
        assertThat(ANALYSER.analyse("No, this will be difficult.", "en").categories())
                .containsExactly(MarkerCategory.SOFTENED_REFUSAL);
        assertThat(ANALYSER.analyse("It is not perfect, but I am worried about the pace.", "en").categories())
                .containsExactly(MarkerCategory.CONCERN);
    }

    @Test
    void aRhetoricalNegativeQuestionKeepsTheMarker() {
        assertThat(ANALYSER.analyse("この期限は難しいのではないでしょうか。", "ja").categories())
                .containsExactly(MarkerCategory.SOFTENED_REFUSAL);
    }

    @Test
    void oneCommentCanCarrySeveralCategories() {
        CommentMarkers found = ANALYSER.analyse(
                "方針には一応賛成ですが、人員面が心配です。期限は厳しいので、持ち帰って検討させてください。", "ja");
        assertThat(found.categories()).containsExactlyInAnyOrder(MarkerCategory.values());
        assertThat(found.any()).isTrue();
    }

    @Test
    void aCommentIsReadInTheScriptItIsWrittenIn() {
        assertThat(ANALYSER.analyse("正直、難しいです。", "en").categories()).containsExactly(MarkerCategory.SOFTENED_REFUSAL);
        assertThat(ANALYSER.analyse("I am worried.", "ja").categories()).containsExactly(MarkerCategory.CONCERN);
        assertThat(ANALYSER.analyse("HQ should learn about nemawashi (根回し) first.", "en").categories()).isEmpty();
    }

    @Test
    void oddInputIsReadWithoutFailing() {
        List<String> odd = List.of("🙂🙂🙂", "…", "。。。", "!!!???", "ｶﾀｶﾅ ﾃﾞｽ", "Ｆｕｌｌ－ｗｉｄｔｈ　ｔｅｘｔ",
                "a\tb\nc", "\u0000", "x".repeat(20_000), "検討します。".repeat(2_000), "don't won't can't it's let's ’s n't");
        for (String text : odd) {
            for (String language : new String[] {"ja", "en", null, "fr"}) {
                assertThat(ANALYSER.analyse(text, language)).isNotNull();
            }
        }
    }

    @Test
    void kanaSpellingsMatchLikeTheirKanji() {
        // IPADIC gives むずかしい its own base form, so the lexicon lists both spellings
        assertThat(ANALYSER.analyse("それはちょっとむずかしいです。", "ja").categories()).containsExactly(MarkerCategory.SOFTENED_REFUSAL);
        assertThat(ANALYSER.analyse("いちおう、たぶん大丈夫です。", "ja").categories()).containsExactly(MarkerCategory.HEDGE);
        assertThat(ANALYSER.analyse("一度もちかえります。", "ja").categories()).containsExactly(MarkerCategory.DEFERRAL);
    }

    @Test
    void aResultPrintsNoEntryIds() {
        CommentMarkers found = ANALYSER.analyse("持ち帰って検討させていただきます。", "ja");
        assertThat(found.entryIds()).isNotEmpty();
        assertThat(found.toString()).doesNotContain("ja.deferral").contains("DEFERRAL");
    }

    @Test
    void blankOrMissingCommentsHaveNoMarkers() {
        assertThat(ANALYSER.analyse(null, "ja").any()).isFalse();
        assertThat(ANALYSER.analyse("   ", "en").any()).isFalse();
    }

    @Test
    void oneAnalyserServesManyThreadsWithTheSameAnswers() throws Exception {
        List<String> texts = List.of("持ち帰って検討させていただきます。", "心配はありません。", "That might be difficult.",
                "No concerns.", "一応、様子を見ます。", "I am concerned about the timeline.");
        List<Set<MarkerCategory>> expected = texts.stream()
                .map(t -> ANALYSER.analyse(t, WordingAnalyser.readAs(t, null)).categories()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int n = 0; n < 64; n++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < texts.size(); i++) {
                            if (!ANALYSER.analyse(texts.get(i), null).categories().equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
