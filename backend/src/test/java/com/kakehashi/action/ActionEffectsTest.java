package com.kakehashi.action;

import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import com.kakehashi.web.InvalidInputException;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The effect of an action on hand-computed waves, against real PostgreSQL through the real close
 * path and the insight API (see {@link ActionEffectWorld}: a respondent (t, o) scores 25 (t − 1) on
 * the targeted sign, EXCLUSION, and 25 (o − 1) on each of the eight others). k = 3.
 * <p>
 * Waves, fortnightly (index of EXCLUSION / mean of the other signs, per side; 4 respondents each):
 * <pre>
 *              Japan t / o                 index  others  t−o     HQ t / o                    index  others  t−o
 * W0 05 Jan    5555 / 1111                 100    0       100     5555 / 1111                 100    0       100   (outside the 4-wave baseline)
 * W1 19 Jan    4433 / 2222                 62.5   25      37.5    4433 / 4433                 62.5   62.5    0
 * W2 02 Feb    5544 / 3322                 87.5   37.5    50      5544 / 4444                 87.5   75      12.5
 * W3 16 Feb    55 / 11 (2: BELOW_K)        hidden                 5555 / 1111 (COMPLEMENTARY) hidden
 * W4 02 Mar    4433 / 2233                 62.5   37.5    25      4433 / 4444                 62.5   75      −12.5
 *    ── action starts 10 Mar ──
 * W5 16 Mar    3322 / 2222                 37.5   25      12.5    3322 / 3322                 37.5   37.5    0
 * W6 30 Mar    2211 / 2211                 12.5   12.5    0       2211 / 1111                 12.5   0       12.5
 * W7 13 Apr    4433 / 3333                 62.5   50      12.5    3322 / 3333                 37.5   50      −12.5
 * W8 27 Apr    open (not used)
 * </pre>
 * Every shown wave of EXCLUSION has the pattern {x+1, x+1, x, x}: SD s = 25/√3 = 14.434, n = 4.
 * <p>
 * <b>Plain change</b> (mean of after waves − mean of before waves, each wave one group with its
 * respondents' SD): 3 and 3 waves, SE = s/√4 · √(3·(1/3)² + 3·(1/3)²) = (25/√3)/2 · √(2/3) = 5.8926;
 * Welch–Satterthwaite df = (2/3)² / ((6 · (1/3)⁴) / 3) = 18, t(0.975, 18) = 2.10092, half-width 12.380.
 * Japan: 70.833 → 37.5, change −33.333, CI −45.713 to −20.954. HQ: 70.833 → 29.167, change −41.667,
 * CI −54.046 to −29.287.
 * <p>
 * <b>Difference in differences</b> (Welch on the wave-level t−o values). Japan: before 37.5, 50, 25
 * (mean 37.5, SD 12.5), after 12.5, 0, 12.5 (mean 8.333, SD 7.217); SE² = 156.25/3 + 52.083/3 =
 * 69.444, df = 69.444² / (52.083²/2 + 17.361²/2) = 3.2, t(0.975, 3.2) = 3.0729; DiD −29.167,
 * CI −54.774 to −3.560: improved. HQ: before and after both 0, 12.5, −12.5: DiD 0, SE 10.206, df 4,
 * CI ±28.337: the whole of HQ's fall was a drift of every sign, not credited to the action.
 * (Checked with scipy.stats.ttest_ind(equal_var=False).)
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionEffectsTest {

    private static final double EPS = 1e-3;
    private static final Set<WarningSign> EXCLUSION = Set.of(WarningSign.EXCLUSION);
    private static final LocalDate START = LocalDate.of(2026, 3, 10);

    @Inject
    ActionEffectWorld worlds;
    @Inject
    ActionEffects effects;
    @Inject
    JsonMapper json;

    ActionEffectWorld.World w;
    final java.util.Map<String, UUID> waves = new java.util.HashMap<>();

    @BeforeAll
    void history() throws Exception {
        w = worlds.create("Effects", 3);
        wave("W0", LocalDate.of(2026, 1, 5), new int[]{5, 5, 5, 5}, new int[]{1, 1, 1, 1}, new int[]{5, 5, 5, 5}, new int[]{1, 1, 1, 1});
        wave("W1", LocalDate.of(2026, 1, 19), new int[]{4, 4, 3, 3}, new int[]{2, 2, 2, 2}, new int[]{4, 4, 3, 3}, new int[]{4, 4, 3, 3});
        wave("W2", LocalDate.of(2026, 2, 2), new int[]{5, 5, 4, 4}, new int[]{3, 3, 2, 2}, new int[]{5, 5, 4, 4}, new int[]{4, 4, 4, 4});
        wave("W3", LocalDate.of(2026, 2, 16), new int[]{5, 5}, new int[]{1, 1}, new int[]{5, 5, 5, 5}, new int[]{1, 1, 1, 1});
        wave("W4", LocalDate.of(2026, 3, 2), new int[]{4, 4, 3, 3}, new int[]{2, 2, 3, 3}, new int[]{4, 4, 3, 3}, new int[]{4, 4, 4, 4});
        wave("W5", LocalDate.of(2026, 3, 16), new int[]{3, 3, 2, 2}, new int[]{2, 2, 2, 2}, new int[]{3, 3, 2, 2}, new int[]{3, 3, 2, 2});
        wave("W6", LocalDate.of(2026, 3, 30), new int[]{2, 2, 1, 1}, new int[]{2, 2, 1, 1}, new int[]{2, 2, 1, 1}, new int[]{1, 1, 1, 1});
        wave("W7", LocalDate.of(2026, 4, 13), new int[]{4, 4, 3, 3}, new int[]{3, 3, 3, 3}, new int[]{3, 3, 2, 2}, new int[]{3, 3, 3, 3});
        UUID open = w.wave(LocalDate.of(2026, 4, 27));
        w.respond(open, Side.JAPAN, WarningSign.EXCLUSION, new int[]{5, 5, 5, 5, 5}, new int[]{1, 1, 1, 1, 1});
        waves.put("W8", open);
    }

    private void wave(String name, LocalDate day, int[] japanT, int[] japanO, int[] hqT, int[] hqO) throws Exception {
        UUID wave = w.wave(day);
        w.respond(wave, Side.JAPAN, WarningSign.EXCLUSION, japanT, japanO);
        w.respond(wave, Side.HQ, WarningSign.EXCLUSION, hqT, hqO);
        w.close(wave);
        waves.put(name, wave);
    }

    private ActionEffect estimate(Set<WarningSign> targeted, LocalDate startedOn, LocalDate endedOn, int beforeWaves) {
        return TenantContext.callAs(w.id(), () -> effects.estimate(w.engagementId, targeted, startedOn, endedOn, beforeWaves));
    }

    private static ActionEffectEstimate of(ActionEffect effect, WarningSign sign, Side side) {
        return effect.effects().stream().filter(e -> e.sign() == sign && e.side() == side).findFirst().orElseThrow();
    }

    private List<UUID> ids(String... names) {
        return java.util.Arrays.stream(names).map(waves::get).toList();
    }

    @Test
    void japanImprovedBeyondTheSignsItDidNotTarget() {
        ActionEffect effect = estimate(EXCLUSION, START, null, ActionEffects.DEFAULT_BEFORE_WAVES);
        assertThat(effect.effects()).extracting(ActionEffectEstimate::side).containsExactly(Side.HQ, Side.JAPAN);
        ActionEffectEstimate japan = of(effect, WarningSign.EXCLUSION, Side.JAPAN);

        assertThat(japan.wavesBefore()).isEqualTo(3);
        assertThat(japan.wavesAfter()).isEqualTo(3);
        assertThat(japan.before()).isCloseTo(70.8333, within(EPS));
        assertThat(japan.after()).isCloseTo(37.5, within(EPS));
        assertThat(japan.change().estimate()).isCloseTo(-33.3333, within(EPS));
        assertThat(japan.change().low()).isCloseTo(-45.7131, within(EPS));
        assertThat(japan.change().high()).isCloseTo(-20.9535, within(EPS));
        assertThat(japan.change().degreesOfFreedom()).isCloseTo(18, within(EPS));

        assertThat(japan.referenceSigns()).hasSize(8).doesNotContain(WarningSign.EXCLUSION);
        assertThat(japan.differenceInDifferences().estimate()).isCloseTo(-29.1667, within(EPS));
        assertThat(japan.differenceInDifferences().low()).isCloseTo(-54.7736, within(EPS));
        assertThat(japan.differenceInDifferences().high()).isCloseTo(-3.5598, within(EPS));
        assertThat(japan.differenceInDifferences().degreesOfFreedom()).isCloseTo(3.2, within(EPS));
        assertThat(japan.differenceInDifferences().p()).isCloseTo(0.03565, within(1e-4));

        assertThat(japan.verdict()).isEqualTo(ActionEffectVerdict.IMPROVED);
        assertThat(japan.reason()).isNull();
        assertThat(japan.summaryEn()).isEqualTo("Japan, Exclusion: improved by 29 points relative to the signs not targeted "
                + "(95% CI 4–55); the index went from 71 to 38.");
        assertThat(japan.summaryJa()).isEqualTo("日本・「初期議論からの除外」：対象外の警告サインと比べて29ポイント改善しました"
                + "（95%信頼区間 4〜55）。指数は71から38になりました。");

        // Each used wave shows its index, the reference mean and their difference.
        assertThat(japan.waves()).extracting(ActionEffectWave::waveId).containsExactlyElementsOf(ids("W1", "W2", "W3", "W4", "W5", "W6", "W7"));
        ActionEffectWave w2 = japan.waves().get(1);
        assertThat(w2.period()).isEqualTo(ActionEffectWave.Period.BEFORE);
        assertThat(w2.value()).isCloseTo(87.5, within(EPS));
        assertThat(w2.n()).isEqualTo(4);
        assertThat(w2.reference()).isCloseTo(37.5, within(EPS));
        assertThat(w2.difference()).isCloseTo(50, within(EPS));
        assertThat(japan.waves().get(4).period()).isEqualTo(ActionEffectWave.Period.AFTER);
    }

    @Test
    void aCompanyWideDriftIsNotCreditedToTheAction() {
        ActionEffectEstimate hq = of(estimate(EXCLUSION, START, null, 4), WarningSign.EXCLUSION, Side.HQ);
        // HQ's index fell far beyond noise ...
        assertThat(hq.before()).isCloseTo(70.8333, within(EPS));
        assertThat(hq.after()).isCloseTo(29.1667, within(EPS));
        assertThat(hq.change().estimate()).isCloseTo(-41.6667, within(EPS));
        assertThat(hq.change().low()).isCloseTo(-54.0465, within(EPS));
        assertThat(hq.change().high()).isCloseTo(-29.2869, within(EPS));
        // ... but every other sign fell as much.
        assertThat(hq.differenceInDifferences().estimate()).isCloseTo(0, within(EPS));
        assertThat(hq.differenceInDifferences().low()).isCloseTo(-28.3370, within(EPS));
        assertThat(hq.differenceInDifferences().high()).isCloseTo(28.3370, within(EPS));
        assertThat(hq.differenceInDifferences().degreesOfFreedom()).isCloseTo(4, within(EPS));
        assertThat(hq.verdict()).isEqualTo(ActionEffectVerdict.NO_CHANGE);
        assertThat(hq.summaryEn()).isEqualTo("HQ, Exclusion: no change beyond the other signs: the index fell 42 points "
                + "(95% CI 29–54), from 71 to 29, but the signs not targeted moved as much (difference in differences 0, "
                + "95% CI −28 to +28).");
        assertThat(hq.summaryJa()).startsWith("本社・「初期議論からの除外」：対象外の警告サインを上回る変化はありません。指数は42ポイント低下しました");
    }

    @Test
    void aWaveWhoseGroupIsHiddenIsLeftOutWithTheInsightsReasonAndTheBaselineIsTheLastFourClosedWaves() {
        ActionEffect effect = estimate(EXCLUSION, START, null, 4);
        ActionEffectEstimate japan = of(effect, WarningSign.EXCLUSION, Side.JAPAN);
        ActionEffectEstimate hq = of(effect, WarningSign.EXCLUSION, Side.HQ);
        ActionEffectWave japanW3 = japan.waves().get(2);
        assertThat(japanW3.waveId()).isEqualTo(waves.get("W3"));
        assertThat(japanW3.value()).isNull();
        assertThat(japanW3.n()).isNull();
        assertThat(japanW3.leftOutReason().code()).isEqualTo("BELOW_K");
        // HQ's 4 answers would reveal Japan's 2 as "everyone − HQ": hidden too.
        ActionEffectWave hqW3 = hq.waves().get(2);
        assertThat(hqW3.value()).isNull();
        assertThat(hqW3.leftOutReason().code()).isEqualTo("COMPLEMENTARY");
        // W0 (index 100) lies before the four-wave baseline; the open W8 is not a result yet.
        assertThat(japan.waves()).extracting(ActionEffectWave::waveId).doesNotContain(waves.get("W0"), waves.get("W8"));
        assertThat(japan.waves()).filteredOn(x -> x.leftOutReason() == null).allSatisfy(x -> assertThat(x.value()).isNotNull());
    }

    @Test
    void oneWaveSinceTheStartIsTooEarly() {
        ActionEffectEstimate japan = of(estimate(EXCLUSION, LocalDate.of(2026, 4, 1), null, 4), WarningSign.EXCLUSION, Side.JAPAN);
        assertThat(japan.verdict()).isEqualTo(ActionEffectVerdict.TOO_EARLY);
        assertThat(japan.reason()).isEqualTo(ActionEffectReason.FEW_WAVES_AFTER);
        assertThat(japan.wavesAfter()).isEqualTo(1);
        // baseline: W3 (hidden), W4, W5, W6
        assertThat(japan.wavesBefore()).isEqualTo(3);
        assertThat(japan.before()).isCloseTo((62.5 + 37.5 + 12.5) / 3, within(EPS));
        assertThat(japan.after()).isCloseTo(62.5, within(EPS));
        assertThat(japan.differenceInDifferences()).isNull();
        assertThat(japan.summaryEn()).isEqualTo("Japan, Exclusion: too early: 1 wave since the start (at least 2 needed).");
        assertThat(japan.summaryJa()).isEqualTo("日本・「初期議論からの除外」：判断するには早すぎます。開始後の配信回は1回です（比較には2回以上必要）。");
    }

    @Test
    void aBaselineThinnedBySuppressionBelowTwoWavesSaysSo() {
        // The last two closed waves before the start are W3 (hidden) and W4.
        ActionEffectEstimate japan = of(estimate(EXCLUSION, START, null, 2), WarningSign.EXCLUSION, Side.JAPAN);
        assertThat(japan.verdict()).isEqualTo(ActionEffectVerdict.TOO_EARLY);
        assertThat(japan.reason()).isEqualTo(ActionEffectReason.FEW_WAVES_BEFORE);
        assertThat(japan.wavesBefore()).isEqualTo(1);
        assertThat(japan.summaryEn()).isEqualTo("Japan, Exclusion: too few waves before the start to compare with: 1 "
                + "(at least 2 needed; 1 more left out because the group is hidden).");
        assertThat(japan.summaryJa()).isEqualTo("日本・「初期議論からの除外」：比較できる開始前の配信回が1回しかありません"
                + "（2回以上必要。ほかに1回は集団が非表示のため除外）。");
    }

    @Test
    void anEndDateClosesTheAfterWindow() {
        // After: W5 and W6 only. Japan t−o after: 12.5, 0 (mean 6.25, SD 8.839); DiD −31.25,
        // SE² = 52.083 + 39.0625 = 91.146, df = 91.146² / (52.083²/2 + 39.0625²/1) = 2.882, CI −62.347 to −0.153.
        ActionEffectEstimate japan = of(estimate(EXCLUSION, START, LocalDate.of(2026, 4, 1), 4), WarningSign.EXCLUSION, Side.JAPAN);
        assertThat(japan.wavesAfter()).isEqualTo(2);
        assertThat(japan.after()).isCloseTo(25, within(EPS));
        assertThat(japan.differenceInDifferences().estimate()).isCloseTo(-31.25, within(EPS));
        assertThat(japan.differenceInDifferences().low()).isCloseTo(-62.3467, within(EPS));
        assertThat(japan.differenceInDifferences().high()).isCloseTo(-0.1533, within(EPS));
        assertThat(japan.verdict()).isEqualTo(ActionEffectVerdict.IMPROVED);
    }

    @Test
    void withEverySignTargetedThePlainChangeDecidesAndTheWordsSaySoDriftCannotBeRuledOut() {
        ActionEffect effect = estimate(EnumSet.allOf(WarningSign.class), START, null, 4);
        assertThat(effect.effects()).hasSize(18);
        ActionEffectEstimate japan = of(effect, WarningSign.EXCLUSION, Side.JAPAN);
        assertThat(japan.referenceSigns()).isEmpty();
        assertThat(japan.differenceInDifferences()).isNull();
        assertThat(japan.reason()).isEqualTo(ActionEffectReason.NO_UNTARGETED_SIGNS);
        assertThat(japan.verdict()).isEqualTo(ActionEffectVerdict.IMPROVED);
        assertThat(japan.summaryEn()).isEqualTo("Japan, Exclusion: improved by 33 points (95% CI 21–46), from 71 to 38; "
                + "every sign was targeted, so a change of the whole organisation cannot be ruled out.");
    }

    @Test
    void anotherTenantSeesNoWaveOfThisEngagement() throws Exception {
        ActionEffectWorld.World other = worlds.create("Other", 3);
        ActionEffect effect = TenantContext.callAs(other.id(), () -> effects.estimate(w.engagementId, EXCLUSION, START, null, 4));
        assertThat(effect.effects()).allSatisfy(e -> {
            assertThat(e.verdict()).isEqualTo(ActionEffectVerdict.TOO_EARLY);
            assertThat(e.waves()).isEmpty();
            assertThat(e.before()).isNull();
        });
    }

    @Test
    void badInputNamesTheField() {
        assertThatThrownBy(() -> estimate(Set.of(), START, null, 4)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().getFirst().field()).isEqualTo("targetedSigns"));
        assertThatThrownBy(() -> estimate(EXCLUSION, START, null, 1)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().getFirst().field()).isEqualTo("beforeWaves"));
        assertThatThrownBy(() -> estimate(EXCLUSION, START, START.minusDays(1), 4)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().getFirst().field()).isEqualTo("endedOn"));
    }

    @Test
    void theAnswerSerialises() throws Exception {
        String text = json.writeValueAsString(estimate(EXCLUSION, START, null, 4));
        assertThat(text).contains("\"verdict\":\"IMPROVED\"", "\"differenceInDifferences\"", "\"leftOutReason\"", "BELOW_K");
    }

    // ---- the words of the other verdicts, on waves made in memory (every shown value as the insight API gives it) ----

    /** A closed wave where Japan's EXCLUSION is {@code t} and its RISK_LENS {@code o}, each with SD 15 and n 20. */
    private static com.kakehashi.insight.InsightViews.WaveInsight memoryWave(int day, double t, double o) {
        List<com.kakehashi.insight.InsightViews.Score> scores = List.of(
                new com.kakehashi.insight.InsightViews.Score("EXCLUSION", "side:JAPAN", Side.JAPAN, null, t, 20L, 15.0, null, null),
                new com.kakehashi.insight.InsightViews.Score("RISK_LENS", "side:JAPAN", Side.JAPAN, null, o, 20L, 15.0, null, null));
        return new com.kakehashi.insight.InsightViews.WaveInsight(UUID.randomUUID(), LocalDate.of(2026, 1, 1).plusDays(day), "CLOSED",
                java.time.Instant.EPOCH, 5, scores, List.of(), List.of(), List.of(), List.of(), null);
    }

    @Test
    void aRiseBeyondTheOtherSignsIsWorsenedAndAWobbleIsNoChangeBeyondNoise() {
        Set<WarningSign> untargeted = Set.of(WarningSign.RISK_LENS);
        // t − o before: 0, 2, −2; after: 20, 21, 19 → DiD +20 with SE ≈ 1.29
        ActionEffectEstimate worse = ActionEffects.estimate(WarningSign.EXCLUSION, Side.JAPAN, untargeted,
                List.of(memoryWave(0, 30, 30), memoryWave(14, 32, 30), memoryWave(28, 28, 30)),
                List.of(memoryWave(42, 50, 30), memoryWave(56, 52, 31), memoryWave(70, 48, 29)));
        assertThat(worse.verdict()).isEqualTo(ActionEffectVerdict.WORSENED);
        assertThat(worse.differenceInDifferences().estimate()).isCloseTo(20, within(EPS));
        assertThat(worse.summaryEn()).startsWith("Japan, Exclusion: worsened by 20 points relative to the signs not targeted (95% CI ")
                .endsWith("); the index went from 30 to 50.");
        assertThat(worse.summaryJa()).contains("対象外の警告サインと比べて20ポイント悪化しました");

        // Before 40, 50, 45 and after 44, 38, 46 against a flat reference: nothing to say beyond noise.
        ActionEffectEstimate wobble = ActionEffects.estimate(WarningSign.EXCLUSION, Side.JAPAN, untargeted,
                List.of(memoryWave(0, 40, 40), memoryWave(14, 50, 40), memoryWave(28, 45, 40)),
                List.of(memoryWave(42, 44, 40), memoryWave(56, 38, 40), memoryWave(70, 46, 40)));
        assertThat(wobble.verdict()).isEqualTo(ActionEffectVerdict.NO_CHANGE);
        assertThat(wobble.change().estimate()).isCloseTo(-2.3333, within(EPS));
        assertThat(wobble.summaryEn()).startsWith("Japan, Exclusion: no change beyond noise: from 45 to 43 (−2 points, 95% CI −")
                .contains("; relative to the signs not targeted −2 (95% CI −");
        assertThat(wobble.summaryJa()).startsWith("日本・「初期議論からの除外」：ノイズを超える変化はありません。45から43（−2ポイント、95%信頼区間 −");
    }
}
