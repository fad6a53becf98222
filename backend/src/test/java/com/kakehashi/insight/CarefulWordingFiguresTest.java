package com.kakehashi.insight;

import com.kakehashi.insight.InsightViews.CarefulWording;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.wording.MarkerCategory;
import com.kakehashi.wording.WordingTally;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The comment threshold and what a hidden careful-wording figure carries, without a database. */
class CarefulWordingFiguresTest {

    private static final String V = "wording-lexicon-test";

    private static WordingTally tally(int comments, int withMarker) {
        Map<MarkerCategory, Integer> per = new EnumMap<>(MarkerCategory.class);
        for (MarkerCategory c : MarkerCategory.values()) {
            per.put(c, 0);
        }
        per.put(MarkerCategory.HEDGE, withMarker);
        return new WordingTally(comments, withMarker, per, V);
    }

    @Test
    void theCommentThresholdIsTenAndNeverBelowTheTenantsK() {
        assertThat(CarefulWordingFigures.threshold(3)).isEqualTo(10);
        assertThat(CarefulWordingFigures.threshold(5)).isEqualTo(10);
        assertThat(CarefulWordingFigures.threshold(10)).isEqualTo(10);
        assertThat(CarefulWordingFigures.threshold(12)).isEqualTo(12);
    }

    @Test
    void aSideWithNineCommentsCarriesNoCountNoShareAndNoCategoryOnlyTheReason() {
        Map<Segment, WordingTally> cells = Map.of(
                new Segment(Side.JAPAN, Level.STAFF), tally(5, 3),
                new Segment(Side.JAPAN, Level.MIDDLE_MANAGER), tally(4, 1),
                new Segment(Side.HQ, Level.STAFF), tally(10, 2));
        Map<Side, CarefulWording> figures = CarefulWordingFigures.decide(cells, CarefulWordingFigures.threshold(5), V);

        CarefulWording japan = figures.get(Side.JAPAN);
        assertThat(japan.comments()).isNull();
        assertThat(japan.withMarker()).isNull();
        assertThat(japan.share()).isNull();
        assertThat(japan.deferral()).isNull();
        assertThat(japan.softenedRefusal()).isNull();
        assertThat(japan.hedge()).isNull();
        assertThat(japan.concern()).isNull();
        assertThat(japan.suppressedReason().code()).isEqualTo("BELOW_COMMENT_THRESHOLD");
        assertThat(japan.commentThreshold()).isEqualTo(10);

        CarefulWording hq = figures.get(Side.HQ);
        assertThat(hq.suppressedReason()).isNull();
        assertThat(hq.comments()).isEqualTo(10);
        assertThat(hq.withMarker()).isEqualTo(2);
        assertThat(hq.share()).isEqualTo(0.2);
        assertThat(hq.hedge()).isEqualTo(2);
        assertThat(hq.lexiconVersion()).isEqualTo(V);
        assertThat(figures.get(Side.REGIONAL).suppressedReason().code()).isEqualTo("NO_COMMENTS");
    }

    @Test
    void aSideIsShownFromTheTenantsKWhenKIsAboveTen() {
        Map<Segment, WordingTally> cells = Map.of(new Segment(Side.JAPAN, Level.STAFF), tally(11, 3));
        assertThat(CarefulWordingFigures.decide(cells, CarefulWordingFigures.threshold(5), V).get(Side.JAPAN).share()).isNotNull();
        assertThat(CarefulWordingFigures.decide(cells, CarefulWordingFigures.threshold(12), V).get(Side.JAPAN).share()).isNull();
        assertThat(CarefulWordingFigures.decide(cells, CarefulWordingFigures.threshold(12), V).get(Side.JAPAN).commentThreshold()).isEqualTo(12);
    }
}
