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
import com.kakehashi.console.api.TimelineRecords;
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
    public record Cell(Double value, Long n, String suppressed, Double low, Double high, boolean open) {
        static final Cell MISSING = new Cell(null, null, null);
        /** A wave still open has no scores yet: neither a value nor a suppressed point. */
        static final Cell OPEN = new Cell(null, null, null, null, null, true);

        /** A value without its interval. */
        public Cell(Double value, Long n, String suppressed) {
            this(value, n, suppressed, null, null, false);
        }
    }

    /**
     * The careful-wording share of HQ and Japan (0..1) aligned to {@link Dashboard#waves()}, n the comments; a
     * hidden point carries its reason. Empty lists: no side commented in the filter's waves.
     */
    public record Wording(int commentThreshold, List<Cell> hq, List<Cell> japan) {
        static final Wording NONE = new Wording(10, List.of(), List.of());

        public boolean isEmpty() {
            return hq.stream().allMatch(c -> c.value() == null && c.suppressed() == null)
                    && japan.stream().allMatch(c -> c.value() == null && c.suppressed() == null);
        }
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
    /**
     * A dated event on the time axis. {@code position} is where it falls on the wave axis as a fractional index
     * (3.5: halfway between the fourth and fifth wave), so a category axis can draw it between two waves.
     */
    public record Marker(MarkerKind kind, String label, String labelJa, LocalDate date, double position,
                         java.util.Set<String> signs, UUID actionId) {
        public Marker {
            signs = signs == null ? java.util.Set.of() : java.util.Set.copyOf(signs);
        }

        /** A marker of every chart (an engagement start, a timeline event). */
        public Marker(MarkerKind kind, String label, String labelJa, LocalDate date, double position) {
            this(kind, label, labelJa, date, position, null, null);
        }

        /** Whether it belongs on the chart of this sign: an action's only on the signs it targets; null: the charts of no sign. */
        public boolean on(String sign) {
            return signs.isEmpty() || (sign != null && signs.contains(sign));
        }

        public boolean isAction() {
            return actionId != null;
        }

        /** The label in the reader's language, else the other one; an engagement start's label is its name. */
        public String label(boolean japanese) {
            String preferred = japanese ? labelJa : label;
            return preferred != null && !preferred.isBlank() ? preferred : japanese ? label : labelJa;
        }
    }

    /** An action's start, and its end: done or dropped. */
    public enum MarkerKind { ENGAGEMENT_START, EVENT, ACTION_START, ACTION_DONE, ACTION_DROPPED }

    /**
     * An action's effect on one sign and side, for the sign's detail: the action's title, its verdict as a message
     * key and the backend's words.
     */
    public record ActionEffectLine(UUID actionId, String title, Side side, String verdict, String verdictKey,
                                   String summaryEn, String summaryJa) {
        public String summary(boolean japanese) {
            String preferred = japanese ? summaryJa : summaryEn;
            return preferred != null && !preferred.isBlank() ? preferred : japanese ? summaryEn : summaryJa;
        }
    }

    /**
     * One side at its latest closed wave: the signs at or above {@link #HIGH_RISK} (worst first), how many signs
     * had a value there at all, and the side's response rate; {@code asOf} null when the side has no result yet.
     */
    public record StatusLine(Side side, LocalDate asOf, List<String> signsAbove, int signsShown, Double responseRate,
                             String highestSign, Double highestValue) {
    }

    /**
     * @param open per wave of {@link #waves()}: still open, so it has no scores yet
     */
    public record Dashboard(int anonymityThreshold, List<LocalDate> waves, List<SignSeries> signs, List<Rate> rates,
                            List<Wave> detailWaves, List<Boolean> open, List<Marker> markers, List<StatusLine> status,
                            Wording wording) {
        public Dashboard(int anonymityThreshold, List<LocalDate> waves, List<SignSeries> signs, List<Rate> rates,
                         List<Wave> detailWaves) {
            this(anonymityThreshold, waves, signs, rates, detailWaves, waves.stream().map(w -> false).toList(), List.of(), List.of(),
                    Wording.NONE);
        }

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

        /** What the client agreed to do and to apply, beside what was measured; null when neither could be read. */
        void showPlans(Plans plans);
    }

    /**
     * The register's health (tenant-wide; null when it could not be read) and the actions of the engagement in the
     * filter that are not finished, with how many of them are past their due date.
     */
    public record Plans(com.kakehashi.console.api.RegisterRecords.Health register, int openActions, int overdueActions) {
    }

    /** A risk index at or above this is high: the level the default alert threshold uses. */
    static final double HIGH_RISK = 60;

    private final KakehashiApi api;
    private final UUID tenantId;
    private final View view;
    private final Clock clock;
    private Map<UUID, UUID> engagementOfSchedule = Map.of();
    private List<Engagement> engagements = List.of();
    private final Map<UUID, List<Marker>> eventsOf = new java.util.HashMap<>();
    private DashboardFilter filter;
    private List<com.kakehashi.console.api.ActionRecords.Action> actions = List.of();
    private java.util.Optional<com.kakehashi.console.api.RegisterRecords.Health> register;

    public DashboardPresenter(KakehashiApi api, UUID tenantId, View view) {
        this(api, tenantId, view, Clock.systemDefaultZone());
    }

    DashboardPresenter(KakehashiApi api, UUID tenantId, View view, Clock clock) {
        this.api = api;
        this.tenantId = tenantId;
        this.view = view;
        this.clock = clock;
    }

    /**
     * Default: the most recent active engagement (else every engagement), every level, and the whole history up to
     * 24 months: a story (a restructuring, then an engagement) needs its beginning on screen, and a year hid it.
     */
    public void load() {
        try {
            engagements = api.engagements(tenantId).stream()
                    .sorted(Comparator.comparing(Engagement::startDate, Comparator.nullsFirst(Comparator.naturalOrder()))
                            .reversed())
                    .toList();
            engagementOfSchedule = api.schedules(tenantId).stream()
                    .filter(s -> s.engagementId() != null)
                    .collect(Collectors.toMap(Schedule::id, Schedule::engagementId, (a, b) -> a));
            UUID active = engagements.stream().filter(e -> e.status() == EngagementStatus.ACTIVE)
                    .map(Engagement::id).findFirst().orElse(null);
            filter = new DashboardFilter(active, null, DashboardFilter.Period.LAST_24_MONTHS, null, null);
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

    /** The first wave date of the filter's period as of today, null for no lower bound. */
    public LocalDate periodStart() {
        return filter == null ? null : filter.start(LocalDate.now(clock));
    }

    private void refresh() {
        LocalDate today = LocalDate.now(clock);
        var trends = api.insightTrends(tenantId, filter.toTrendFilter(today));
        List<Wave> waves = api.waves(tenantId).stream()
                .filter(w -> filter.includes(w.occurrenceDate(), today))
                .filter(w -> filter.engagementId() == null || filter.engagementId().equals(engagementOfSchedule.get(w.scheduleId())))
                .toList();
        Dashboard built = build(trends, waves, filter.level());
        List<Marker> events = new ArrayList<>(events());
        events.addAll(actionMarkers(actions()));
        view.showDashboard(withMarkers(built, events));
        view.showPlans(plans(registerHealth(), actions));
    }

    /**
     * The timeline events of the engagement in the filter (of every engagement when it covers them all), with the
     * engagement start the backend derives. Asked once per engagement: they do not change with the period.
     */
    private List<Marker> events() {
        List<Marker> markers = new ArrayList<>();
        for (Engagement engagement : engagements) {
            if (filter.engagementId() == null || filter.engagementId().equals(engagement.id())) {
                markers.addAll(eventsOf.computeIfAbsent(engagement.id(), id -> eventsOf(engagement)));
            }
        }
        return markers;
    }

    /** Read once per load: the register is the tenant's, not the filter's. A reading aid too, so a refusal hides it. */
    private com.kakehashi.console.api.RegisterRecords.Health registerHealth() {
        if (register == null) {
            try {
                register = java.util.Optional.of(api.registerHealth(tenantId));
            } catch (ProblemException e) {
                if (e.problem().isUnauthorized()) {
                    throw e;
                }
                register = java.util.Optional.empty();
            }
        }
        return register.orElse(null);
    }

    static Plans plans(com.kakehashi.console.api.RegisterRecords.Health register,
                       List<com.kakehashi.console.api.ActionRecords.Action> actions) {
        List<com.kakehashi.console.api.ActionRecords.Action> open = actions.stream().filter(a -> a.status().open()).toList();
        return new Plans(register == null || register.items() == 0 ? null : register, open.size(),
                (int) open.stream().filter(com.kakehashi.console.api.ActionRecords.Action::overdue).count());
    }

    /**
     * The actions of the engagement in the filter. The markers are a reading aid: if the actions cannot be read
     * (an older backend), the charts still show.
     */
    private List<com.kakehashi.console.api.ActionRecords.Action> actions() {
        try {
            actions = api.actions(tenantId).stream()
                    .filter(a -> filter.engagementId() == null || filter.engagementId().equals(a.engagementId()))
                    .toList();
        } catch (ProblemException e) {
            if (e.problem().isUnauthorized()) {
                throw e;
            }
            actions = List.of();
        }
        return actions;
    }

    /**
     * Where each action started and where it ended (done or dropped), on the charts of the signs it targets only:
     * an action is judged on those, and a marker on every chart would credit it with the others.
     */
    static List<Marker> actionMarkers(List<com.kakehashi.console.api.ActionRecords.Action> actions) {
        List<Marker> markers = new ArrayList<>();
        for (var a : actions) {
            java.util.Set<String> signs = java.util.Set.copyOf(a.signs());
            if (signs.isEmpty()) {
                continue;
            }
            if (a.startedOn() != null) {
                markers.add(new Marker(MarkerKind.ACTION_START, a.title(), a.title(), a.startedOn(), 0, signs, a.id()));
            }
            if (a.doneOn() != null) {
                markers.add(new Marker(MarkerKind.ACTION_DONE, a.title(), a.title(), a.doneOn(), 0, signs, a.id()));
            } else if (a.droppedOn() != null) {
                markers.add(new Marker(MarkerKind.ACTION_DROPPED, a.title(), a.title(), a.droppedOn(), 0, signs, a.id()));
            }
        }
        return markers;
    }

    /**
     * The effect of each action that targets this sign and has started, per side, for the sign's detail. An effect
     * the backend cannot give is left out: the chart must open all the same.
     */
    public List<ActionEffectLine> effectsOn(String sign) {
        List<ActionEffectLine> lines = new ArrayList<>();
        for (var a : actions) {
            if (!a.signs().contains(sign) || a.startedOn() == null) {
                continue;
            }
            try {
                for (var e : api.actionEffect(tenantId, a.id()).estimates()) {
                    if (sign.equals(e.sign())) {
                        lines.add(new ActionEffectLine(a.id(), a.title(), e.side(), e.verdict(),
                                "action.verdict." + e.verdict(), e.summaryEn(), e.summaryJa()));
                    }
                }
            } catch (ProblemException e) {
                if (e.problem().isUnauthorized()) {
                    view.showProblem(e.problem());
                    return List.of();
                }
            }
        }
        lines.sort(Comparator.comparing(ActionEffectLine::title).thenComparing(ActionEffectLine::side));
        return lines;
    }

    private List<Marker> eventsOf(Engagement engagement) {
        List<Marker> markers = new ArrayList<>();
        for (var event : api.events(tenantId, engagement.id())) {
            markers.add(event.kind() == TimelineRecords.Kind.ENGAGEMENT_START
                    ? new Marker(MarkerKind.ENGAGEMENT_START, engagement.name(), engagement.name(), event.occurredOn(), 0)
                    : new Marker(MarkerKind.EVENT, event.labelEn(), event.labelJa(), event.occurredOn(), 0));
        }
        return List.copyOf(markers);
    }

    /** Places dated events on the wave axis; events before the first or after the last wave are left off. */
    static Dashboard withMarkers(Dashboard dashboard, List<Marker> events) {
        List<Marker> placed = new ArrayList<>();
        for (Marker event : events) {
            Double position = position(dashboard.waves(), event.date());
            if (position != null) {
                placed.add(new Marker(event.kind(), event.label(), event.labelJa(), event.date(), position, event.signs(),
                        event.actionId()));
            }
        }
        placed.sort(Comparator.comparingDouble(Marker::position));
        return new Dashboard(dashboard.anonymityThreshold(), dashboard.waves(), dashboard.signs(), dashboard.rates(),
                dashboard.detailWaves(), dashboard.open(), List.copyOf(placed), dashboard.status(), dashboard.wording());
    }

    /** Linear in days between the two waves around the date; null outside the axis. */
    static Double position(List<LocalDate> axis, LocalDate date) {
        if (axis.isEmpty() || date.isBefore(axis.getFirst()) || date.isAfter(axis.getLast())) {
            return null;
        }
        for (int i = 0; i < axis.size(); i++) {
            if (!axis.get(i).isBefore(date)) {
                if (i == 0 || axis.get(i).equals(date)) {
                    return (double) i;
                }
                long span = axis.get(i).toEpochDay() - axis.get(i - 1).toEpochDay();
                return i - 1 + (double) (date.toEpochDay() - axis.get(i - 1).toEpochDay()) / span;
            }
        }
        return null;
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
        List<Boolean> open = order.stream().map(id -> byId.get(id) != null ? byId.get(id).isOpen()
                : signs.stream().anyMatch(s -> s.hq().get(order.indexOf(id)).open())).toList();
        int commentThreshold = trends.carefulWording().stream().mapToInt(InsightRecords.WordingSeries::commentThreshold)
                .max().orElse(Math.max(10, trends.anonymityThreshold()));
        Wording wording = new Wording(commentThreshold, alignWording(order, trends, Side.HQ), alignWording(order, trends, Side.JAPAN));
        return new Dashboard(trends.anonymityThreshold(), axis, List.copyOf(signs), rates, detail, open, List.of(),
                List.of(status(Side.HQ, signs, rates, open, axis), status(Side.JAPAN, signs, rates, open, axis)), wording);
    }

    /** A side's careful-wording share on the axis; an open wave is neither a value nor a suppressed point. */
    private static List<Cell> alignWording(List<UUID> order, InsightRecords.Trends trends, Side side) {
        Map<UUID, Cell> byWave = new TreeMap<>();
        trends.carefulWording().stream().filter(s -> s.side() == side).findFirst().ifPresent(series -> {
            for (var p : series.points()) {
                byWave.put(p.waveId(), OPEN_CODE.equals(p.suppressedCode()) ? Cell.OPEN
                        : p.suppressedCode() != null ? new Cell(null, null, p.suppressedCode())
                        : new Cell(p.share(), p.comments(), null));
            }
        });
        return order.stream().map(id -> byWave.getOrDefault(id, Cell.MISSING)).toList();
    }

    /**
     * The side at its latest closed wave that has any shown value: signs at or above {@link #HIGH_RISK}, worst
     * first. Suppressed values count neither way: a hidden value must not show through a count.
     */
    private static StatusLine status(Side side, List<SignSeries> signs, List<Rate> rates, List<Boolean> open,
                                     List<LocalDate> axis) {
        for (int i = axis.size() - 1; i >= 0; i--) {
            if (open.get(i)) {
                continue;
            }
            int at = i;
            List<SignSeries> shown = signs.stream().filter(s -> sideOf(s, side).get(at).value() != null).toList();
            if (shown.isEmpty()) {
                continue;
            }
            List<SignSeries> worstFirst = shown.stream()
                    .sorted(Comparator.comparingDouble((SignSeries s) -> sideOf(s, side).get(at).value()).reversed())
                    .toList();
            List<String> above = worstFirst.stream().filter(s -> sideOf(s, side).get(at).value() >= HIGH_RISK)
                    .map(SignSeries::sign).toList();
            Rate rate = rates.get(at);
            SignSeries highest = worstFirst.getFirst();
            return new StatusLine(side, axis.get(at), above, shown.size(), side == Side.HQ ? rate.hq() : rate.japan(),
                    highest.sign(), sideOf(highest, side).get(at).value());
        }
        return new StatusLine(side, null, List.of(), 0, null, null, null);
    }

    /**
     * The gap chart's y range: the gaps and their intervals with zero always inside, padded and rounded out to 5
     * points. Fitted to the data, not −100..100, where a 15-point gap would be a flat line.
     */
    static double[] gapScale(SignSeries sign) {
        double low = 0;
        double high = 0;
        for (Cell c : sign.gap()) {
            for (Double v : new Double[]{c.value(), c.low(), c.high()}) {
                if (v != null) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        double pad = Math.max(2, (high - low) * 0.08);
        return new double[]{Math.floor((low - pad) / 5) * 5, Math.ceil((high + pad) / 5) * 5};
    }

    private static List<Cell> sideOf(SignSeries sign, Side side) {
        return side == Side.HQ ? sign.hq() : sign.japan();
    }

    private static InsightRecords.Series series(InsightRecords.SignTrend sign, Side side, String level) {
        return sign.series().stream().filter(s -> s.side() == side && Objects.equals(s.level(), level))
                .findFirst().orElse(null);
    }

    private static List<Cell> align(List<UUID> order, InsightRecords.Series series) {
        Map<UUID, Cell> byWave = new TreeMap<>();
        if (series != null) {
            for (var p : series.points()) {
                byWave.put(p.waveId(), OPEN_CODE.equals(p.suppressedCode()) ? Cell.OPEN
                        : p.suppressedCode() != null ? new Cell(null, null, p.suppressedCode())
                        : new Cell(p.value(), p.n(), null, p.ciLow(), p.ciHigh(), false));
            }
        }
        return order.stream().map(id -> byWave.getOrDefault(id, Cell.MISSING)).toList();
    }

    /** The backend's reason for a wave without scores because it is still open: not a suppression. */
    private static final String OPEN_CODE = "WAVE_OPEN";

    private static List<Cell> alignGap(List<UUID> order, InsightRecords.GapSeries series) {
        Map<UUID, Cell> byWave = new TreeMap<>();
        if (series != null) {
            for (var p : series.points()) {
                byWave.put(p.waveId(), OPEN_CODE.equals(p.suppressedCode()) ? Cell.OPEN
                        : p.suppressedCode() != null ? new Cell(null, null, p.suppressedCode())
                        : new Cell(p.gap(), null, null, p.ciLow(), p.ciHigh(), false));
            }
        }
        return order.stream().map(id -> byWave.getOrDefault(id, Cell.MISSING)).toList();
    }
}
