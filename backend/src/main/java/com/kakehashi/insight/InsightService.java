package com.kakehashi.insight;

import com.kakehashi.insight.InsightStore.ItemRow;
import com.kakehashi.insight.InsightStore.PairRow;
import com.kakehashi.insight.InsightStore.SignRow;
import com.kakehashi.insight.InsightStore.WaveRow;
import com.kakehashi.wave.WaveService;
import com.kakehashi.wave.WaveSummary;
import com.kakehashi.insight.InsightViews.DimensionScore;
import com.kakehashi.insight.InsightViews.Gap;
import com.kakehashi.insight.InsightViews.GapPoint;
import com.kakehashi.insight.InsightViews.GapSeries;
import com.kakehashi.insight.InsightViews.Interval;
import com.kakehashi.insight.InsightViews.Point;
import com.kakehashi.insight.InsightViews.Reliability;
import com.kakehashi.insight.InsightViews.ReliabilityMethod;
import com.kakehashi.insight.InsightViews.Score;
import com.kakehashi.insight.InsightViews.Series;
import com.kakehashi.insight.InsightViews.SignTrend;
import com.kakehashi.insight.InsightViews.Silence;
import com.kakehashi.insight.InsightViews.Suppressed;
import com.kakehashi.insight.InsightViews.Trends;
import com.kakehashi.insight.InsightViews.WaveInsight;
import com.kakehashi.insight.Suppression.Cause;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.Dimension;
import com.kakehashi.vocabulary.WarningSign;
import com.kakehashi.invitation.InvitationService;
import com.kakehashi.tenant.TenantService;
import com.kakehashi.wave.WaveStatus;
import com.kakehashi.web.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Insight of the tenant in context, from rollups only. Suppression is decided per wave and measure
 * over every group before anything is filtered (see {@link Suppression}).
 */
@Singleton
public class InsightService {

    /** Filters of the trend and export endpoints; empty sets mean all. */
    public record Filter(@Nullable UUID engagementId, Set<WarningSign> signs, Set<Side> sides, Set<Level> levels,
                         @Nullable LocalDate from, @Nullable LocalDate to) {

        boolean includes(WarningSign sign) {
            return signs.isEmpty() || signs.contains(sign);
        }

        boolean includes(@Nullable Side side, @Nullable Level level) {
            return (side == null || sides.isEmpty() || sides.contains(side))
                    && (level == null || levels.isEmpty() || levels.contains(level));
        }
    }

    private final InsightStore store;
    private final TenantService tenants;
    private final WaveService waveService;
    private final InvitationService invitations;
    private final CarefulWordingFigures wording;

    InsightService(InsightStore store, TenantService tenants, WaveService waves, InvitationService invitations,
                   CarefulWordingFigures wording) {
        this.store = store;
        this.tenants = tenants;
        this.waveService = waves;
        this.invitations = invitations;
        this.wording = wording;
    }

    @Transactional
    public WaveInsight wave(UUID waveId) {
        List<WaveRow> wave = waveService.summary(waveId).map(WaveRow::of).stream().toList();
        if (wave.isEmpty()) {
            throw new NotFoundException("wave");
        }
        int k = tenants.current().anonymityThreshold();
        WaveInsight insight = compute(wave, k, true).getFirst();
        List<InsightViews.CommentGroup> groups = new ArrayList<>();
        for (Silence side : insight.silence()) {
            if (side.suppressedReason() != null) {
                groups.add(new InsightViews.CommentGroup(side.side(), null, side.suppressedReason()));
            } else {
                // Read only for a side with at least k responses; shuffled, so order tells nothing.
                List<InsightViews.Comment> comments = new ArrayList<>(store.comments(waveId, side.side().name()));
                java.util.Collections.shuffle(comments, SHUFFLE);
                groups.add(new InsightViews.CommentGroup(side.side(), comments, null));
            }
        }
        return insight.withComments(groups);
    }

    private static final java.security.SecureRandom SHUFFLE = new java.security.SecureRandom();

    @Transactional
    public Trends trends(Filter filter) {
        return trends(filter, true);
    }

