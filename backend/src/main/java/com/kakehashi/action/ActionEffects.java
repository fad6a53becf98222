package com.kakehashi.action;

import com.kakehashi.insight.InsightService;
import com.kakehashi.insight.InsightViews.Score;
import com.kakehashi.insight.InsightViews.Suppressed;
import com.kakehashi.insight.InsightViews.WaveInsight;
import com.kakehashi.stats.Significance;
import com.kakehashi.stats.Significance.Estimate;
import com.kakehashi.stats.Significance.Group;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import com.kakehashi.wave.WaveService;
import com.kakehashi.wave.WaveStatus;
import com.kakehashi.wave.WaveSummary;
import com.kakehashi.web.InvalidInputException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.time.LocalDate;

/**
 * The effect of an action on the signs it targets, honestly estimated (docs/measurement.md, "Effect
 * of an action"): per targeted sign and side, the mean index of the last closed waves before the
 * start against the closed waves since, and a difference-in-differences against the signs the
 * action did not target, so that a drift of the whole organisation is not credited to the action.
 * <p>
 * Every number comes from {@link InsightService} after suppression: a wave whose group is hidden is
 * left out, with the insight's reason. All arithmetic is {@link Significance}'s Welch contrasts.
 */
@Singleton
public class ActionEffects {

    public static final int DEFAULT_BEFORE_WAVES = 4;
    /** Waves with a value needed on each side of the start: one wave has no variance between waves. */
    public static final int MINIMUM_WAVES = 2;
    /** A year at a fortnightly cadence; a longer baseline says more about the past than about the action. */
    public static final int MAXIMUM_BEFORE_WAVES = 26;

    private static final List<Side> SIDES = List.of(Side.HQ, Side.JAPAN);
    private static final Suppressed NO_RESPONSES = new Suppressed("NO_RESPONSES", "no responses");

    private final InsightService insight;
    private final WaveService waves;

    ActionEffects(InsightService insight, WaveService waves) {
        this.insight = insight;
        this.waves = waves;
    }

    /**
     * In the tenant in context.
     *
     * @param startedOn   waves occurring on or after this day count as "since the start"
     * @param endedOn     the last day whose waves count as "since the start"; null: every closed wave
     *                    since. Pass it for an action that was stopped (DROPPED); an action that is
     *                    DONE is expected to keep working, so its later waves still measure it.
     * @param beforeWaves how many of the last closed waves before the start make the baseline
     */
    @Transactional
    public ActionEffect estimate(UUID engagementId, Set<WarningSign> targeted, LocalDate startedOn,
                                 @Nullable LocalDate endedOn, int beforeWaves) {
        if (targeted.isEmpty()) {
            throw new InvalidInputException("targetedSigns", "must name at least one warning sign");
        }
        if (beforeWaves < MINIMUM_WAVES || beforeWaves > MAXIMUM_BEFORE_WAVES) {
            throw new InvalidInputException("beforeWaves", "must be between " + MINIMUM_WAVES + " and " + MAXIMUM_BEFORE_WAVES);
        }
        if (endedOn != null && endedOn.isBefore(startedOn)) {
            throw new InvalidInputException("endedOn", "must not be before the start");
        }
        List<WaveSummary> closed = waves.summaries(engagementId, null, endedOn).stream()
                .filter(w -> w.status() == WaveStatus.CLOSED).toList();
        List<WaveSummary> before = closed.stream().filter(w -> w.occurrenceDate().isBefore(startedOn)).toList();
        before = before.subList(Math.max(0, before.size() - beforeWaves), before.size());
        List<WaveSummary> after = closed.stream().filter(w -> !w.occurrenceDate().isBefore(startedOn)).toList();
        Map<UUID, WaveInsight> read = new HashMap<>();
        if (!before.isEmpty() || !after.isEmpty()) {
            LocalDate from = (before.isEmpty() ? after : before).getFirst().occurrenceDate();
            LocalDate to = (after.isEmpty() ? before : after).getLast().occurrenceDate();
            for (WaveInsight wave : insight.waves(new InsightService.Filter(engagementId, Set.of(), Set.of(), Set.of(), from, to))) {
                read.put(wave.waveId(), wave);
            }
        }
        List<WaveInsight> beforeInsight = before.stream().map(w -> read.get(w.id())).filter(java.util.Objects::nonNull).toList();
        List<WaveInsight> afterInsight = after.stream().map(w -> read.get(w.id())).filter(java.util.Objects::nonNull).toList();
        EnumSet<WarningSign> targets = EnumSet.copyOf(targeted);
        EnumSet<WarningSign> untargeted = EnumSet.complementOf(targets);
        List<ActionEffectEstimate> effects = new ArrayList<>();
        for (WarningSign sign : targets) {
            for (Side side : SIDES) {
                effects.add(estimate(sign, side, untargeted, beforeInsight, afterInsight));
            }
        }
        return new ActionEffect(engagementId, List.copyOf(targets), startedOn, endedOn, beforeWaves, MINIMUM_WAVES, effects);
    }

