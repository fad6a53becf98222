package com.kakehashi.alert;

import com.kakehashi.insight.InsightViews.CarefulWording;
import com.kakehashi.insight.InsightViews.Silence;
import com.kakehashi.insight.InsightViews.Suppressed;
import com.kakehashi.insight.InsightViews.WaveInsight;
import com.kakehashi.vocabulary.Side;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** CAREFUL_WORDING_RISING on hand-made waves: a trend of a binomial share, beyond noise, minimum effect, held. */
class CarefulWordingRisingTest {

    private static final AlertSettings S = AlertSettings.DEFAULTS;
    private static final String V = "wording-lexicon-v3";

    private static WaveInsight wave(int i, long comments, long marked, String version) {
        CarefulWording w = comments < 10
                ? new CarefulWording(null, null, null, null, null, null, null, version, 10,
                new Suppressed("BELOW_COMMENT_THRESHOLD", "suppressed: fewer comments than the comment threshold"))
                : new CarefulWording(comments, marked, (double) marked / comments, marked, 0L, 0L, 0L, version, 10, null);
        Silence japan = new Silence(Side.JAPAN, 40, 36, 0.1, 0.05, comments, comments / 36.0, "UNDER_1D", null, w);
        return new WaveInsight(UUID.randomUUID(), LocalDate.of(2026, 1, 5).plusWeeks(2L * i), "CLOSED", Instant.EPOCH, 5,
                List.of(), List.of(), List.of(), List.of(japan), List.of(), null);
    }

    private static List<WaveInsight> waves(long comments, long... marked) {
        List<WaveInsight> waves = new ArrayList<>();
        for (int i = 0; i < marked.length; i++) {
            waves.add(wave(i, comments, marked[i], V));
        }
        return waves;
    }

    private static AlertRules.Test rising(List<WaveInsight> waves) {
        return AlertRules.evaluate(S, waves).stream().filter(t -> t.rule() == AlertRule.CAREFUL_WORDING_RISING)
                .findFirst().orElseThrow();
    }

    @Test
    void aShareThatRisesFromAFifthToMoreThanHalfOverTwelveWavesFiresWithItsHistory() {
        AlertRules.Test t = rising(waves(30, 6, 5, 7, 8, 9, 10, 11, 12, 14, 15, 17, 18));
        assertThat(t.outcome()).as(t.reason()).isEqualTo(AlertRules.Verdict.FIRED);
        assertThat(t.effect()).isGreaterThan(S.minimumEffect());
        assertThat(t.points()).hasSize(12);
        assertThat(t.value()).isEqualTo(60.0);
    }

    @Test
    void aSteadyShareDoesNotFire() {
        AlertRules.Test t = rising(waves(30, 9, 11, 10, 8, 12, 9, 10, 11, 9, 10, 12, 10));
        assertThat(t.outcome()).isEqualTo(AlertRules.Verdict.CLEAR);
    }

    @Test
    void aRiseWithinTheNoiseOfFewCommentsDoesNotFire() {
        AlertRules.Test t = rising(waves(10, 2, 3, 1, 3, 2, 4, 2, 3, 4, 2, 4, 3));
        assertThat(t.outcome()).isEqualTo(AlertRules.Verdict.CLEAR);
        assertThat(t.reason()).isIn("WITHIN_NOISE", "BELOW_MINIMUM_EFFECT", "WITHIN_NOISE_AFTER_CORRECTION", "NOT_HELD_TWO_WAVES");
    }

    @Test
    void aHiddenShareIsNotTestedAndCarriesNoNumbers() {
        List<WaveInsight> list = waves(30, 6, 5, 7, 8, 9, 10, 11, 12, 14, 15, 17);
        list.add(wave(11, 9, 9, V));
        AlertRules.Test t = rising(list);
        assertThat(t.outcome()).isEqualTo(AlertRules.Verdict.NOT_TESTED);
        assertThat(t.reason()).isEqualTo("HIDDEN");
        assertThat(t.value()).isNull();
        assertThat(t.points()).isEmpty();
    }

    @Test
    void figuresOfAnotherLexiconVersionNeverEnterTheTrend() {
        List<WaveInsight> list = new ArrayList<>();
        long[] marked = {6, 5, 7, 8, 9, 10, 11, 12, 14, 15, 17, 18};
        for (int i = 0; i < marked.length; i++) {
            list.add(wave(i, 30, marked[i], i < 8 ? "wording-lexicon-v2" : V));
        }
        AlertRules.Test t = rising(list);
        assertThat(t.outcome()).isEqualTo(AlertRules.Verdict.NOT_TESTED);
        assertThat(t.reason()).isEqualTo("TOO_FEW_WAVES");
    }

    @Test
    void itsSummarySaysCarefulWordingInEnglishAndJapanese() {
        List<AlertView.HistoryPoint> history = List.of();
        String[] text = AlertSummary.of(AlertRule.CAREFUL_WORDING_RISING, null, Side.JAPAN, 8, LocalDate.of(2026, 3, 2),
                history, AlertStatus.OPEN, null);
        assertThat(text[0]).contains("Japan", "carefully worded comments");
        assertThat(text[1]).contains("日本", "慎重な言い回し");
    }
}