    /** @param byLevel false: only the series without a level (everyone, each side) and the overall gap */
    @Transactional
    public Trends trends(Filter filter, boolean byLevel) {
        int k = tenants.current().anonymityThreshold();
        // Only scores and sign gaps: the trend shows nothing that item, pair or silence rollups feed.
        List<WaveRow> waveRows = rows(waveService.summaries(filter.engagementId(), filter.from(), filter.to()));
        List<WaveInsight> waves = compute(waveRows, k, false);
        List<Map<String, Score>> scoresByWave = waves.stream().map(w -> w.scores().stream()
                .collect(Collectors.toMap(s -> s.sign() + "|" + s.segment(), s -> s, (a, b) -> a))).toList();
        List<Map<String, Gap>> gapsByWave = waves.stream().map(w -> w.gaps().stream().filter(g -> g.itemCode() == null)
                .collect(Collectors.toMap(g -> g.sign() + "|" + g.segment(), g -> g, (a, b) -> a))).toList();
        List<SignTrend> signs = new ArrayList<>();
        for (WarningSign sign : WarningSign.values()) {
            if (!filter.includes(sign) || waves.stream().noneMatch(w -> w.scores().stream().anyMatch(s -> s.sign().equals(sign.name())))) {
                continue;
            }
            List<Series> series = new ArrayList<>();
            for (Segment segment : Segment.EVERY) {
                if (!filter.includes(segment.side(), segment.level()) || (!byLevel && segment.level() != null)) {
                    continue;
                }
                List<Point> points = new ArrayList<>();
                boolean any = false;
                for (int w = 0; w < waves.size(); w++) {
                    WaveInsight wave = waves.get(w);
                    Score score = scoresByWave.get(w).get(sign.name() + "|" + segment.key());
                    any |= score != null;
                    points.add(score == null
                            ? new Point(wave.waveId(), wave.occurrenceDate(), null, null, null, Suppressed.of(absent(wave)))
                            : new Point(wave.waveId(), wave.occurrenceDate(), score.value(), score.n(), score.ci(), score.suppressedReason()));
                }
                if (any) {
                    series.add(new Series(segment.key(), segment.side(), segment.level(), points));
                }
            }
            List<GapSeries> gaps = new ArrayList<>();
            for (Level level : levelsAndAll()) {
                if (!filter.includes(null, level) || (!byLevel && level != null)) {
                    continue;
                }
                String key = new Segment(null, level).key();
                List<GapPoint> points = new ArrayList<>();
                boolean any = false;
                for (int w = 0; w < waves.size(); w++) {
                    WaveInsight wave = waves.get(w);
                    Gap gap = gapsByWave.get(w).get(sign.name() + "|" + key);
                    any |= gap != null;
                    points.add(gap == null
                            ? new GapPoint(wave.waveId(), wave.occurrenceDate(), null, null, null, null, Suppressed.of(absent(wave)))
                            : new GapPoint(wave.waveId(), wave.occurrenceDate(), gap.hq(), gap.japan(), gap.gap(), gap.ci(), gap.suppressedReason()));
                }
                if (any) {
                    gaps.add(new GapSeries(key, level, points));
                }
            }
            signs.add(new SignTrend(sign.name(), series, gaps));
        }
        return new Trends(k, signs, wordingTrend(filter, waveRows, k));
    }

    /**
     * A series per side of the filter: each closed wave's careful-wording share, decided per wave over
     * all its groups before the side filter applies (as every trend point is), so two requests that
     * differ in sides or in period show the same value for the same wave and group, or none.
     */
    private List<InsightViews.WordingSeries> wordingTrend(Filter filter, List<WaveRow> waves, int k) {
        int threshold = tenants.commentThreshold();
        Map<UUID, Map<Side, InsightViews.CarefulWording>> figures = wordingOf(waves,
                store.silence(waves.stream().map(WaveRow::id).toList()), threshold);
        List<InsightViews.WordingSeries> series = new ArrayList<>();
        for (Side side : Side.values()) {
            if (!filter.includes(side, null)) {
                continue;
            }
            List<InsightViews.WordingPoint> points = new ArrayList<>();
            boolean any = false;
            for (WaveRow wave : waves) {
                InsightViews.CarefulWording figure = figures.getOrDefault(wave.id(), Map.of()).get(side);
                if (figure == null) {
                    points.add(new InsightViews.WordingPoint(wave.id(), wave.occurrenceDate(), null, null, Suppressed.of(
                            wave.status() == WaveStatus.OPEN ? Cause.WAVE_OPEN : Cause.NO_RESPONSES)));
                    continue;
                }
                any |= figure.suppressedReason() == null || !"NO_COMMENTS".equals(figure.suppressedReason().code());
                points.add(new InsightViews.WordingPoint(wave.id(), wave.occurrenceDate(), figure.share(), figure.comments(),
                        figure.suppressedReason()));
            }
            if (any) {
                series.add(new InsightViews.WordingSeries(side, wording.lexiconVersion(), threshold, points));
            }
        }
        return series;
    }

