package com.kakehashi.portfolio;

import com.kakehashi.action.ActionService;
import com.kakehashi.alert.AlertSettings;
import com.kakehashi.portfolio.PortfolioViews.LatestWave;
import com.kakehashi.portfolio.PortfolioViews.OpenAlerts;
import com.kakehashi.portfolio.PortfolioViews.Reason;
import com.kakehashi.portfolio.PortfolioViews.SignRisk;
import com.kakehashi.portfolio.PortfolioViews.Trend;
import com.kakehashi.register.RegisterViews.RegisterHealth;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How urgently a consultant should look at a tenant. Points per cause, each capped so that no single
 * cause drowns the others: open alert conditions weigh most (each is a condition beyond noise that
 * someone has to look at; a HIGH one more than a MEDIUM one), then sign values whose 95% interval
 * lies above the tenant's risk threshold, changes beyond noise towards more risk, and a response rate
 * too low to trust the numbers. Every input is already beyond noise, so a healthy tenant scores
 * (near) zero and no longer ties with a troubled one.
 */
final class AttentionScore {

    static final double LOW_RESPONSE_RATE = 0.6;
    static final int HIGH_ALERT_POINTS = 20;
    static final int MEDIUM_ALERT_POINTS = 10;

    private AttentionScore() {
    }

    static PortfolioViews.Attention of(AlertSettings settings, OpenAlerts open, @Nullable LatestWave wave,
                                       List<SignRisk> signs, long aboveThreshold) {
        List<Reason> reasons = new ArrayList<>();
        if (open.total() > 0) {
            int points = Math.min(60, HIGH_ALERT_POINTS * open.high() + MEDIUM_ALERT_POINTS * (open.total() - open.high()));
            reasons.add(new Reason("OPEN_ALERTS", open.total() + " open alerts, " + open.high() + " high", points,
                    Map.of("open", (double) open.total(), "high", (double) open.high(), "medium", (double) open.medium())));
        }
        if (aboveThreshold > 0) {
            reasons.add(new Reason("HIGH_RISK", aboveThreshold + " sign values above " + fmt(settings.riskThreshold())
                    + " beyond noise", (int) Math.min(30, 10 * aboveThreshold),
                    Map.of("count", (double) aboveThreshold, "threshold", settings.riskThreshold())));
        }
        long worsening = signs.stream().filter(s -> s.trend() == Trend.UP).count();
        if (worsening > 0) {
            reasons.add(new Reason("WORSENING", worsening + " sign values worse than the wave before, beyond noise",
                    (int) Math.min(20, 5 * worsening), Map.of("count", (double) worsening)));
        }
        if (wave == null) {
            reasons.add(new Reason("NO_CLOSED_WAVE", "no closed wave yet", 0, Map.of()));
        } else if (wave.responseRate() != null && wave.responseRate() < LOW_RESPONSE_RATE) {
            int points = (int) Math.round((LOW_RESPONSE_RATE - wave.responseRate()) * 50);
            reasons.add(new Reason("LOW_RESPONSE_RATE", "response rate " + Math.round(wave.responseRate() * 100) + "%",
                    Math.max(1, points), Map.of("rate", wave.responseRate(), "limit", LOW_RESPONSE_RATE)));
        }
        reasons.sort(Comparator.comparingInt(Reason::points).reversed());
        return new PortfolioViews.Attention(reasons.stream().mapToInt(Reason::points).sum(), List.copyOf(reasons));
    }

    static final int DISAGREEMENT_POINTS = 5;
    /** A disagreement open this long has stopped being a discussion and become a stalemate. */
    static final int STALE_DISAGREEMENT_DAYS = 30;

    /**
     * Open disagreements in the global–local register: each is a rule HQ and Japan apply differently
     * right now. 5 points each, 5 more when the oldest has been open over 30 days, at most 20: below
     * open alerts, which are measured, not declared.
     */
    static PortfolioViews.Attention withRegister(PortfolioViews.Attention attention, RegisterHealth register) {
        if (register.openDisagreements() == 0) {
            return attention;
        }
        int oldest = register.oldestDisagreementDays() == null ? 0 : register.oldestDisagreementDays();
        int points = Math.min(20, DISAGREEMENT_POINTS * register.openDisagreements()
                + (oldest > STALE_DISAGREEMENT_DAYS ? DISAGREEMENT_POINTS : 0));
        List<Reason> reasons = new ArrayList<>(attention.reasons());
        reasons.add(new Reason("OPEN_DISAGREEMENTS", register.openDisagreements() + " open disagreements in the register, oldest "
                + oldest + " days", points, Map.of("open", (double) register.openDisagreements(), "oldestDays", (double) oldest)));
        reasons.sort(Comparator.comparingInt(Reason::points).reversed());
        return new PortfolioViews.Attention(attention.score() + points, List.copyOf(reasons));
    }

    static final int OVERDUE_ACTION_POINTS = 5;

    /**
     * Overdue actions: something both sides agreed to do is late, which is how the article's "delayed
     * follow-up" shows in the product. 5 points each, at most 15: a plan slipping weighs less than a
     * measured condition, but enough to bring the tenant up the list.
     */
    static PortfolioViews.Attention withActions(PortfolioViews.Attention attention, ActionService.Overdue overdue) {
        if (overdue.count() == 0) {
            return attention;
        }
        int points = Math.min(15, OVERDUE_ACTION_POINTS * overdue.count());
        List<Reason> reasons = new ArrayList<>(attention.reasons());
        reasons.add(new Reason("OVERDUE_ACTIONS", overdue.count() + " overdue actions, the oldest " + overdue.oldestDays()
                + " days late", points, Map.of("count", (double) overdue.count(), "oldestDays", (double) overdue.oldestDays())));
        reasons.sort(Comparator.comparingInt(Reason::points).reversed());
        return new PortfolioViews.Attention(attention.score() + points, List.copyOf(reasons));
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
