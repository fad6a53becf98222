package com.kakehashi.portfolio;

import com.kakehashi.action.ActionService;
import com.kakehashi.alert.AlertService;
import com.kakehashi.register.RegisterService;
import com.kakehashi.alert.AlertSettings;
import com.kakehashi.alert.AlertSeverity;
import com.kakehashi.alert.AlertStatus;
import com.kakehashi.alert.AlertView;
import com.kakehashi.insight.InsightService;
import com.kakehashi.insight.InsightViews.Gap;
import com.kakehashi.insight.InsightViews.Score;
import com.kakehashi.insight.InsightViews.Silence;
import com.kakehashi.insight.InsightViews.Suppressed;
import com.kakehashi.insight.InsightViews.WaveInsight;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.portfolio.PortfolioViews.LatestWave;
import com.kakehashi.portfolio.PortfolioViews.OpenAlerts;
import com.kakehashi.portfolio.PortfolioViews.SideRate;
import com.kakehashi.portfolio.PortfolioViews.SignRisk;
import com.kakehashi.portfolio.PortfolioViews.TenantSummary;
import com.kakehashi.portfolio.PortfolioViews.Trend;
import com.kakehashi.portfolio.PortfolioViews.WidestGap;
import com.kakehashi.stats.Significance;
import com.kakehashi.stats.Significance.Group;
import com.kakehashi.stats.Significance.Estimate;
import com.kakehashi.tenant.TenantService;
import com.kakehashi.tenant.TenantView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One tenant's summary, read in one transaction in the tenant in context. Only insight's computed,
 * suppression-aware values are used: a value insight hides is hidden here, and a trend needs both
 * waves' values shown.
 */
@Singleton
class TenantSummaries {

    static final Suppressed NO_RESPONSES = new Suppressed("NO_RESPONSES", "no responses");
    static final Suppressed NO_PREVIOUS_WAVE = new Suppressed("NO_PREVIOUS_WAVE", "no earlier closed wave to compare with");

    private static final List<Side> SIDES = List.of(Side.HQ, Side.JAPAN);

    private final TenantService tenants;
    private final InsightService insight;
    private final AlertService alerts;

    private final RegisterService register;
    private final ActionService actions;

    TenantSummaries(TenantService tenants, InsightService insight, AlertService alerts, RegisterService register,
                    ActionService actions) {
        this.register = register;
        this.actions = actions;
        this.tenants = tenants;
        this.insight = insight;
        this.alerts = alerts;
    }

    @Transactional
    public TenantSummary summarise() {
        TenantView tenant = tenants.current();
        AlertSettings settings = alerts.settings();
        List<AlertView> conditions = new ArrayList<>(alerts.list(AlertStatus.OPEN));
        conditions.addAll(alerts.list(AlertStatus.ACKNOWLEDGED));
        OpenAlerts open = openAlerts(conditions);
        List<WaveInsight> waves = insight.latestClosed(2);
        if (waves.isEmpty()) {
            return new TenantSummary(tenant.id(), tenant.name(), tenant.anonymityThreshold(), null, List.of(), null, open,
                    plans(AttentionScore.of(settings, open, null, List.of(), 0)));
        }
        WaveInsight latest = waves.getLast();
        WaveInsight previous = waves.size() > 1 ? waves.getFirst() : null;
        List<SignRisk> signs = signs(latest, previous, settings);
        LatestWave wave = latestWave(latest, previous);
        return new TenantSummary(tenant.id(), tenant.name(), tenant.anonymityThreshold(), wave, signs, widestGap(latest), open,
                plans(AttentionScore.of(settings, open, wave, signs, aboveThreshold(latest, settings))));
    }

    /** What the client agreed to do and to apply: register disagreements and overdue actions. */
    private PortfolioViews.Attention plans(PortfolioViews.Attention measured) {
        return AttentionScore.withActions(AttentionScore.withRegister(measured, register.health()), actions.overdue());
    }

    private static OpenAlerts openAlerts(List<AlertView> open) {
        int high = (int) open.stream().filter(a -> AlertSeverity.HIGH.name().equals(a.severity())).count();
        int medium = (int) open.stream().filter(a -> AlertSeverity.MEDIUM.name().equals(a.severity())).count();
        return new OpenAlerts(open.size(), high, medium);
    }

    private static LatestWave latestWave(WaveInsight latest, @Nullable WaveInsight previous) {
        List<SideRate> sides = new ArrayList<>();
        long invited = 0;
        long responses = 0;
        for (Silence s : latest.silence()) {
            sides.add(new SideRate(s.side(), s.invited(), s.responses(), rate(s.responses(), s.invited())));
            invited += s.invited();
            responses += s.responses();
        }
        return new LatestWave(latest.waveId(), latest.occurrenceDate(), previous == null ? null : previous.occurrenceDate(),
                sides, invited, responses, rate(responses, invited));
    }