    /** Careful wording of the closed waves among {@code waves}, from their comments (open waves show none). */
    private Map<UUID, Map<Side, InsightViews.CarefulWording>> wordingOf(List<WaveRow> waves, List<InsightStore.SilenceRow> silence,
                                                                        int threshold) {
        Set<UUID> closed = waves.stream().filter(w -> w.status() != WaveStatus.OPEN).map(WaveRow::id).collect(Collectors.toSet());
        Map<UUID, Long> comments = new HashMap<>();
        for (InsightStore.SilenceRow row : silence) {
            if (closed.contains(row.waveId())) {
                comments.merge(row.waveId(), row.comments(), Long::sum);
            }
        }
        return comments.isEmpty() ? Map.of() : wording.of(comments, threshold);
    }

    /** The trend filter's waves, each in full (export filters rows itself). */
    @Transactional
    public List<WaveInsight> waves(Filter filter) {
        return compute(rows(waveService.summaries(filter.engagementId(), filter.from(), filter.to())), tenants.current().anonymityThreshold(), true);
    }

    /**
     * The tenant's newest closed waves (at most {@code limit}, oldest first) of the engagement of its
     * newest closed wave, with the same suppression as every other insight answer.
     */
    @Transactional
    public List<WaveInsight> latestClosed(int limit) {
        List<WaveRow> newestFirst = new ArrayList<>(rows(waveService.latestClosed(limit)));
        java.util.Collections.reverse(newestFirst);
        return compute(newestFirst, tenants.current().anonymityThreshold(), true);
    }

    private static List<WaveRow> rows(List<WaveSummary> summaries) {
        return summaries.stream().map(WaveRow::of).toList();
    }

    /** Why a wave has no value for a series: it is open, or nobody in the group answered. */
    private static Cause absent(WaveInsight wave) {
        return wave.open() ? Cause.WAVE_OPEN : Cause.NO_RESPONSES;
    }

    private static List<Level> levelsAndAll() {
        List<Level> levels = new ArrayList<>();
        levels.add(null);
        levels.addAll(List.of(Level.values()));
        return levels;
    }

    /**
     * @param full false: scores and sign gaps only (the trend); item gaps, dimensions, silence and
     *             reliability are left empty and their rollups (and the invitations) are not read
     */
    private List<WaveInsight> compute(List<WaveRow> waves, int k, boolean full) {
        List<UUID> ids = waves.stream().map(WaveRow::id).toList();
        Map<UUID, List<SignRow>> signs = store.signs(ids).stream().collect(Collectors.groupingBy(SignRow::waveId));
        Map<UUID, List<ItemRow>> items = !full ? Map.of() : store.items(ids).stream().collect(Collectors.groupingBy(ItemRow::waveId));
        Map<UUID, List<PairRow>> pairs = !full ? Map.of() : store.pairs(ids).stream().collect(Collectors.groupingBy(PairRow::waveId));
        Map<UUID, List<InsightStore.SilenceRow>> silence = !full ? Map.of() : store.silence(ids).stream()
                .collect(Collectors.groupingBy(InsightStore.SilenceRow::waveId));
        Map<UUID, List<InsightStore.InvitedRow>> invited = !full ? Map.of() : invitations.counts(ids).stream()
                .map(c -> new InsightStore.InvitedRow(c.waveId(), c.side().name(), c.invited()))
                .collect(Collectors.groupingBy(InsightStore.InvitedRow::waveId));
        int commentThreshold = !full ? 0 : tenants.commentThreshold();
        Map<UUID, Map<Side, InsightViews.CarefulWording>> careful = !full ? Map.of()
                : wordingOf(waves, silence.values().stream().flatMap(List::stream).toList(), commentThreshold);
        List<WaveInsight> result = new ArrayList<>();
        for (WaveRow wave : waves) {
            result.add(compute(wave, k, commentThreshold, full, signs.getOrDefault(wave.id(), List.of()), items.getOrDefault(wave.id(), List.of()),
                    pairs.getOrDefault(wave.id(), List.of()), silence.getOrDefault(wave.id(), List.of()),
                    invited.getOrDefault(wave.id(), List.of()), careful.getOrDefault(wave.id(), Map.of()),
                    wording.lexiconVersion()));
        }
        return result;
    }