    static ActionEffectEstimate estimate(WarningSign sign, Side side, Set<WarningSign> untargeted,
                                                 List<WaveInsight> before, List<WaveInsight> after) {
        List<WaveInsight> usedBefore = shown(before, sign, side);
        List<WaveInsight> usedAfter = shown(after, sign, side);
        List<WaveInsight> used = new ArrayList<>(usedBefore);
        used.addAll(usedAfter);
        // The same reference in every wave: a sign hidden in one wave would otherwise change what "the others" are.
        List<WarningSign> reference = untargeted.stream()
                .filter(r -> used.stream().allMatch(w -> value(w, r, side) != null)).toList();
        List<ActionEffectWave> rows = new ArrayList<>();
        rows.addAll(rows(before, ActionEffectWave.Period.BEFORE, sign, side, reference));
        rows.addAll(rows(after, ActionEffectWave.Period.AFTER, sign, side, reference));

        Double beforeMean = usedBefore.isEmpty() ? null : mean(values(usedBefore, sign, side));
        Double afterMean = usedAfter.isEmpty() ? null : mean(values(usedAfter, sign, side));
        ActionEffectChange change = usedBefore.isEmpty() || usedAfter.isEmpty() ? null
                : change(Significance.contrast(groups(used, sign, side), weights(usedBefore.size(), usedAfter.size()), 0));
        int leftBefore = before.size() - usedBefore.size();
        int leftAfter = after.size() - usedAfter.size();
        Words words = new Words(sign, side);
        if (usedAfter.size() < MINIMUM_WAVES || usedBefore.size() < MINIMUM_WAVES) {
            ActionEffectReason reason = usedAfter.size() < MINIMUM_WAVES ? ActionEffectReason.FEW_WAVES_AFTER
                    : ActionEffectReason.FEW_WAVES_BEFORE;
            String[] text = reason == ActionEffectReason.FEW_WAVES_AFTER
                    ? words.tooEarly(usedAfter.size(), leftAfter) : words.tooFewBefore(usedBefore.size(), leftBefore);
            return new ActionEffectEstimate(sign, side, ActionEffectVerdict.TOO_EARLY, reason, usedBefore.size(),
                    usedAfter.size(), beforeMean, afterMean, change, null, reference, rows, text[0], text[1]);
        }
        ActionEffectChange did = null;
        if (!reference.isEmpty()) {
            double[] dBefore = differences(usedBefore, sign, side, reference);
            double[] dAfter = differences(usedAfter, sign, side, reference);
            did = change(Significance.difference(group(dBefore), group(dAfter)));
        }
        ActionEffectChange deciding = did != null ? did : change;
        ActionEffectVerdict verdict = verdict(deciding);
        ActionEffectReason reason = did == null ? ActionEffectReason.NO_UNTARGETED_SIGNS : null;
        String[] text = words.judged(verdict, beforeMean, afterMean, change, did, untargeted.isEmpty());
        return new ActionEffectEstimate(sign, side, verdict, reason, usedBefore.size(), usedAfter.size(), beforeMean,
                afterMean, change, did, reference, rows, text[0], text[1]);
    }

    private static ActionEffectVerdict verdict(ActionEffectChange estimate) {
        if (estimate.low() == null || estimate.high() == null) {
            return ActionEffectVerdict.NO_CHANGE;
        }
        if (estimate.high() < 0) {
            return ActionEffectVerdict.IMPROVED; // a lower risk index is better
        }
        if (estimate.low() > 0) {
            return ActionEffectVerdict.WORSENED;
        }
        return ActionEffectVerdict.NO_CHANGE;
    }

    private static boolean beyondNoise(@Nullable ActionEffectChange estimate) {
        return estimate != null && verdict(estimate) != ActionEffectVerdict.NO_CHANGE;
    }

    private static List<WaveInsight> shown(List<WaveInsight> waves, WarningSign sign, Side side) {
        return waves.stream().filter(w -> value(w, sign, side) != null).toList();
    }

