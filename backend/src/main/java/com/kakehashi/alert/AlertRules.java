package com.kakehashi.alert;

import com.kakehashi.insight.InsightViews.CarefulWording;
import com.kakehashi.insight.InsightViews.Gap;
import com.kakehashi.insight.InsightViews.Score;
import com.kakehashi.insight.InsightViews.Silence;
import com.kakehashi.insight.InsightViews.WaveInsight;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.stats.Significance;
import com.kakehashi.stats.Significance.Group;
import com.kakehashi.stats.Significance.Estimate;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The alert tests of one closed wave over its engagement's closed waves, oldest first, the last
 * being the wave tested. Pure: it reads only what the insight API shows.
 * <p>
 * Every test is a hypothesis about one direction (worse, wider, quieter, above), tested two-sided at
 * 95% and counted only in that direction (a change the other way has p = 1): a conservative
 * one-sided test. All of a wave's tests form one family whose p-values are adjusted together
 * (Benjamini–Hochberg or Holm, {@link AlertSettings#correction()}); a test fires when its own
 * criteria hold (minimum n, minimum effect, interval beyond the threshold) and its adjusted p is at
 * most α. A test that needs two things (a gap that widened and now lies beyond its threshold) uses
 * the larger of the two p-values (intersection–union test).
 * <p>
 * Anonymity: every number comes from a {@link WaveInsight}, in which a suppressed value (fewer than
 * k responses, or derivable from shown ones) is absent. A test whose current value is absent is
 * NOT_TESTED with no numbers; an absent earlier value is left out of a trend (the other waves keep
 * their positions), so no test, record or alert carries a value insight hides. Response rates are
 * counts the wave view shows at any n; neutral shares hide below k like scores.
 */
final class AlertRules {

    enum Verdict { FIRED, CLEAR, NOT_TESTED }

    /** A value of the tested measure in one wave, with its 95% interval where it has one. */
    record WaveValue(UUID waveId, LocalDate occurrenceDate, double value, @Nullable Double low, @Nullable Double high) {
    }

    /**
     * One test of one wave. {@code value}, {@code low}, {@code high}: the measure now (index, |gap|,
     * rate or share, 0–100) and its interval; {@code effect}: the change or distance the rule is
     * about (trend over the window, widening of the gap, drop of the rate, distance above the
     * threshold), in points; {@code points}: the waves the test read, oldest first.
     */
    record Test(AlertRule rule, @Nullable String sign, @Nullable Side side, AlertSeverity severity, Verdict outcome, String reason,
                @Nullable Double value, @Nullable Double low, @Nullable Double high, @Nullable Double effect, double p,
                double pAdjusted, double threshold, List<WaveValue> points) {

        boolean fired() {
            return outcome == Verdict.FIRED;
        }

        Test adjusted(double adjustedP, double alpha, boolean open) {
            if (outcome == Verdict.NOT_TESTED || !"CANDIDATE".equals(reason)) {
                return new Test(rule, sign, side, severity, outcome, reason, value, low, high, effect, p, adjustedP,
                        threshold, points);
            }
            if (open && p <= alpha) {
                // Not a new discovery among the wave's tests, only whether an established condition persists.
                return new Test(rule, sign, side, severity, Verdict.FIRED, "STILL_BEYOND_NOISE", value, low, high, effect, p,
                        adjustedP, threshold, points);
            }
            boolean fires = adjustedP <= alpha;
            return new Test(rule, sign, side, severity, fires ? Verdict.FIRED : Verdict.CLEAR,
                    fires ? "BEYOND_NOISE" : "WITHIN_NOISE_AFTER_CORRECTION", value, low, high, effect, p, adjustedP,
                    threshold, points);
        }
    }

    private AlertRules() {
    }

    /** A condition's key: rule, sign and side. */
    static String key(AlertRule rule, @Nullable String sign, @Nullable Side side) {
        return rule + "/" + sign + "/" + side;
    }

    /** How many closed waves, the tested one last, the rules read: the longest window of any rule. */
    static int wavesRead(AlertSettings s) {
        return Math.max(quietWindow(s), Math.max(s.worseningWaves(), s.gapWaves()) + 1);
    }

    /** Going quiet is read over twice the worsening window (half a year at a fortnightly cadence). */
    private static int quietWindow(AlertSettings s) {
        return 2 * s.worseningWaves() + 2;
    }

    static List<Test> evaluate(AlertSettings s, List<WaveInsight> waves) {
        return evaluate(s, waves, Set.of());
    }

    /**
     * @param open keys ({@link #key}) of the engagement's open conditions: their test holds at the
     *             plain α, because whether an established condition persists is one question, not a
     *             new discovery among the wave's many tests (the correction is for those)
     */
    static List<Test> evaluate(AlertSettings s, List<WaveInsight> waves, Set<String> open) {
        List<Test> tests = new ArrayList<>();
        if (waves.isEmpty()) {
            return tests;
        }
        WaveInsight current = waves.getLast();
        Set<String> signs = new LinkedHashSet<>();
        current.scores().forEach(score -> signs.add(score.sign()));
        for (String sign : signs) {
            for (Side side : Side.values()) {
                if (current.scores().stream().noneMatch(x -> x.sign().equals(sign) && x.side() == side && x.level() == null)) {
                    continue; // nobody of this side was asked or answered: nothing to test
                }
                tests.add(aboveThreshold(s, current, sign, side));
                tests.add(worsening(s, waves, sign, side));
            }
            tests.add(gapWidening(s, waves, sign));
        }
        for (Side side : Side.values()) {
            Silence now = silence(current, side);
            if (now == null || now.invited() == 0 && now.responses() == 0) {
                continue;
            }
            if (now.invited() > 0) {
                tests.add(responseRateDrop(s, waves, side));
            }
            tests.add(neutralShare(s, current, side));
            tests.add(carefulWordingRising(s, waves, side));
        }
        return correct(s, tests, open);
    }

    private static List<Test> correct(AlertSettings s, List<Test> tests, Set<String> open) {
        double[] p = tests.stream().mapToDouble(t -> t.outcome() == Verdict.NOT_TESTED ? Double.NaN : t.p()).toArray();
        double[] adjusted = s.correction().adjust(p);
        List<Test> result = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            Test t = tests.get(i);
            result.add(t.adjusted(adjusted[i], s.alpha(), open.contains(key(t.rule(), t.sign(), t.side()))));
        }
        return result;
    }

    // ---- the rules ----

    private static Test aboveThreshold(AlertSettings s, WaveInsight wave, String sign, Side side) {
        AlertRule rule = AlertRule.SIGN_ABOVE_THRESHOLD;
        Score now = score(wave, sign, side);
        String missing = untestable(now, s);
        if (missing != null) {
            return notTested(rule, sign, side, missing, s.riskThreshold());
        }
        Estimate r = Significance.againstThreshold(group(now), s.riskThreshold());
        double p = r.estimate() > 0 ? r.p() : 1;
        WaveValue point = point(wave, now);
        String reason = r.estimate() <= 0 ? "NOT_ABOVE_THRESHOLD"
                : r.low() <= 0 ? "INTERVAL_REACHES_THRESHOLD"
                : p > s.alpha() ? "WITHIN_NOISE" : "CANDIDATE";
        return tested(rule, sign, side, reason, point, r.estimate(), p, s.riskThreshold(), List.of(point));
    }

    private static Test worsening(AlertSettings s, List<WaveInsight> waves, String sign, Side side) {
        AlertRule rule = AlertRule.SIGN_WORSENING;
        List<WaveInsight> window = last(waves, s.worseningWaves() + 1);
        Score now = score(window.getLast(), sign, side);
        String missing = untestable(now, s);
        if (missing != null) {
            return notTested(rule, sign, side, missing, s.minimumEffect());
        }
        if (window.size() < s.worseningWaves() + 1) {
            return notTested(rule, sign, side, "TOO_FEW_WAVES", s.minimumEffect());
        }
        List<Group> groups = new ArrayList<>();
        List<WaveValue> points = new ArrayList<>();
        List<Double> positions = new ArrayList<>();
        for (int i = 0; i < window.size(); i++) {
            Score score = score(window.get(i), sign, side);
            if (untestable(score, s) == null) {
                groups.add(group(score));
                points.add(point(window.get(i), score));
                positions.add((double) i);
            }
        }
        if (groups.size() < 3) {
            return notTested(rule, sign, side, "TOO_FEW_WAVES", s.minimumEffect());
        }
        Estimate r = Significance.trend(groups, positions.stream().mapToDouble(Double::doubleValue).toArray());
        double p = r.estimate() > 0 ? r.p() : 1;
        String reason = r.estimate() <= 0 ? "NOT_WORSENING"
                : r.estimate() < s.minimumEffect() ? "BELOW_MINIMUM_EFFECT"
                : p > s.alpha() ? "WITHIN_NOISE" : "CANDIDATE";
        return tested(rule, sign, side, reason, points.getLast(), r.estimate(), p, s.minimumEffect(), points);
    }

    private static Test gapWidening(AlertSettings s, List<WaveInsight> waves, String sign) {
        AlertRule rule = AlertRule.GAP_WIDENING;
        List<WaveInsight> window = last(waves, s.gapWaves() + 1);
        WaveInsight current = window.getLast();
        String missing = gapUntestable(current, sign, s);
        if (missing != null) {
            return notTested(rule, sign, null, missing, s.gapThreshold());
        }
        if (window.size() < s.gapWaves() + 1) {
            return notTested(rule, sign, null, "TOO_FEW_WAVES", s.gapThreshold());
        }
        List<Group> hq = new ArrayList<>();
        List<Group> japan = new ArrayList<>();
        List<WaveInsight> used = new ArrayList<>();
        List<Double> positions = new ArrayList<>();
        for (int i = 0; i < window.size(); i++) {
            WaveInsight wave = window.get(i);
            if (gapUntestable(wave, sign, s) == null) {
                hq.add(group(score(wave, sign, Side.HQ)));
                japan.add(group(score(wave, sign, Side.JAPAN)));
                used.add(wave);
                positions.add((double) i);
            }
        }
        if (used.size() < 2) {
            return notTested(rule, sign, null, "TOO_FEW_WAVES", s.gapThreshold());
        }
        Group hqNow = hq.getLast();
        Group japanNow = japan.getLast();
        double direction = Math.signum(japanNow.mean() - hqNow.mean());
        if (direction == 0) {
            direction = 1;
        }
        // The gap's size against the threshold, in its own direction: |gap| − threshold.
        Estimate level = Significance.contrast(List.of(hqNow, japanNow), new double[]{-direction, direction}, -s.gapThreshold());
        Estimate change = Significance.gapTrend(hq, japan, positions.stream().mapToDouble(Double::doubleValue).toArray());
        double widening = direction * change.estimate();
        double pChange = widening > 0 ? change.p() : 1;
        double pLevel = level.estimate() > 0 ? level.p() : 1;
        List<WaveValue> points = new ArrayList<>();
        for (int i = 0; i < used.size(); i++) {
            Estimate gap = Significance.contrast(List.of(hq.get(i), japan.get(i)), new double[]{-direction, direction}, 0);
            points.add(new WaveValue(used.get(i).waveId(), used.get(i).occurrenceDate(), gap.estimate(), finite(gap.low()),
                    finite(gap.high())));
        }
        String reason = widening <= 0 ? "NOT_WIDENING"
                : widening < s.minimumEffect() ? "BELOW_MINIMUM_EFFECT"
                : pChange > s.alpha() ? "WITHIN_NOISE"
                : level.estimate() <= 0 || !(level.low() > 0) ? "INTERVAL_REACHES_THRESHOLD"
                : "CANDIDATE";
        return tested(rule, sign, null, reason, points.getLast(), widening, Math.max(pChange, pLevel), s.gapThreshold(), points);
    }

    /**
     * Going quiet is a slow drift, not a step: a side that answers two or three points less each
     * wave is within noise at any single step with twenty people invited, but not over half a year.
     * The test is the least-squares trend of the side's response rate over the last
     * {@code 2·worseningWaves + 2} closed waves (each wave's rate a binomial proportion of those
     * invited), expressed as the change from the first wave to the last, and it fires when that
     * decline is at least {@code responseRateDrop} points beyond noise <b>and</b> still held: each of
     * the last two waves lies at least that far below the trend's start.
     * <p>
     * A wave in which fewer than k of the side answered (its values hidden: a national holiday) is a
     * wave the side was away. It is left out of the trend, so that one away wave neither fires alone
     * nor, at the window's start, hides a decline. A side away two waves running is going silent by
     * definition: then each of those two waves is tested against the rate {@code worseningWaves}
     * waves earlier (two-proportion z-tests, the larger p).
     */
    private static Test responseRateDrop(AlertSettings s, List<WaveInsight> waves, Side side) {
        AlertRule rule = AlertRule.RESPONSE_RATE_DROP;
        Silence now = silence(waves.getLast(), side);
        if (now.invited() < s.minimumN()) {
            return notTested(rule, null, side, "BELOW_MINIMUM_N", s.responseRateDrop());
        }
        Silence before = waves.size() < 2 ? null : silence(waves.get(waves.size() - 2), side);
        if (away(now) && before != null && away(before)) {
            return awayTwoWaves(s, waves, side);
        }
        if (away(now)) {
            return notTested(rule, null, side, "AWAY_THIS_WAVE", s.responseRateDrop());
        }
        List<WaveInsight> window = last(waves, quietWindow(s));
        List<Group> groups = new ArrayList<>();
        List<WaveValue> points = new ArrayList<>();
        List<Double> positions = new ArrayList<>();
        for (int i = 0; i < window.size(); i++) {
            Silence rate = silence(window.get(i), side);
            if (rate != null && rate.invited() >= s.minimumN() && !away(rate)) {
                double share = (double) rate.responses() / rate.invited();
                // A Bernoulli sample's standard deviation, so the trend's variance is the binomial one.
                double sd = 100 * Math.sqrt(share * (1 - share) * rate.invited() / (rate.invited() - 1.0));
                groups.add(new Group(100 * share, sd, rate.invited()));
                points.add(rate(window.get(i), rate));
                positions.add((double) i);
            }
        }
        if (groups.size() < s.worseningWaves() + 1) {
            return notTested(rule, null, side, "TOO_FEW_WAVES", s.responseRateDrop());
        }
        double[] x = positions.stream().mapToDouble(Double::doubleValue).toArray();
        Estimate r = Significance.trend(groups, x);
        double drop = -r.estimate();
        double p = drop > 0 ? r.p() : 1;
        double start = fittedStart(groups, x);
        boolean held = points.size() >= 2 && points.getLast().value() <= start - s.responseRateDrop()
                && points.get(points.size() - 2).value() <= start - s.responseRateDrop();
        String reason = drop <= 0 ? "NOT_DROPPING"
                : drop < s.responseRateDrop() ? "BELOW_MINIMUM_EFFECT"
                : p > s.alpha() ? "WITHIN_NOISE"
                : !held ? "NOT_HELD_TWO_WAVES" : "CANDIDATE";
        return tested(rule, null, side, reason, points.getLast(), drop, p, s.responseRateDrop(), points);
    }

    /** The least-squares line's value at the first position, in the groups' units. */
    private static double fittedStart(List<Group> groups, double[] x) {
        double meanX = java.util.Arrays.stream(x).average().orElseThrow();
        double meanY = groups.stream().mapToDouble(Group::mean).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - meanX) * (groups.get(i).mean() - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
        }
        return meanY + sxy / sxx * (x[0] - meanX);
    }

    private static Test awayTwoWaves(AlertSettings s, List<WaveInsight> waves, Side side) {
        AlertRule rule = AlertRule.RESPONSE_RATE_DROP;
        if (waves.size() < s.worseningWaves() + 1) {
            return notTested(rule, null, side, "TOO_FEW_WAVES", s.responseRateDrop());
        }
        WaveInsight current = waves.getLast();
        WaveInsight previous = waves.get(waves.size() - 2);
        WaveInsight reference = waves.get(waves.size() - 1 - s.worseningWaves());
        Silence now = silence(current, side);
        Silence before = silence(previous, side);
        Silence start = silence(reference, side);
        if (start == null || start.invited() < s.minimumN() || away(start)) {
            return notTested(rule, null, side, "NO_EARLIER_WAVE", s.responseRateDrop());
        }
        if (before.invited() < s.minimumN()) {
            return notTested(rule, null, side, "BELOW_MINIMUM_N", s.responseRateDrop());
        }
        Estimate last = Significance.proportionDifference(start.responses(), start.invited(), now.responses(), now.invited());
        Estimate second = Significance.proportionDifference(start.responses(), start.invited(), before.responses(),
                before.invited());
        double drop = -100 * Math.max(last.estimate(), second.estimate());
        double p = drop > 0 ? Math.max(last.p(), second.p()) : 1;
        List<WaveValue> points = List.of(rate(reference, start), rate(previous, before), rate(current, now));
        String reason = drop <= 0 ? "NOT_DROPPING"
                : drop < s.responseRateDrop() ? "BELOW_MINIMUM_EFFECT"
                : p > s.alpha() ? "WITHIN_NOISE" : "CANDIDATE";
        return tested(rule, null, side, reason, points.getLast(), drop, p, s.responseRateDrop(), points);
    }

    /** Fewer than k of the side answered, so insight hides its values: the side was away this wave. */
    private static boolean away(Silence silence) {
        return silence.suppressedReason() != null;
    }

    private static Test neutralShare(AlertSettings s, WaveInsight wave, Side side) {
        AlertRule rule = AlertRule.NEUTRAL_SHARE_HIGH;
        Silence now = silence(wave, side);
        if (now.neutralShare() == null) {
            return notTested(rule, null, side, "HIDDEN", s.neutralSharePercent());
        }
        if (now.responses() < s.minimumN()) {
            return notTested(rule, null, side, "BELOW_MINIMUM_N", s.neutralSharePercent());
        }
        double threshold = Math.min(0.99, Math.max(0.01, s.neutralSharePercent() / 100));
        // A person's answers sit on the fence together, so the respondents (not the answers) are the sample.
        long neutral = Math.round(now.neutralShare() * now.responses());
        Estimate r = Significance.proportionAgainst(neutral, now.responses(), threshold);
        double p = r.estimate() > 0 ? r.p() : 1;
        WaveValue point = new WaveValue(wave.waveId(), wave.occurrenceDate(), 100 * now.neutralShare(),
                100 * (r.low() + threshold), 100 * (r.high() + threshold));
        String reason = r.estimate() <= 0 ? "NOT_ABOVE_THRESHOLD"
                : r.low() <= 0 ? "INTERVAL_REACHES_THRESHOLD"
                : p > s.alpha() ? "WITHIN_NOISE" : "CANDIDATE";
        return tested(rule, null, side, reason, point, 100 * r.estimate(), p, s.neutralSharePercent(), List.of(point));
    }

    /**
     * Careful wording creeping into a side's comments, read like going quiet: the least-squares trend
     * of the side's careful-wording share over the last {@code 2·worseningWaves + 2} closed waves (each
     * wave's share a binomial proportion of its comments), as the change from the first wave to the
     * last. It fires when that rise is at least {@code minimumEffect} points beyond noise and still
     * held: each of the last two shown waves lies at least that far above the trend's start. Only
     * waves whose share insight shows (at least the comment threshold of comments) and that come from
     * the current wave's lexicon version enter the trend; the current wave needs at least
     * {@code minimumN} comments.
     */
    private static Test carefulWordingRising(AlertSettings s, List<WaveInsight> waves, Side side) {
        AlertRule rule = AlertRule.CAREFUL_WORDING_RISING;
        Silence now = silence(waves.getLast(), side);
        CarefulWording current = now == null ? null : now.carefulWording();
        if (current == null || current.share() == null || current.comments() == null) {
            return notTested(rule, null, side, "HIDDEN", s.minimumEffect());
        }
        if (current.comments() < s.minimumN()) {
            return notTested(rule, null, side, "BELOW_MINIMUM_N", s.minimumEffect());
        }
        List<WaveInsight> window = last(waves, quietWindow(s));
        List<Group> groups = new ArrayList<>();
        List<WaveValue> points = new ArrayList<>();
        List<Double> positions = new ArrayList<>();
        for (int i = 0; i < window.size(); i++) {
            Silence then = silence(window.get(i), side);
            CarefulWording w = then == null ? null : then.carefulWording();
            if (w != null && w.share() != null && w.comments() != null && w.comments() >= 2
                    && w.lexiconVersion().equals(current.lexiconVersion())) {
                double share = w.share();
                // A Bernoulli sample's standard deviation, so the trend's variance is the binomial one.
                double sd = 100 * Math.sqrt(share * (1 - share) * w.comments() / (w.comments() - 1.0));
                groups.add(new Group(100 * share, sd, w.comments()));
                Estimate wilson = Significance.proportionAgainst(w.withMarker(), w.comments(), 0.5);
                points.add(new WaveValue(window.get(i).waveId(), window.get(i).occurrenceDate(), 100 * share,
                        100 * (wilson.low() + 0.5), 100 * (wilson.high() + 0.5)));
                positions.add((double) i);
            }
        }
        if (groups.size() < s.worseningWaves() + 1) {
            return notTested(rule, null, side, "TOO_FEW_WAVES", s.minimumEffect());
        }
        double[] x = positions.stream().mapToDouble(Double::doubleValue).toArray();
        Estimate r = Significance.trend(groups, x);
        double rise = r.estimate();
        double p = rise > 0 ? r.p() : 1;
        double start = fittedStart(groups, x);
        boolean held = points.getLast().value() >= start + s.minimumEffect()
                && points.get(points.size() - 2).value() >= start + s.minimumEffect();
        String reason = rise <= 0 ? "NOT_RISING"
                : rise < s.minimumEffect() ? "BELOW_MINIMUM_EFFECT"
                : p > s.alpha() ? "WITHIN_NOISE"
                : !held ? "NOT_HELD_TWO_WAVES" : "CANDIDATE";
        return tested(rule, null, side, reason, points.getLast(), rise, p, s.minimumEffect(), points);
    }

    // ---- plumbing ----

    private static Test tested(AlertRule rule, @Nullable String sign, @Nullable Side side, String reason, WaveValue now,
                               double effect, double p, double threshold, List<WaveValue> points) {
        return new Test(rule, sign, side, severity(rule), Verdict.CLEAR, reason, now.value(), now.low(), now.high(), effect,
                p, Double.NaN, threshold, List.copyOf(points));
    }

    private static Test notTested(AlertRule rule, @Nullable String sign, @Nullable Side side, String reason, double threshold) {
        return new Test(rule, sign, side, severity(rule), Verdict.NOT_TESTED, reason, null, null, null, null, Double.NaN,
                Double.NaN, threshold, List.of());
    }

    static AlertSeverity severity(AlertRule rule) {
        return rule == AlertRule.SIGN_ABOVE_THRESHOLD || rule == AlertRule.GAP_WIDENING ? AlertSeverity.HIGH : AlertSeverity.MEDIUM;
    }

    /** Why a score cannot be tested, or null when it can. */
    private static @Nullable String untestable(@Nullable Score score, AlertSettings s) {
        if (score == null || score.value() == null || score.n() == null) {
            return "HIDDEN";
        }
        if (score.n() < s.minimumN() || score.sd() == null) {
            return "BELOW_MINIMUM_N";
        }
        return null;
    }

    private static @Nullable String gapUntestable(WaveInsight wave, String sign, AlertSettings s) {
        Gap gap = wave.gaps().stream().filter(g -> g.sign().equals(sign) && g.itemCode() == null && g.level() == null)
                .findFirst().orElse(null);
        if (gap == null || gap.gap() == null) {
            return "HIDDEN";
        }
        String hq = untestable(score(wave, sign, Side.HQ), s);
        String japan = untestable(score(wave, sign, Side.JAPAN), s);
        return hq != null ? hq : japan;
    }

    private static List<WaveInsight> last(List<WaveInsight> waves, int count) {
        return waves.subList(Math.max(0, waves.size() - count), waves.size());
    }

    private static Group group(Score score) {
        return new Group(score.value(), score.sd(), score.n());
    }

    private static WaveValue point(WaveInsight wave, Score score) {
        return new WaveValue(wave.waveId(), wave.occurrenceDate(), score.value(),
                score.ci() == null ? null : score.ci().low(), score.ci() == null ? null : score.ci().high());
    }

    private static WaveValue rate(WaveInsight wave, Silence silence) {
        double rate = (double) silence.responses() / silence.invited();
        Estimate wilson = Significance.proportionAgainst(silence.responses(), silence.invited(), 0.5);
        return new WaveValue(wave.waveId(), wave.occurrenceDate(), 100 * rate, 100 * (wilson.low() + 0.5),
                100 * (wilson.high() + 0.5));
    }

    private static @Nullable Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static @Nullable Score score(WaveInsight wave, String sign, Side side) {
        return wave.scores().stream()
                .filter(s -> s.sign().equals(sign) && s.side() == side && s.level() == null)
                .findFirst().orElse(null);
    }

    private static @Nullable Silence silence(WaveInsight wave, Side side) {
        return wave.silence().stream().filter(s -> s.side() == side).findFirst().orElse(null);
    }
}
