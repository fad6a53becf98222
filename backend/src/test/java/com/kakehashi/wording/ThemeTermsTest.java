package com.kakehashi.wording;

import com.kakehashi.vocabulary.WarningSign;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Content terms of one comment, as comment themes count them. */
class ThemeTermsTest {

    private final ThemeTerms terms = new ThemeTerms();

    private List<String> of(String text, String language) {
        return terms.of(text, language).stream().map(ThemeTerms.Term::text).toList();
    }

    @Test
    void japaneseConsecutiveNounsAreOneCompoundTerm() {
        assertThat(of("意思決定のプロセスが見えない。", "ja")).contains("意思決定");
        assertThat(of("本社承認が下りるまで動けない。", "ja")).contains("本社承認");
        assertThat(of("本社との定例会議は役に立っている", "ja")).containsExactly("本社", "定例会議");
        assertThat(of("試験データがそろう前の判断には不安がある", "ja")).contains("試験データ", "判断");
    }

    @Test
    void japaneseSuffixesContinueACompoundAndPrefixesStartOne() {
        assertThat(of("本社の担当者とは相談しやすい関係ができている", "ja")).contains("担当者").doesNotContain("担当", "者");
        assertThat(of("日本側の意見も計画に反映されていると感じる", "ja")).contains("日本側", "意見", "計画");
        assertThat(of("新体制になってから会議が増えた", "ja")).contains("新体制", "会議");
    }

    @Test
    void japaneseNounsWithoutATopicAreLeftOut() {
        // 非自立 (こと), 代名詞 (これ, 誰), 数 (3), time words (今期) and adjective stems (大変) carry no theme.
        List<String> found = of("これは今期3回目のことで、誰に聞いても大変だ。", "ja");
        assertThat(found).doesNotContain("これ", "こと", "誰", "3", "今期", "大変", "回目");
        assertThat(of("引き続きよろしくお願いします。", "ja")).isEmpty();
    }

    @Test
    void englishTermsAreLemmasWithoutStopWordsOrShortTokens() {
        assertThat(of("We mostly hear about decisions after they are made", "en")).containsExactly("decision");
        assertThat(of("Time zones make joint meetings hard to schedule", "en"))
                .contains("time", "zone", "joint", "meeting", "schedule").doesNotContain("make", "to", "hard");
        assertThat(of("The Japan team's reports are thorough", "en")).contains("japan", "team", "report", "thorough")
                .doesNotContain("the", "are", "s");
        // Two-letter acronyms that name a topic stay; other short tokens and numbers go.
        assertThat(of("HQ sent 2 new reports to us", "en")).contains("hq", "report").doesNotContain("2", "us", "to");
    }

    @Test
    void eachTermCountsOncePerCommentHoweverOftenItIsRepeated() {
        Set<ThemeTerms.Term> found = terms.of("会議、会議、また会議。", "ja");
        assertThat(found.stream().filter(t -> t.text().equals("会議"))).hasSize(1);
        assertThat(terms.of("Meetings, meetings and more meetings.", "en")).containsExactly(new ThemeTerms.Term("meeting", "en"));
    }

    @Test
    void aCommentIsReadInTheLanguageItIsWrittenInWhateverTheForm() {
        assertThat(terms.of("本社の承認が遅い。", "en")).containsExactly(new ThemeTerms.Term("本社", "ja"), new ThemeTerms.Term("承認", "ja"));
        assertThat(terms.of("Approvals are slow.", "ja")).contains(new ThemeTerms.Term("approval", "en"));
        assertThat(terms.of("  ", "ja")).isEmpty();
        assertThat(terms.of(null, "en")).isEmpty();
    }

    @Test
    void theLexiconGlossesBothWaysAndLinksSignsFromTheItemsWording() {
        ThemeLexicon lexicon = ThemeLexicon.load(terms);
        assertThat(lexicon.version()).isEqualTo("themes-v1");
        ThemeLexicon.Entry approval = lexicon.find(new ThemeTerms.Term("承認", "ja")).orElseThrow();
        assertThat(approval.gloss()).isEqualTo("approval");
        assertThat(approval.signs()).containsExactly(WarningSign.EXECUTION_DELAY, WarningSign.AUTHORITY_GAP);
        // English entries are looked up by lemma: "decisions" in a comment is "decision".
        ThemeLexicon.Entry decision = lexicon.find(terms.of("decisions", "en").iterator().next()).orElseThrow();
        assertThat(decision.gloss()).isEqualTo("決定");
        assertThat(decision.signs()).containsExactly(WarningSign.EXCLUSION);
        assertThat(lexicon.find(new ThemeTerms.Term("本社", "ja")).orElseThrow().signs()).isEmpty();
        assertThat(lexicon.find(new ThemeTerms.Term("発売日程", "ja"))).isEmpty();
    }

    @Test
    void everyJapaneseLexiconTermIsOneTermAsCommentsAreRead() throws Exception {
        // A lexicon line that analysis would split or drop could never match a comment.
        var lines = new String(ThemeLexicon.class.getResourceAsStream(ThemeLexicon.RESOURCE).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("@") && !l.startsWith("ja\t")).toList();
        for (String line : lines) {
            for (String ja : line.split("\t")[0].split("\\|")) {
                assertThat(of(ja + "について。", "ja")).as(ja).contains(ja);
            }
        }
    }
}