    private static List<ActionEffectWave> rows(List<WaveInsight> waves, ActionEffectWave.Period period, WarningSign sign,
                                               Side side, List<WarningSign> reference) {
        List<ActionEffectWave> rows = new ArrayList<>();
        for (WaveInsight wave : waves) {
            Score score = score(wave, sign, side);
            if (score == null || score.value() == null) {
                Suppressed why = score == null || score.suppressedReason() == null ? NO_RESPONSES : score.suppressedReason();
                rows.add(new ActionEffectWave(wave.waveId(), wave.occurrenceDate(), period, null, null, null, null, why));
                continue;
            }
            Double ref = reference.isEmpty() ? null : reference(wave, side, reference);
            rows.add(new ActionEffectWave(wave.waveId(), wave.occurrenceDate(), period, score.value(), score.n(), ref,
                    ref == null ? null : score.value() - ref, null));
        }
        return rows;
    }

    /**
     * Each wave is one group with its respondents' standard deviation and n; the contrast is the mean
     * of the after waves minus the mean of the before waves (each wave weighs the same).
     */
    private static List<Group> groups(List<WaveInsight> waves, WarningSign sign, Side side) {
        return waves.stream().map(w -> {
            Score s = score(w, sign, side);
            return new Group(s.value(), s.sd() == null ? 0 : s.sd(), s.n());
        }).toList();
    }

