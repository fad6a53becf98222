package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.InsightRecords;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.Side;
import com.kakehashi.console.api.Wave;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The executive dashboard of one tenant: per warning sign HQ and JAPAN over the waves, their gap, response
 * rates per side and a sign × wave heatmap. Suppressed values stay null with their reason code, so the view
 * can mark them; they are never turned into zeros. The backend scopes every call to what the user may see.
 */
public final class DashboardPresenter {

    /** One value of a series: {@code value} null means absent, {@code suppressed} then says why (or null: no wave data). */
    public record Cell(Double value, Long n, String suppressed) {
        static final Cell MISSING = new Cell(null, null, null);
    }

    /** A sign's series aligned to {@link Dashboard#waves()}. */
    public record SignSeries(String sign, List<Cell> hq, List<Cell> japan, List<Cell> gap, List<Cell> all) {
    }

    /** Response rate per side of one wave, 0..1, null when the side was not invited. */
    public record Rate(LocalDate occurrenceDate, Double hq, Double japan) {
    }

    public record Dashboard(int anonymityThreshold, List<LocalDate> waves, List<SignSeries> signs, List<Rate> rates) {
        public boolean isEmpty() {
            return waves.isEmpty();
        }

        public SignSeries sign(String sign) {
            return signs.stream().filter(s -> s.sign().equals(sign)).findFirst().orElse(null);
        }
    }

    public interface View {
        void showDashboard(Dashboard dashboard);

        void showProblem(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final UUID tenantId;
    private final View view;

    public DashboardPresenter(KakehashiApi api, UUID tenantId, View view) {
        this.api = api;
        this.tenantId = tenantId;
        this.view = view;
    }

    public void load() {
        try {
            view.showDashboard(build(api.insightTrends(tenantId), api.waves(tenantId)));
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    static Dashboard build(InsightRecords.Trends trends, List<Wave> waves) {
        // Every wave any series mentions, in date order: the common x axis.
        Map<UUID, LocalDate> dates = new LinkedHashMap<>();
        for (var sign : trends.signs()) {
            for (var series : sign.series()) {
                series.points().forEach(p -> dates.putIfAbsent(p.waveId(), p.occurrenceDate()));
            }
            for (var gap : sign.gaps()) {
                gap.points().forEach(p -> dates.putIfAbsent(p.waveId(), p.occurrenceDate()));
            }
        }
        // Waves of one date keep the order they opened in; waves without results yet still get a rate bar.
        Map<UUID, Wave> byId = new LinkedHashMap<>();
        waves.forEach(w -> byId.put(w.id(), w));
        waves.forEach(w -> dates.putIfAbsent(w.id(), w.occurrenceDate()));
        Comparator<UUID> chronological = Comparator.<UUID, LocalDate>comparing(dates::get)
                .thenComparing(id -> byId.get(id) == null || byId.get(id).opensAt() == null
                        ? java.time.OffsetDateTime.MAX : byId.get(id).opensAt())
                .thenComparing(UUID::toString);
        List<UUID> order = dates.keySet().stream().sorted(chronological).toList();
        List<LocalDate> axis = order.stream().map(dates::get).toList();

        List<SignSeries> signs = new ArrayList<>();
        for (var sign : trends.signs()) {
            signs.add(new SignSeries(sign.sign(),
                    align(order, series(sign, Side.HQ)), align(order, series(sign, Side.JAPAN)),
                    alignGap(order, sign.gaps().stream().filter(g -> g.level() == null).findFirst().orElse(null)),
                    align(order, sign.series().stream().filter(s -> s.side() == null && s.level() == null)
                            .findFirst().orElse(null))));
        }

        // Response rates on the same axis; null where a wave is not in the list.
        List<Rate> rates = order.stream().map(id -> {
            Wave w = byId.get(id);
            return w == null ? new Rate(dates.get(id), null, null)
                    : new Rate(w.occurrenceDate(), w.sideRates().get(Side.HQ), w.sideRates().get(Side.JAPAN));
        }).toList();
        return new Dashboard(trends.anonymityThreshold(), axis, List.copyOf(signs), rates);
    }

    private static InsightRecords.Series series(InsightRecords.SignTrend sign, Side side) {
        return sign.series().stream().filter(s -> s.side() == side && s.level() == null).findFirst().orElse(null);
    }

    private static List<Cell> align(List<UUID> order, InsightRecords.Series series) {
        Map<UUID, Cell> byWave = new TreeMap<>();
        if (series != null) {
            for (var p : series.points()) {
                byWave.put(p.waveId(), new Cell(p.suppressedCode() == null ? p.value() : null, p.n(), p.suppressedCode()));
            }
        }
        return order.stream().map(id -> byWave.getOrDefault(id, Cell.MISSING)).toList();
    }

    private static List<Cell> alignGap(List<UUID> order, InsightRecords.GapSeries series) {
        Map<UUID, Cell> byWave = new TreeMap<>();
        if (series != null) {
            for (var p : series.points()) {
                byWave.put(p.waveId(), new Cell(p.suppressedCode() == null ? p.gap() : null, null, p.suppressedCode()));
            }
        }
        return order.stream().map(id -> byWave.getOrDefault(id, Cell.MISSING)).toList();
    }
}
