package com.kakehashi.wording;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The group figures the wiring will show: share with any marker and counts per category. */
class WordingTallyTest {

    private static final WordingAnalyser ANALYSER = new WordingAnalyser();

    @Test
    void aGroupsShareCountsCommentsWithAnyMarkerAndEachCategoryOncePerComment() {
        List<CommentMarkers> analysed = List.of(
                ANALYSER.analyse("持ち帰って検討させていただきます。期限は厳しいです。", "ja"),
                ANALYSER.analyse("検討の結果、承認されました。", "ja"),
                ANALYSER.analyse("心配ない。", "ja"),
                ANALYSER.analyse("I am worried, very worried.", "en"));
        WordingTally tally = WordingTally.of(analysed, ANALYSER.lexiconVersion());
        assertThat(tally.comments()).isEqualTo(4);
        assertThat(tally.withMarker()).isEqualTo(2);
        assertThat(tally.share()).isEqualTo(0.5);
        assertThat(tally.perCategory()).containsEntry(MarkerCategory.DEFERRAL, 1)
                .containsEntry(MarkerCategory.SOFTENED_REFUSAL, 1)
                .containsEntry(MarkerCategory.CONCERN, 1)
                .containsEntry(MarkerCategory.HEDGE, 0);
    }

    @Test
    void noCommentsHaveNoShareAndVersionsDoNotMix() {
        assertThat(WordingTally.of(List.of(), ANALYSER.lexiconVersion()).share()).isNaN();
        assertThatThrownBy(() -> WordingTally.of(List.of(CommentMarkers.none("wording-lexicon-v0")), ANALYSER.lexiconVersion()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