    private static double[] weights(int before, int after) {
        double[] weights = new double[before + after];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = i < before ? -1.0 / before : 1.0 / after;
        }
        return weights;
    }

    /** Per wave: the targeted sign's index minus the mean index of the reference signs, same side. */
    private static double[] differences(List<WaveInsight> waves, WarningSign sign, Side side, List<WarningSign> reference) {
        return waves.stream().mapToDouble(w -> value(w, sign, side) - reference(w, side, reference)).toArray();
    }

    private static double reference(WaveInsight wave, Side side, List<WarningSign> reference) {
        return reference.stream().mapToDouble(r -> value(wave, r, side)).average().orElseThrow();
    }

    /** Wave-level values as one group: their mean, sample SD and count. */
    private static Group group(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new Group(mean, Math.sqrt(squares / (values.length - 1)), values.length);
    }

    private static double[] values(List<WaveInsight> waves, WarningSign sign, Side side) {
        return waves.stream().mapToDouble(w -> value(w, sign, side)).toArray();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static ActionEffectChange change(Estimate e) {
        return new ActionEffectChange(e.estimate(), finite(e.low()), finite(e.high()), finite(e.p()), finite(e.degreesOfFreedom()));
    }

    private static @Nullable Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static @Nullable Double value(WaveInsight wave, WarningSign sign, Side side) {
        Score score = score(wave, sign, side);
        return score == null ? null : score.value();
    }

    private static @Nullable Score score(WaveInsight wave, WarningSign sign, Side side) {
        return wave.scores().stream()
                .filter(s -> s.sign().equals(sign.name()) && s.side() == side && s.level() == null)
                .findFirst().orElse(null);
    }

    /** The sentences, English and Japanese, of one estimate. Names of signs are the console's. */
    private record Words(WarningSign sign, Side side) {

        private String en() {
            return (side == Side.HQ ? "HQ" : "Japan") + ", " + sign.english() + ": ";
        }

        private String ja() {
            String label = sign.japanese();
            return (side == Side.HQ ? "本社" : "日本") + "・" + (label.startsWith("「") ? label : "「" + label + "」") + "：";
        }

        String[] tooEarly(int after, int leftOut) {
            return new String[]{
                    en() + "too early: " + after + (after == 1 ? " wave" : " waves") + " since the start (at least "
                            + MINIMUM_WAVES + " needed" + leftOutEn(leftOut) + ").",
                    ja() + "判断するには早すぎます。開始後の配信回は" + after + "回です（比較には" + MINIMUM_WAVES + "回以上必要"
                            + leftOutJa(leftOut) + "）。"};
        }

        String[] tooFewBefore(int before, int leftOut) {
            return new String[]{
                    en() + "too few waves before the start to compare with: " + before + " (at least " + MINIMUM_WAVES
                            + " needed" + leftOutEn(leftOut) + ").",
                    ja() + "比較できる開始前の配信回が" + before + "回しかありません（" + MINIMUM_WAVES + "回以上必要"
                            + leftOutJa(leftOut) + "）。"};
        }

        private static String leftOutEn(int leftOut) {
            return leftOut == 0 ? "" : "; " + leftOut + " more left out because the group is hidden";
        }

        private static String leftOutJa(int leftOut) {
            return leftOut == 0 ? "" : "。ほかに" + leftOut + "回は集団が非表示のため除外";
        }

        /** @param allTargeted no sign was left out of the action (else: none of them was shown in every wave) */
        String[] judged(ActionEffectVerdict verdict, double before, double after, ActionEffectChange change,
                        @Nullable ActionEffectChange did, boolean allTargeted) {
            String noReferenceEn = allTargeted ? "every sign was targeted" : "no sign outside the action was shown in every wave";
            String noReferenceJa = allTargeted ? "すべての警告サインが対象のため" : "対象外の警告サインがすべての配信回で表示されてはいないため";
            String fromTo = "from " + n(before) + " to " + n(after);
            String fromToJa = n(before) + "から" + n(after);
            if (verdict == ActionEffectVerdict.IMPROVED || verdict == ActionEffectVerdict.WORSENED) {
                boolean better = verdict == ActionEffectVerdict.IMPROVED;
                ActionEffectChange e = did != null ? did : change;
                String by = n(Math.abs(e.estimate()));
                String ci = magnitudes(e, "–");
                String ciJa = magnitudes(e, "〜");
                String en = better ? "improved by " : "worsened by ";
                String ja = better ? "改善しました" : "悪化しました";
                if (did != null) {
                    return new String[]{
                            en() + en + by + " points relative to the signs not targeted (95% CI " + ci + "); the index went "
                                    + fromTo + ".",
                            ja() + "対象外の警告サインと比べて" + by + "ポイント" + ja + "（95%信頼区間 " + ciJa + "）。指数は"
                                    + fromToJa + "になりました。"};
                }
                return new String[]{
                        en() + en + by + " points (95% CI " + ci + "), " + fromTo
                                + "; " + noReferenceEn + ", so a change of the whole organisation cannot be ruled out.",
                        ja() + by + "ポイント" + ja + "（95%信頼区間 " + ciJa + "、" + fromToJa
                                + "）。" + noReferenceJa + "、組織全体の変化である可能性は否定できません。"};
            }
            if (did != null && beyondNoise(change)) {
                boolean fell = change.estimate() < 0;
                return new String[]{
                        en() + "no change beyond the other signs: the index " + (fell ? "fell " : "rose ")
                                + n(Math.abs(change.estimate())) + " points (95% CI " + magnitudes(change, "–") + "), " + fromTo
                                + ", but the signs not targeted moved as much (difference in differences "
                                + signed(did.estimate()) + ", 95% CI " + range(did, " to ") + ").",
                        ja() + "対象外の警告サインを上回る変化はありません。指数は" + n(Math.abs(change.estimate())) + "ポイント"
                                + (fell ? "低下" : "上昇") + "しました（95%信頼区間 " + magnitudes(change, "〜") + "、" + fromToJa
                                + "）が、対象外の警告サインも同程度に動いています（差の差 " + signed(did.estimate())
                                + "、95%信頼区間 " + range(did, "〜") + "）。"};
            }
            String en = en() + "no change beyond noise: " + fromTo + " (" + signed(change.estimate()) + " points"
                    + (change.low() == null ? "" : ", 95% CI " + range(change, " to ")) + ")";
            String ja = ja() + "ノイズを超える変化はありません。" + fromToJa + "（" + signed(change.estimate()) + "ポイント"
                    + (change.low() == null ? "" : "、95%信頼区間 " + range(change, "〜")) + "）";
            if (did != null) {
                en += "; relative to the signs not targeted " + signed(did.estimate())
                        + (did.low() == null ? "" : " (95% CI " + range(did, " to ") + ")") + ".";
                ja += "。対象外の警告サインとの比較では" + signed(did.estimate()) + "ポイント"
                        + (did.low() == null ? "" : "（95%信頼区間 " + range(did, "〜") + "）") + "。";
            } else {
                en += "; " + noReferenceEn + ", so nothing to compare with.";
                ja += "。" + noReferenceJa + "、比較対象はありません。";
            }
            return new String[]{en, ja};
        }

        /** An interval lying on one side of zero, as sizes of the change: (−18, −6) reads "6–18". */
        private static String magnitudes(ActionEffectChange e, String dash) {
            double a = Math.abs(e.low());
            double b = Math.abs(e.high());
            return n(Math.min(a, b)) + dash + n(Math.max(a, b));
        }

        private static String range(ActionEffectChange e, String to) {
            return signed(e.low()) + to + signed(e.high());
        }

        private static String signed(double value) {
            String text = n(Math.abs(value));
            return text.equals("0") || text.equals("0.0") ? "0" : (value < 0 ? "−" : "+") + text;
        }

        /** Whole points, as the rest of the product shows indices; one decimal below one point. */
        private static String n(double value) {
            if (Math.abs(value) < 0.95 && Math.abs(value) >= 0.05) {
                return String.format(Locale.ROOT, "%.1f", value);
            }
            return Long.toString(Math.round(value));
        }
    }
}