    private static WaveInsight compute(WaveRow wave, int k, int commentThreshold, boolean full, List<SignRow> signRows, List<ItemRow> itemRows,
                                       List<PairRow> pairRows, List<InsightStore.SilenceRow> silenceRows,
                                       List<InsightStore.InvitedRow> invitedRows, Map<Side, InsightViews.CarefulWording> careful,
                                       String lexiconVersion) {
        if (wave.status() == WaveStatus.OPEN) {
            // Counts and rates only: each new response would otherwise be readable as the difference of two polls.
            return new WaveInsight(wave.id(), wave.occurrenceDate(), wave.status().name(), wave.closesAt(), k, List.of(), List.of(),
                    List.of(), full ? openSilence(silenceRows, invitedRows) : List.of(), List.of(), null);
        }
        List<Score> scores = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        // sign -> segment -> shown value (absent: hidden), and the hidden reasons
        Map<WarningSign, Map<Segment, Double>> shown = new LinkedHashMap<>();
        Map<WarningSign, Map<Segment, Cause>> hiddenBySign = new LinkedHashMap<>();
        Map<WarningSign, Map<Segment, SignRow>> bySign = new LinkedHashMap<>();
        for (SignRow row : signRows) {
            bySign.computeIfAbsent(WarningSign.valueOf(row.sign()), s -> new HashMap<>()).put(row.segment(), row);
        }
        List<WarningSign> measured = bySign.keySet().stream().sorted().toList();
        for (WarningSign sign : measured) {
            Map<Segment, SignRow> rows = bySign.get(sign);
            Map<Segment, Long> counts = new HashMap<>();
            rows.forEach((segment, row) -> counts.put(segment, row.n()));
            Map<Segment, Cause> hidden = Suppression.decide(counts, k);
            hiddenBySign.put(sign, hidden);
            Map<Segment, Double> values = new HashMap<>();
            shown.put(sign, values);
            for (Segment segment : Segment.EVERY) {
                SignRow row = rows.get(segment);
                if (row == null || row.n() == 0) {
                    continue;
                }
                Cause reason = hidden.get(segment);
                if (reason != null) {
                    scores.add(new Score(sign.name(), segment.key(), segment.side(), segment.level(), null, null, null, null,
                            Suppressed.of(reason)));
                    continue;
                }
                Stats.Summary summary = Stats.summarise(row.n(), row.sum(), row.sumSq());
                values.put(segment, summary.mean());
                scores.add(new Score(sign.name(), segment.key(), segment.side(), segment.level(), summary.mean(), row.n(),
                        summary.sd(), interval(summary.ciLow(), summary.ciHigh()), null));
            }
            for (Level level : levelsAndAll()) {
                gaps.addAll(signGap(sign, level, rows, hidden));
            }
            if (full) {
                gaps.addAll(itemGaps(sign, k, itemRows, hidden));
            }
        }
        if (!full) {
            return new WaveInsight(wave.id(), wave.occurrenceDate(), wave.status().name(), wave.closesAt(), k, scores, List.of(), gaps,
                    List.of(), List.of(), null);
        }
        return new WaveInsight(wave.id(), wave.occurrenceDate(), wave.status().name(), wave.closesAt(), k, scores,
                dimensions(measured, scores, shown, hiddenBySign), gaps, silence(k, commentThreshold, silenceRows, invitedRows, careful, lexiconVersion),
                reliability(k, measured, itemRows, pairRows, hiddenBySign), null);
    }

    private static @Nullable Interval interval(@Nullable Double low, @Nullable Double high) {
        return low == null || high == null || low.isNaN() ? null : new Interval(low, high);
    }

