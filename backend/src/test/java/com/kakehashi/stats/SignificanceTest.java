package com.kakehashi.stats;

import com.kakehashi.stats.Significance.Group;
import com.kakehashi.stats.Significance.Estimate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Reference values from SciPy 1.17 (ttest_ind_from_stats, t.sf, norm.sf, binomtest Wilson, false_discovery_control). */
class SignificanceTest {

    @Test
    void welchDifferenceMatchesScipyTtestFromStats() {
        Estimate r = Significance.difference(new Group(40, 12, 20), new Group(52, 14, 18));

        assertThat(r.estimate()).isEqualTo(12.0);
        assertThat(r.p()).isCloseTo(0.007954926658618348, within(1e-9));
        assertThat(r.low()).isCloseTo(3.3540316772821726, within(1e-7));
        assertThat(r.high()).isCloseTo(20.645968322717827, within(1e-7));
        assertThat(r.degreesOfFreedom()).isCloseTo(33.72233164400112, within(1e-9));
        assertThat(r.pAbove()).isCloseTo(0.007954926658618348 / 2, within(1e-9));
    }

    @Test
    void aMeanSixPointsAboveTheThresholdWithTwentyPeopleIsNotBeyondNoise() {
        Estimate r = Significance.againstThreshold(new Group(66, 15, 20), 60);

        assertThat(r.estimate()).isEqualTo(6.0);
        assertThat(r.p()).isCloseTo(0.08959452111953882, within(1e-9));
        assertThat(r.low()).isLessThan(0);
    }

    @Test
    void trendReadsAsTheChangeFromFirstToLastWaveWithSatterthwaiteDegreesOfFreedom() {
        List<Group> waves = List.of(new Group(30, 12, 20), new Group(34, 12, 20), new Group(41, 12, 20),
                new Group(45, 12, 20));

        Estimate r = Significance.trend(waves);

        assertThat(r.estimate()).isCloseTo(15.6, within(1e-12));
        assertThat(r.degreesOfFreedom()).isCloseTo(46.341463414634134, within(1e-9));
        assertThat(r.p()).isCloseTo(7.824520718778919e-05, within(1e-10));
    }

    @Test
    void aFlatTrendWithNoisyStepsIsNotSignificant() {
        Estimate r = Significance.trend(List.of(new Group(40, 15, 20), new Group(46, 15, 20), new Group(41, 15, 20)));

        assertThat(r.p()).isGreaterThan(0.5);
    }

    @Test
    void gapChangeIsTheDifferenceOfTheTwoWavesGaps() {
        Group hq = new Group(20, 10, 20);
        Estimate r = Significance.gapChange(hq, new Group(30, 10, 20), hq, new Group(45, 10, 20));

        assertThat(r.estimate()).isEqualTo(15.0);
        assertThat(r.testable()).isTrue();
        // Four groups' variances add up: wider than the same change on one side alone.
        Estimate oneSide = Significance.difference(new Group(30, 10, 20), new Group(45, 10, 20));
        assertThat(r.high() - r.low()).isGreaterThan(oneSide.high() - oneSide.low());
    }

    @Test
    void aGroupOfOneLeavesTheContrastUntestable() {
        Estimate r = Significance.difference(new Group(40, 0, 1), new Group(60, 10, 20));

        assertThat(r.testable()).isFalse();
        assertThat(r.estimate()).isEqualTo(20.0);
        assertThat(r.pAbove()).isNaN();
    }

    @Test
    void identicalAnswersWithoutSpreadAreCertain() {
        assertThat(Significance.difference(new Group(40, 0, 10), new Group(60, 0, 10)).p()).isZero();
        assertThat(Significance.difference(new Group(40, 0, 10), new Group(40, 0, 10)).p()).isEqualTo(1.0);
    }

    @Test
    void proportionDifferenceUsesThePooledZTest() {
        Estimate r = Significance.proportionDifference(30, 40, 18, 40);

        assertThat(r.estimate()).isCloseTo(-0.30, within(1e-12));
        assertThat(r.p()).isCloseTo(0.00616989932054416, within(1e-9));
        assertThat(r.pBelow()).isCloseTo(0.00616989932054416 / 2, within(1e-9));
    }

    @Test
    void proportionAgainstThresholdUsesTheWilsonInterval() {
        Estimate r = Significance.proportionAgainst(18, 30, 0.4);

        assertThat(r.low() + 0.4).isCloseTo(0.4232036025332248, within(1e-12));
        assertThat(r.high() + 0.4).isCloseTo(0.7540937188319814, within(1e-12));
        assertThat(r.p()).isCloseTo(0.025347318677468277, within(1e-9));
    }

    @Test
    void benjaminiHochbergMatchesScipyAndSkipsUntestedEntries() {
        double[] q = Significance.benjaminiHochberg(new double[]{0.01, 0.04, Double.NaN, 0.03, 0.005});

        assertThat(q[0]).isCloseTo(0.02, within(1e-12));
        assertThat(q[1]).isCloseTo(0.04, within(1e-12));
        assertThat(q[2]).isNaN();
        assertThat(q[3]).isCloseTo(0.04, within(1e-12));
        assertThat(q[4]).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void holmIsStricterThanBenjaminiHochberg() {
        double[] p = {0.01, 0.04, 0.03, 0.005};

        double[] holm = Significance.holm(p);

        assertThat(holm).containsExactly(new double[]{0.03, 0.06, 0.06, 0.02}, within(1e-12));
        double[] bh = Significance.benjaminiHochberg(p);
        for (int i = 0; i < p.length; i++) {
            assertThat(holm[i]).isGreaterThanOrEqualTo(bh[i]);
        }
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> new Group(1, -1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Significance.trend(List.of(new Group(1, 1, 3))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Significance.proportionDifference(5, 4, 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTrendAtEqualPositionsIsTheEquallySpacedTrend() {
        List<Group> waves = List.of(new Group(30, 12, 20), new Group(34, 12, 20), new Group(41, 12, 20));

        Estimate spaced = Significance.trend(waves, new double[]{3, 4, 5});
        Estimate plain = Significance.trend(waves);

        assertThat(spaced.estimate()).isCloseTo(plain.estimate(), within(1e-12));
        assertThat(spaced.p()).isCloseTo(plain.p(), within(1e-12));
    }

    @Test
    void aTrendWithAHiddenWaveLeftOutKeepsTheOthersDistance() {
        // 30 at wave 0, 40 at wave 2, 50 at wave 3: exactly 10 a wave, so 30 points from first to last.
        Estimate r = Significance.trend(List.of(new Group(30, 12, 20), new Group(50, 12, 20), new Group(60, 12, 20)),
                new double[]{0, 2, 3});

        assertThat(r.estimate()).isCloseTo(30.0, within(1e-12));
    }

    @Test
    void aGapTrendOverTwoWavesIsTheGapChange() {
        Group hqBefore = new Group(20, 10, 20);
        Group japanBefore = new Group(30, 11, 18);
        Group hqAfter = new Group(22, 9, 21);
        Group japanAfter = new Group(45, 12, 19);

        Estimate trend = Significance.gapTrend(List.of(hqBefore, hqAfter), List.of(japanBefore, japanAfter), new double[]{0, 1});
        Estimate change = Significance.gapChange(hqBefore, japanBefore, hqAfter, japanAfter);

        assertThat(trend.estimate()).isCloseTo(change.estimate(), within(1e-12));
        assertThat(trend.p()).isCloseTo(change.p(), within(1e-12));
    }
}
