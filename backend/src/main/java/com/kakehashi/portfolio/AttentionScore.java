package com.kakehashi.portfolio;

import com.kakehashi.alert.AlertSettings;
import com.kakehashi.portfolio.PortfolioViews.LatestWave;
import com.kakehashi.portfolio.PortfolioViews.OpenAlerts;
import com.kakehashi.portfolio.PortfolioViews.Reason;
import com.kakehashi.portfolio.PortfolioViews.SignRisk;
import com.kakehashi.portfolio.PortfolioViews.Trend;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How urgently a consultant should look at a tenant. Points per cause, each capped so that no single
 * cause drowns the others: open alerts weigh most (someone decided they matter), then sign values above
 * the tenant's risk threshold, worsening trends, and a response rate too low to trust the numbers.
 */
final class AttentionScore {

    static final double LOW_RESPONSE_RATE = 0.6;

    private AttentionScore() {
    }

    static PortfolioViews.Attention of(AlertSettings settings, OpenAlerts open, @Nullable LatestWave wave,
                                       List<SignRisk> signs) {
        List<Reason> reasons = new ArrayList<>();
        if (open.total() > 0) {
            int points = Math.min(60, 20 * open.high() + 10 * (open.total() - open.high()));
            reasons.add(new Reason("OPEN_ALERTS", open.total() + " open alerts, " + open.high() + " high", points));
        }
        long high = signs.stream().filter(s -> s.value() != null && s.value() > settings.riskThreshold()).count();
        if (high > 0) {
            reasons.add(new Reason("HIGH_RISK", high + " sign values above " + fmt(settings.riskThreshold()),
                    (int) Math.min(30, 10 * high)));
        }
        long worsening = signs.stream().filter(s -> s.trend() == Trend.UP).count();
        if (worsening > 0) {
            reasons.add(new Reason("WORSENING", worsening + " sign values worse than the wave before",
                    (int) Math.min(20, 5 * worsening)));
        }
        if (wave == null) {
            reasons.add(new Reason("NO_CLOSED_WAVE", "no closed wave yet", 0));
        } else if (wave.responseRate() != null && wave.responseRate() < LOW_RESPONSE_RATE) {
            int points = (int) Math.round((LOW_RESPONSE_RATE - wave.responseRate()) * 50);
            reasons.add(new Reason("LOW_RESPONSE_RATE", "response rate " + Math.round(wave.responseRate() * 100) + "%",
                    Math.max(1, points)));
        }
        reasons.sort(Comparator.comparingInt(Reason::points).reversed());
        return new PortfolioViews.Attention(reasons.stream().mapToInt(Reason::points).sum(), List.copyOf(reasons));
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