    private static List<Gap> signGap(WarningSign sign, @Nullable Level level, Map<Segment, SignRow> rows,
                                     Map<Segment, Cause> hidden) {
        Segment hqSegment = new Segment(Side.HQ, level);
        Segment japanSegment = new Segment(Side.JAPAN, level);
        SignRow hq = rows.get(hqSegment);
        SignRow japan = rows.get(japanSegment);
        if (hq == null && japan == null) {
            return List.of();
        }
        String key = new Segment(null, level).key();
        Cause reason = gapReason(hidden, hqSegment, japanSegment);
        if (reason != null) {
            return List.of(new Gap(sign.name(), null, key, level, null, null, null, null, null, null, Suppressed.of(reason)));
        }
        Stats.Summary h = Stats.summarise(hq.n(), hq.sum(), hq.sumSq());
        Stats.Summary j = Stats.summarise(japan.n(), japan.sum(), japan.sumSq());
        double[] d = Stats.difference(h, j);
        return List.of(new Gap(sign.name(), null, key, level, h.mean(), j.mean(), d[0], h.n(), j.n(), interval(d[1], d[2]), null));
    }

    /** A gap needs both sides shown; the stronger reason wins. */
    private static @Nullable Cause gapReason(Map<Segment, Cause> hidden, Segment hq, Segment japan) {
        Cause a = hidden.get(hq);
        Cause b = hidden.get(japan);
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The groups an item gap shows: HQ and JAPAN, each whole and per level. */
    private static final List<Segment> ITEM_SEGMENTS = Segment.EVERY.stream()
            .filter(s -> s.side() == Side.HQ || s.side() == Side.JAPAN).toList();

    /**
     * Per mirrored item (answered by both HQ and JAPAN): the item's index per side. An item hides
     * at least what its sign hides, and then is decided again on its own counts, which are lower
     * than the sign's wherever an answer is missing.
     */
    private static List<Gap> itemGaps(WarningSign sign, int k, List<ItemRow> itemRows, Map<Segment, Cause> signHidden) {
        Map<String, Map<Segment, ItemRow>> byItem = new java.util.TreeMap<>();
        for (ItemRow row : itemRows) {
            if (row.sign().equals(sign.name())) {
                byItem.computeIfAbsent(row.code(), c -> new HashMap<>()).put(row.segment(), row);
            }
        }
        List<Gap> gaps = new ArrayList<>();
        byItem.forEach((code, rows) -> {
            if (!rows.containsKey(new Segment(Side.HQ, null)) || !rows.containsKey(new Segment(Side.JAPAN, null))) {
                return; // not mirrored in this wave
            }
            Map<Segment, Long> counts = new HashMap<>();
            rows.forEach((segment, row) -> counts.put(segment, row.n()));
            Map<Segment, Cause> hidden = Suppression.decide(counts, k, ITEM_SEGMENTS, signHidden);
            for (Level level : levelsAndAll()) {
                Segment hqSegment = new Segment(Side.HQ, level);
                Segment japanSegment = new Segment(Side.JAPAN, level);
                ItemRow hq = rows.get(hqSegment);
                ItemRow japan = rows.get(japanSegment);
                if (hq == null && japan == null) {
                    continue;
                }
                String key = new Segment(null, level).key();
                Cause reason = gapReason(hidden, hqSegment, japanSegment);
                if (reason != null) {
                    gaps.add(new Gap(sign.name(), code, key, level, null, null, null, null, null, null, Suppressed.of(reason)));
                    continue;
                }
                Stats.Summary h = itemIndex(hq);
                Stats.Summary j = itemIndex(japan);
                double[] d = Stats.difference(h, j);
                gaps.add(new Gap(sign.name(), code, key, level, h.mean(), j.mean(), d[0], h.n(), j.n(), interval(d[1], d[2]), null));
            }
        });
        return gaps;
    }

    /** An item's answers (after reverse keying, 1–5) as a 0–100 index: 25 (x − 1). */
    private static Stats.Summary itemIndex(ItemRow row) {
        BigDecimal n = BigDecimal.valueOf(row.n());
        BigDecimal sum = BigDecimal.valueOf(row.sum());
        BigDecimal sumSq = BigDecimal.valueOf(row.sumSq());
        // y = 25x − 25: Σy = 25Σx − 25n, Σy² = 625Σx² − 1250Σx + 625n
        BigDecimal sumY = sum.multiply(BigDecimal.valueOf(25)).subtract(n.multiply(BigDecimal.valueOf(25)));
        BigDecimal sumY2 = sumSq.multiply(BigDecimal.valueOf(625)).subtract(sum.multiply(BigDecimal.valueOf(1250)))
                .add(n.multiply(BigDecimal.valueOf(625)));
        return Stats.summarise(row.n(), sumY, sumY2);
    }

    private static List<DimensionScore> dimensions(List<WarningSign> measured, List<Score> scores,
                                                   Map<WarningSign, Map<Segment, Double>> shown,
                                                   Map<WarningSign, Map<Segment, Cause>> hidden) {
        Set<String> segmentsWithData = scores.stream().map(Score::segment).collect(Collectors.toSet());
        List<DimensionScore> dimensions = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            List<WarningSign> signs = measured.stream().filter(s -> s.dimensions().contains(dimension)).toList();
            if (signs.isEmpty()) {
                continue;
            }
            List<String> names = signs.stream().map(Enum::name).toList();
            for (Segment segment : Segment.EVERY) {
                if (!segmentsWithData.contains(segment.key())) {
                    continue;
                }
                Cause reason = signs.stream().map(s -> hidden.get(s).get(segment)).filter(java.util.Objects::nonNull)
                        .min(Comparator.naturalOrder()).orElse(null);
                if (reason != null) {
                    dimensions.add(new DimensionScore(dimension.name(), segment.key(), segment.side(), segment.level(), names,
                            null, Suppressed.of(reason)));
                } else {
                    double mean = signs.stream().mapToDouble(s -> shown.get(s).get(segment)).average().orElseThrow();
                    dimensions.add(new DimensionScore(dimension.name(), segment.key(), segment.side(), segment.level(), names,
                            mean, null));
                }
            }
        }
        return dimensions;
    }

