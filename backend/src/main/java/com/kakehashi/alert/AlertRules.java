package com.kakehashi.alert;

import com.kakehashi.insight.InsightViews.Gap;
import com.kakehashi.insight.InsightViews.Score;
import com.kakehashi.insight.InsightViews.Silence;
import com.kakehashi.insight.InsightViews.WaveInsight;
import com.kakehashi.participant.Side;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The alert rules over an engagement's closed waves, oldest first, the last being the wave that
 * just closed. Pure: it reads only what the insight API would show (see {@code InsightService}).
 * <p>
 * Anonymity: every number comes from a {@link WaveInsight}, in which a suppressed value (fewer than
 * k responses, or derivable from shown ones) is absent. A rule that needs a value that is absent,
 * in this wave or any earlier wave it looks at, does not fire, so an alert (its existence, its
 * numbers, its mail) never reveals a suppressed value. Response rates are counts the wave view
 * shows at any n; neutral shares are hidden below k like scores.
 */
final class AlertRules {

    record Finding(AlertRule rule, @Nullable String sign, @Nullable Side side, String severity, double value,
                   double threshold, List<Double> history) {
    }

    private AlertRules() {
    }

    static List<Finding> evaluate(AlertSettings settings, List<WaveInsight> waves) {
        List<Finding> findings = new ArrayList<>();
        if (waves.isEmpty()) {
            return findings;
        }
        WaveInsight current = waves.getLast();
        Set<String> signs = new LinkedHashSet<>();
        waves.forEach(w -> w.scores().forEach(s -> signs.add(s.sign())));
        for (String sign : signs) {
            for (Side side : Side.values()) {
                List<Double> values = waves.stream().map(w -> sideScore(w, sign, side)).toList();
                Double now = values.getLast();
                if (now == null) {
                    continue;
                }
                if (now > settings.riskThreshold()) {
                    findings.add(new Finding(AlertRule.SIGN_ABOVE_THRESHOLD, sign, side, "HIGH", now,
                            settings.riskThreshold(), List.of()));
                }
                List<Double> run = lastShown(values, settings.worseningWaves() + 1);
                if (run != null && eachStep(run, (a, b) -> b - a >= settings.worseningStep())) {
                    findings.add(new Finding(AlertRule.SIGN_WORSENING, sign, side, "MEDIUM", now,
                            settings.worseningStep(), run.subList(0, run.size() - 1)));
                }
            }
            List<Double> gaps = waves.stream().map(w -> absoluteGap(w, sign)).toList();
            List<Double> run = lastShown(gaps, settings.gapWaves() + 1);
            if (run != null && run.getLast() >= settings.gapThreshold() && eachStep(run, (a, b) -> b > a)) {
                findings.add(new Finding(AlertRule.GAP_WIDENING, sign, null, "HIGH", run.getLast(),
                        settings.gapThreshold(), run.subList(0, run.size() - 1)));
            }
        }
        for (Side side : Side.values()) {
            Silence now = silence(current, side);
            if (now == null) {
                continue;
            }
            if (waves.size() >= 2) {
                Silence before = silence(waves.get(waves.size() - 2), side);
                Double rateNow = responseRate(now);
                Double rateBefore = before == null ? null : responseRate(before);
                if (rateNow != null && rateBefore != null && rateBefore - rateNow >= settings.responseRateDrop()) {
                    findings.add(new Finding(AlertRule.RESPONSE_RATE_DROP, null, side, "MEDIUM", rateNow,
                            settings.responseRateDrop(), List.of(rateBefore)));
                }
            }
            // neutralShare is null when the side has fewer than k responses: nothing to compare.
            if (now.neutralShare() != null && now.neutralShare() * 100 > settings.neutralSharePercent()) {
                findings.add(new Finding(AlertRule.NEUTRAL_SHARE_HIGH, null, side, "MEDIUM", now.neutralShare() * 100,
                        settings.neutralSharePercent(), List.of()));
            }
        }
        return findings;
    }

    /** The last {@code count} values if all of them are shown, else null (a hidden value breaks the run). */
    private static @Nullable List<Double> lastShown(List<Double> values, int count) {
        if (values.size() < count) {
            return null;
        }
        List<Double> run = values.subList(values.size() - count, values.size());
        return run.stream().anyMatch(java.util.Objects::isNull) ? null : List.copyOf(run);
    }

    private interface Step {
        boolean test(double before, double after);
    }

    private static boolean eachStep(List<Double> run, Step step) {
        for (int i = 1; i < run.size(); i++) {
            if (!step.test(run.get(i - 1), run.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable Double sideScore(WaveInsight wave, String sign, Side side) {
        return wave.scores().stream()
                .filter(s -> s.sign().equals(sign) && s.side() == side && s.level() == null)
                .map(Score::value).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The sign's perception gap over all levels, only when the insight API shows it. */
    private static @Nullable Double absoluteGap(WaveInsight wave, String sign) {
        return wave.gaps().stream()
                .filter(g -> g.sign().equals(sign) && g.itemCode() == null && g.level() == null)
                .map(Gap::gap).filter(java.util.Objects::nonNull).map(Math::abs).findFirst().orElse(null);
    }

    private static @Nullable Silence silence(WaveInsight wave, Side side) {
        return wave.silence().stream().filter(s -> s.side() == side).findFirst().orElse(null);
    }

    private static @Nullable Double responseRate(Silence silence) {
        Function<Double, Double> percent = nonResponse -> (1 - nonResponse) * 100;
        return silence.nonResponseRate() == null ? null : percent.apply(silence.nonResponseRate());
    }
}