    private static @Nullable Double rate(long responses, long invited) {
        return invited == 0 ? null : (double) responses / invited;
    }

    /**
     * Each side's sign index now, and its arrow against the previous closed wave by the alert rule:
     * every testable change of the wave is one family under the tenant's correction, and an arrow
     * needs the minimum n on both waves, adjusted p at most α and |change| at least the minimum effect.
     */
    static List<SignRisk> signs(WaveInsight latest, @Nullable WaveInsight previous, AlertSettings settings) {
        Set<String> measured = new LinkedHashSet<>();
        latest.scores().forEach(s -> measured.add(s.sign()));
        List<SignRisk> result = new ArrayList<>();
        List<Estimate> changes = new ArrayList<>();
        for (String sign : measured) {
            for (Side side : SIDES) {
                Score now = score(latest, sign, side);
                Score before = previous == null ? null : score(previous, sign, side);
                Suppressed nowHidden = hidden(now);
                Double value = nowHidden == null ? now.value() : null;
                Double earlier = before == null || hidden(before) != null ? null : before.value();
                Suppressed unavailable;
                Estimate change = null;
                if (nowHidden != null) {
                    unavailable = new Suppressed("LATEST_HIDDEN", "latest value hidden: " + nowHidden.message());
                } else if (previous == null) {
                    unavailable = NO_PREVIOUS_WAVE;
                } else if (earlier == null) {
                    unavailable = new Suppressed("PREVIOUS_HIDDEN", "previous value hidden: " + hidden(before).message());
                } else {
                    unavailable = null;
                    if (testable(now, settings) && testable(before, settings)) {
                        change = Significance.difference(group(before), group(now));
                    }
                }
                changes.add(change);
                result.add(new SignRisk(sign, side, value, nowHidden, earlier, unavailable == null ? Trend.FLAT : null,
                        unavailable, null, null, null));
            }
        }
        double[] p = changes.stream().mapToDouble(c -> c == null || !c.testable() ? Double.NaN : c.p()).toArray();
        double[] adjusted = settings.correction().adjust(p);
        for (int i = 0; i < result.size(); i++) {
            SignRisk r = result.get(i);
            if (r.trend() == null) {
                continue;
            }
            Estimate c = changes.get(i);
            if (c == null || !c.testable()) {
                result.set(i, new SignRisk(r.sign(), r.side(), r.value(), r.suppressedReason(), r.previous(), Trend.FLAT,
                        null, r.value() - r.previous(), null, "BELOW_MINIMUM_N"));
                continue;
            }
            boolean beyond = adjusted[i] <= settings.alpha() && Math.abs(c.estimate()) >= settings.minimumEffect();
            String reason = beyond ? "BEYOND_NOISE"
                    : Math.abs(c.estimate()) < settings.minimumEffect() ? "BELOW_MINIMUM_EFFECT" : "WITHIN_NOISE";
            Trend trend = !beyond ? Trend.FLAT : c.estimate() > 0 ? Trend.UP : Trend.DOWN;
            result.set(i, new SignRisk(r.sign(), r.side(), r.value(), r.suppressedReason(), r.previous(), trend, null,
                    c.estimate(), adjusted[i], reason));
        }
        return result;
    }

    /** Sign values whose 95% interval lies above the tenant's risk threshold (the alert rule's own test). */
    private static long aboveThreshold(WaveInsight latest, AlertSettings settings) {
        return latest.scores().stream()
                .filter(s -> s.level() == null && s.side() != null && SIDES.contains(s.side()) && s.value() != null && s.ci() != null)
                .filter(s -> s.n() != null && s.n() >= settings.minimumN())
                .filter(s -> s.ci().low() > settings.riskThreshold())
                .count();
    }

    private static boolean testable(@Nullable Score score, AlertSettings settings) {
        return score != null && score.value() != null && score.sd() != null && score.n() != null
                && score.n() >= settings.minimumN();
    }

    private static Group group(Score score) {
        return new Group(score.value(), score.sd(), score.n());
    }

    private static @Nullable Score score(WaveInsight wave, String sign, Side side) {
        return wave.scores().stream().filter(s -> s.sign().equals(sign) && s.side() == side && s.level() == null)
                .findFirst().orElse(null);
    }

    /** Why a score is not shown, or null when it is. */
    private static @Nullable Suppressed hidden(@Nullable Score score) {
        if (score == null) {
            return NO_RESPONSES;
        }
        return score.value() == null ? score.suppressedReason() : null;
    }

    private static @Nullable WidestGap widestGap(WaveInsight latest) {
        return latest.gaps().stream()
                .filter(g -> g.itemCode() == null && g.level() == null && g.gap() != null && g.suppressedReason() == null)
                .max(Comparator.comparingDouble((Gap g) -> Math.abs(g.gap())))
                .map(g -> new WidestGap(g.sign(), g.hq(), g.japan(), g.gap()))
                .orElse(null);
    }
}