    private static List<Silence> silence(int k, int threshold, List<InsightStore.SilenceRow> rows, List<InsightStore.InvitedRow> invited,
                                         Map<Side, InsightViews.CarefulWording> careful, String lexiconVersion) {
        List<Silence> result = new ArrayList<>();
        for (Side side : Side.values()) {
            long asked = invited.stream().filter(r -> r.side().equals(side.name())).mapToLong(InsightStore.InvitedRow::invited).sum();
            InsightStore.SilenceRow row = rows.stream().filter(r -> r.side().equals(side.name())).findFirst().orElse(null);
            long responses = row == null ? 0 : row.responses();
            if (asked == 0 && responses == 0) {
                continue;
            }
            Double nonResponse = asked == 0 ? null : 1 - (double) responses / asked;
            InsightViews.CarefulWording noComments = CarefulWordingFigures.hidden(lexiconVersion, threshold,
                    new Suppressed("NO_COMMENTS", "no comments"));
            if (responses == 0) {
                result.add(new Silence(side, asked, 0, nonResponse, null, null, null, null, Suppressed.of(Cause.NO_RESPONSES),
                        CarefulWordingFigures.hidden(lexiconVersion, threshold, Suppressed.of(Cause.NO_RESPONSES))));
            } else if (responses < k) {
                result.add(new Silence(side, asked, responses, nonResponse, null, null, null, null, Suppressed.of(Cause.BELOW_K),
                        CarefulWordingFigures.hidden(lexiconVersion, threshold, Suppressed.of(Cause.BELOW_COMMENT_THRESHOLD))));
            } else {
                result.add(new Silence(side, asked, responses, nonResponse,
                        row.answers() == 0 ? null : (double) row.neutral() / row.answers(), row.comments(),
                        (double) row.comments() / responses, medianDelay(row.delays()), null,
                        careful.getOrDefault(side, noComments)));
            }
        }
        return result;
    }

    /** An open wave's silence: who was asked and how many answered, nothing about the answers. */
    private static List<Silence> openSilence(List<InsightStore.SilenceRow> rows, List<InsightStore.InvitedRow> invited) {
        List<Silence> result = new ArrayList<>();
        for (Side side : Side.values()) {
            long asked = invited.stream().filter(r -> r.side().equals(side.name())).mapToLong(InsightStore.InvitedRow::invited).sum();
            long responses = rows.stream().filter(r -> r.side().equals(side.name())).mapToLong(InsightStore.SilenceRow::responses).sum();
            if (asked > 0 || responses > 0) {
                result.add(new Silence(side, asked, responses, asked == 0 ? null : 1 - (double) responses / asked,
                        null, null, null, null, Suppressed.of(Cause.WAVE_OPEN), null));
            }
        }
        return result;
    }

    private static final String[] DELAY_BUCKETS = {"UNDER_1H", "UNDER_1D", "UNDER_3D", "LATER"};

