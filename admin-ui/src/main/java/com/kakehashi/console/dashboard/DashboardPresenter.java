package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.EngagementStatus;
import com.kakehashi.console.api.InsightRecords;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.Level;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.Schedule;
import com.kakehashi.console.api.Side;
import com.kakehashi.console.api.Wave;
import com.kakehashi.console.api.WaveStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The executive dashboard of one tenant: per warning sign HQ and JAPAN over the waves, their gap, response
 * rates per side and a sign × wave heatmap, for the chosen engagement, level and period. Suppressed values stay
 * null with their reason code, so the view can mark them; they are never turned into zeros. The backend scopes
 * every call to what the user may see.
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

    /**
     * @param detailWaves the closed and open waves in the filter, latest first: closed ones with their comments,
     *                    open ones with counts and rates until they close
     */
    public record Dashboard(int anonymityThreshold, List<LocalDate> waves, List<SignSeries> signs, List<Rate> rates,
                            List<Wave> detailWaves) {
        public boolean isEmpty() {
            return waves.isEmpty();
        }

        public SignSeries sign(String sign) {
            return signs.stream().filter(s -> s.sign().equals(sign)).findFirst().orElse(null);
        }
    }

    public interface View {
        /** The engagements to choose from, newest first, and the filter now applied. */
        void showFilter(List<Engagement> engagements, DashboardFilter filter);

        void showDashboard(Dashboard dashboard);

        /** A filter that cannot be applied; {@code messageKey} says why. The charts keep the last good filter. */
        void showFilterProblem(String messageKey);

        void showProblem(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final UUID tenantId;
    private final View view;
    private final Clock clock;
    private Map<UUID, UUID> engagementOfSchedule = Map.of();
    private DashboardFilter filter;

    public DashboardPresenter(KakehashiApi api, UUID tenantId, View view) {
        this(api, tenantId, view, Clock.systemDefaultZone());
    }

    DashboardPresenter(KakehashiApi api, UUID tenantId, View view, Clock clock) {
        this.api = api;
        this.tenantId = tenantId;
        this.view = view;
        this.clock = clock;
    }

    /** Default: the most recent active engagement (else every engagement), every level, the last 12 months. */
    public void load() {
        try {
            List<Engagement> engagements = api.engagements(tenantId).stream()
                    .sorted(Comparator.comparing(Engagement::startDate, Comparator.nullsFirst(Comparator.naturalOrder()))
                            .reversed())
                    .toList();
            engagementOfSchedule = api.schedules(tenantId).stream()
                    .filter(s -> s.engagementId() != null)
                    .collect(Collectors.toMap(Schedule::id, Schedule::engagementId, (a, b) -> a));
            UUID active = engagements.stream().filter(e -> e.status() == EngagementStatus.ACTIVE)
                    .map(Engagement::id).findFirst().orElse(null);
            filter = new DashboardFilter(active, null, DashboardFilter.Period.LAST_12_MONTHS, null, null);
            view.showFilter(engagements, filter);
            refresh();
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    /** A filter change reloads the trends; a custom period needs its end on or after its start. */
    public void apply(DashboardFilter next) {
        if (next.period() == DashboardFilter.Period.CUSTOM && next.from() != null && next.to() != null
                && next.to().isBefore(next.from())) {
            view.showFilterProblem("dashboard.filter.toBeforeFrom");
            return;
        }
        filter = next;
        try {
            refresh();
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    public DashboardFilter filter() {
        return filter;
    }

    private void refresh() {
        LocalDate today = LocalDate.now(clock);
        var trends = api.insightTrends(tenantId, filter.toTrendFilter(today));
        List<Wave> waves = api.waves(tenantId).stream()
                .filter(w -> filter.includes(w.occurrenceDate(), today))
                .filter(w -> filter.engagementId() == null || filter.engagementId().equals(engagementOfSchedule.get(w.scheduleId())))
                .toList();
        view.showDashboard(build(trends, waves, filter.level()));
    }

    /** @param level the level whose series are shown, or null for every level together */
    static Dashboard build(InsightRecords.Trends trends, List<Wave> waves, Level level) {
        String levelName = level == null ? null : level.name();
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
                    align(order, series(sign, Side.HQ, levelName)), align(order, series(sign, Side.JAPAN, levelName)),
                    alignGap(order, sign.gaps().stream().filter(g -> Objects.equals(g.level(), levelName)).findFirst().orElse(null)),
                    align(order, series(sign, null, levelName))));
        }

        // Response rates on the same axis; null where a wave is not in the list.
        List<Rate> rates = order.stream().map(id -> {
            Wave w = byId.get(id);
            return w == null ? new Rate(dates.get(id), null, null)
                    : new Rate(w.occurrenceDate(), w.sideRates().get(Side.HQ), w.sideRates().get(Side.JAPAN));
        }).toList();
        List<Wave> detail = waves.stream().filter(w -> w.status() == WaveStatus.CLOSED || w.status() == WaveStatus.OPEN)
                .sorted(Comparator.comparing(Wave::occurrenceDate).thenComparing(w -> w.opensAt() == null
                        ? java.time.OffsetDateTime.MIN : w.opensAt()).reversed())
                .toList();
        return new Dashboard(trends.anonymityThreshold(), axis, List.copyOf(signs), rates, detail);
    }

    private static InsightRecords.Series series(InsightRecords.SignTrend sign, Side side, String level) {
        return sign.series().stream().filter(s -> s.side() == side && Objects.equals(s.level(), level))
                .findFirst().orElse(null);
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
