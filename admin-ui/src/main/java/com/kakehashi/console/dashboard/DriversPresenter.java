package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.InsightRecords;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.Side;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * "What drives alignment here": per side, HQ and Japan side by side, the share of the outcome's variance each
 * warning sign explains (the backend's LMG shares, which add up to R²) with its 95% interval. Decides the order,
 * the bar widths (one scale for both sides, so bars compare across them), the percentages and, for a side the
 * backend refused, the sentence why; the panel only lays it out.
 */
public final class DriversPresenter {

    /** @param barPercent width of the share's bar, 0–100, on the scale of the largest share of either side */
    public record Row(String sign, String signKey, String share, String interval, double barPercent,
                      double lowPercent, double highPercent) {
    }

    /**
     * @param explained "62%" (R²) and its interval, or null when refused
     * @param refusedKey message key why nothing is estimated (takes n and the minimum), or null
     */
    public record Column(Side side, String sideKey, int n, String explained, String explainedInterval, List<Row> rows,
                         String refusedKey, int minimum) {
    }

    public interface View {
        void showDrivers(List<Column> columns);

        void showProblem(ApiProblem problem);
    }

    /** Signs with a smaller share than this (of the outcome's variance) are left out: noise, not a driver. */
    static final double SHOWN_FROM = 0.005;

    private final KakehashiApi api;
    private final UUID tenantId;
    private final View view;

    public DriversPresenter(KakehashiApi api, UUID tenantId, View view) {
        this.api = api;
        this.tenantId = tenantId;
        this.view = view;
    }

    public void load(UUID engagementId, LocalDate from, LocalDate to) {
        try {
            view.showDrivers(columns(api.insightDrivers(tenantId, engagementId, from, to)));
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    static List<Column> columns(InsightRecords.Drivers drivers) {
        double largest = drivers.sides().stream().flatMap(s -> s.drivers().stream())
                .mapToDouble(InsightRecords.Driver::high).max().orElse(0);
        List<Column> columns = new ArrayList<>();
        for (Side side : List.of(Side.HQ, Side.JAPAN, Side.REGIONAL)) {
            drivers.sides().stream().filter(s -> s.side() == side).findFirst().ifPresent(s -> {
                int minimum = Math.max(drivers.minimumN(), drivers.anonymityThreshold());
                if (s.refusedCode() != null || s.rSquared() == null) {
                    columns.add(new Column(side, "dashboard.side." + side.name(), s.n(), null, null, List.of(),
                            "dashboard.drivers.refused." + (s.refusedCode() == null ? "BELOW_MINIMUM_N" : s.refusedCode()),
                            minimum));
                    return;
                }
                List<Row> rows = s.drivers().stream()
                        .filter(d -> d.share() >= SHOWN_FROM)
                        .sorted((a, b) -> Double.compare(b.share(), a.share()))
                        .map(d -> new Row(d.sign(), "instrument.sign." + d.sign(), percent(d.share()),
                                percent(d.low()) + "–" + percent(d.high()),
                                scale(d.share(), largest), scale(d.low(), largest), scale(d.high(), largest)))
                        .toList();
                columns.add(new Column(side, "dashboard.side." + side.name(), s.n(), percent(s.rSquared()),
                        s.rSquaredLow() == null ? null : percent(s.rSquaredLow()) + "–" + percent(s.rSquaredHigh()),
                        rows, null, minimum));
            });
        }
        return columns;
    }

    private static double scale(double value, double largest) {
        return largest <= 0 ? 0 : Math.max(0, Math.min(100, 100 * value / largest));
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