    /** The bucket holding the middle response (the lower middle for an even count). */
    private static @Nullable String medianDelay(long[] delays) {
        long total = java.util.Arrays.stream(delays).sum();
        if (total == 0) {
            return null;
        }
        long middle = (total + 1) / 2;
        long seen = 0;
        for (int i = 0; i < delays.length; i++) {
            seen += delays[i];
            if (seen >= middle) {
                return DELAY_BUCKETS[i];
            }
        }
        return DELAY_BUCKETS[delays.length - 1];
    }

    /**
     * Reliability of a side is shown only where the side's sign score is: it describes the same
     * respondents. Two items: Spearman–Brown; more: Cronbach's alpha ({@link Reliabilities}).
     */
    private static List<Reliability> reliability(int k, List<WarningSign> measured, List<ItemRow> itemRows, List<PairRow> pairRows,
                                                 Map<WarningSign, Map<Segment, Cause>> hiddenBySign) {
        List<Reliability> result = new ArrayList<>();
        for (WarningSign sign : measured) {
            for (Side side : Side.values()) {
                Segment segment = new Segment(side, null);
                List<ItemRow> items = itemRows.stream().filter(r -> r.sign().equals(sign.name()) && r.segment().equals(segment))
                        .sorted(Comparator.comparing(ItemRow::code)).toList();
                if (items.isEmpty()) {
                    continue;
                }
                int m = items.size();
                long n = items.stream().mapToLong(ItemRow::n).min().orElse(0);
                ReliabilityMethod method = m == 2 ? ReliabilityMethod.SPEARMAN_BROWN : ReliabilityMethod.CRONBACH_ALPHA;
                Cause sideHidden = hiddenBySign.getOrDefault(sign, Map.of()).get(segment);
                Reliability unavailable = m < 2 ? unavailable(sign, side, m, null, "FEWER_THAN_2_ITEMS", "reliability needs at least 2 items")
                        : n < 3 ? unavailable(sign, side, m, method, "FEWER_THAN_3_RESPONSES", "reliability needs at least 3 responses")
                        : n < k ? new Reliability(sign.name(), side, m, null, method, null, null, Suppressed.of(Cause.BELOW_K))
                        : sideHidden != null ? new Reliability(sign.name(), side, m, null, method, null, null, Suppressed.of(sideHidden))
                        : items.stream().anyMatch(i -> i.n() != n)
                        ? unavailable(sign, side, m, method, "INCOMPLETE", "not every respondent answered every item")
                        : null;
                if (unavailable != null) {
                    result.add(unavailable);
                    continue;
                }
                // Variances and covariances times n (n − 1), exact in long: n Σab − Σa Σb.
                long itemVariances = 0;
                for (ItemRow item : items) {
                    itemVariances += n * item.sumSq() - item.sum() * item.sum();
                }
                long covariances = 0;
                Map<String, ItemRow> byCode = items.stream().collect(Collectors.toMap(ItemRow::code, i -> i));
                for (PairRow pair : pairRows) {
                    if (pair.sign().equals(sign.name()) && pair.side().equals(side.name())) {
                        covariances += n * pair.sumAb() - byCode.get(pair.a()).sum() * byCode.get(pair.b()).sum();
                    }
                }
                long total = itemVariances + 2 * covariances;
                Double coefficient;
                if (m == 2) {
                    long varA = n * items.get(0).sumSq() - items.get(0).sum() * items.get(0).sum();
                    long varB = n * items.get(1).sumSq() - items.get(1).sum() * items.get(1).sum();
                    if (varA == 0 || varB == 0) {
                        result.add(unavailable(sign, side, m, method, "NO_VARIANCE", "reliability is undefined when an item does not vary"));
                        continue;
                    }
                    // Null here means r = −1: perfectly opposed items, which quality() reports as LOW.
                    coefficient = Reliabilities.spearmanBrown(varA, varB, covariances);
                } else {
                    if (total == 0) {
                        result.add(unavailable(sign, side, m, method, "NO_VARIANCE", "reliability is undefined when total scores do not vary"));
                        continue;
                    }
                    coefficient = Reliabilities.cronbachAlpha(m, itemVariances, total);
                }
                result.add(new Reliability(sign.name(), side, m, n, method, Reliabilities.shown(coefficient),
                        Reliabilities.quality(coefficient), null));
            }
        }
        return result;
    }

    private static Reliability unavailable(WarningSign sign, Side side, int items, @Nullable ReliabilityMethod method,
                                           String code, String message) {
        return new Reliability(sign.name(), side, items, null, method, null, null, new Suppressed(code, message));
    }

}
