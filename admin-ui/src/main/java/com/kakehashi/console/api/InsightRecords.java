package com.kakehashi.console.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The console's view of the insight trends. A value is either there with its n, or absent with the code and
 * message of why it was suppressed; an absent value is never a zero.
 */
public final class InsightRecords {

    private InsightRecords() {
    }

    /** @param suppressedCode BELOW_K, COMPLEMENTARY, NO_RESPONSES, WAVE_OPEN or null when the value is shown */
    public record Point(UUID waveId, LocalDate occurrenceDate, Double value, Long n, String suppressedCode,
                        String suppressedMessage, Double ciLow, Double ciHigh) {
        /** A point without its 95% interval. */
        public Point(UUID waveId, LocalDate occurrenceDate, Double value, Long n, String suppressedCode,
                     String suppressedMessage) {
            this(waveId, occurrenceDate, value, n, suppressedCode, suppressedMessage, null, null);
        }
    }

    /** @param side HQ, JAPAN or null (every side) @param level a level name or null (every level) */
    public record Series(String segment, Side side, String level, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /** JAPAN's index minus HQ's: positive means Japan reports more risk than HQ believes. */
    public record GapPoint(UUID waveId, LocalDate occurrenceDate, Double hq, Double japan, Double gap,
                           String suppressedCode, String suppressedMessage, Double ciLow, Double ciHigh) {
        /** A gap without its 95% (Welch) interval. */
        public GapPoint(UUID waveId, LocalDate occurrenceDate, Double hq, Double japan, Double gap,
                        String suppressedCode, String suppressedMessage) {
            this(waveId, occurrenceDate, hq, japan, gap, suppressedCode, suppressedMessage, null, null);
        }
    }

    public record GapSeries(String segment, String level, List<GapPoint> points) {
        public GapSeries {
            points = List.copyOf(points);
        }
    }

    public record SignTrend(String sign, List<Series> series, List<GapSeries> gaps) {
        public SignTrend {
            series = List.copyOf(series);
            gaps = List.copyOf(gaps);
        }
    }

    public record Trends(int anonymityThreshold, List<SignTrend> signs, List<WordingSeries> carefulWording) {
        public Trends {
            signs = List.copyOf(signs);
            carefulWording = carefulWording == null ? List.of() : List.copyOf(carefulWording);
        }

        public Trends(int anonymityThreshold, List<SignTrend> signs) {
            this(anonymityThreshold, signs, List.of());
        }
    }

    /**
     * One wave's careful-wording share of a side (0..1) with its number of comments, or neither and the code of
     * why it is hidden (BELOW_COMMENT_THRESHOLD, COMPLEMENTARY, NO_COMMENTS, NO_RESPONSES, WAVE_OPEN).
     */
    public record WordingPoint(UUID waveId, LocalDate occurrenceDate, Double share, Long comments, String suppressedCode) {
    }

    /** A side's careful-wording series over the trend's waves, shown from {@code commentThreshold} comments. */
    public record WordingSeries(Side side, int commentThreshold, List<WordingPoint> points) {
        public WordingSeries {
            points = List.copyOf(points);
        }
    }

    /**
     * What the trends endpoint is asked for; empty sets and null values mean "no restriction".
     * @param from first wave occurrence date included @param to last one included
     * @param byLevel false: only each side's total and the overall gap, without the per-level series
     */
    public record TrendFilter(UUID engagementId, Set<Side> sides, Set<Level> levels, LocalDate from, LocalDate to,
                              boolean byLevel) {
        public static final TrendFilter NONE = new TrendFilter(null, Set.of(), Set.of(), null, null);

        public TrendFilter {
            sides = sides == null ? Set.of() : Set.copyOf(sides);
            levels = levels == null ? Set.of() : Set.copyOf(levels);
        }

        /** Every level's series too, as the endpoint answers by default. */
        public TrendFilter(UUID engagementId, Set<Side> sides, Set<Level> levels, LocalDate from, LocalDate to) {
            this(engagementId, sides, levels, from, to, true);
        }
    }

    /**
     * Silence signals of one side in one wave; rates are 0..1. Below k only the counts and the non-response rate
     * are there and {@code suppressedCode} says why the rest is missing.
     * @param medianDelay UNDER_1H, UNDER_1D, UNDER_3D, LATER or null
     */
    public record Silence(Side side, long invited, long responses, Double nonResponseRate, Double neutralShare,
                          Long comments, Double commentRate, String medianDelay, String suppressedCode,
                          CarefulWording carefulWording) {

        public Silence(Side side, long invited, long responses, Double nonResponseRate, Double neutralShare,
                       Long comments, Double commentRate, String medianDelay, String suppressedCode) {
            this(side, invited, responses, nonResponseRate, neutralShare, comments, commentRate, medianDelay, suppressedCode, null);
        }
    }

    /**
     * The careful-wording signal of one side (share of comments with a marker of indirect disagreement, 0..1):
     * null values below the comment threshold, {@code suppressedCode} saying why.
     */
    public record CarefulWording(Long comments, Double share, int commentThreshold, String lexiconVersion,
                                 String suppressedCode) {
    }

    /** @param language the language the respondent wrote in, as a BCP 47 tag (en, ja) */
    public record Comment(String text, String language) {
    }

    /** A side's comments in random order, or none with the reason they are withheld. */
    public record CommentGroup(Side side, List<Comment> comments, String suppressedCode) {
        public CommentGroup {
            comments = comments == null ? List.of() : List.copyOf(comments);
        }
    }

    /**
     * How consistently a sign's items were answered within one side.
     * @param method      SPEARMAN_BROWN (two items) or CRONBACH_ALPHA (three or more), null when not computed
     * @param coefficient absent when negative or not computed
     * @param quality     LOW (below 0.5 or negative), ACCEPTABLE (from 0.5), GOOD (from 0.7); null when not computed
     * @param unavailableCode why nothing was computed (BELOW_K, COMPLEMENTARY, NO_VARIANCE, …), null when it was
     */
    public record Reliability(String sign, Side side, int items, Long n, String method, Double coefficient,
                              String quality, String unavailableCode) {
    }

    /**
     * One wave's silence signals, comments and reliability. While the wave is OPEN the backend sends only counts
     * and rates (every other value says {@code WAVE_OPEN}); {@code closesAt} is when the results appear.
     */
    public record WaveInsight(UUID waveId, LocalDate occurrenceDate, String status, OffsetDateTime closesAt,
                              int anonymityThreshold, List<Silence> silence, List<CommentGroup> comments,
                              List<Reliability> reliability) {
        public WaveInsight {
            silence = List.copyOf(silence);
            comments = List.copyOf(comments);
            reliability = reliability == null ? List.of() : List.copyOf(reliability);
        }

        /** A wave insight without reliability (tests and views that do not show it). */
        public WaveInsight(UUID waveId, LocalDate occurrenceDate, String status, OffsetDateTime closesAt,
                           int anonymityThreshold, List<Silence> silence, List<CommentGroup> comments) {
            this(waveId, occurrenceDate, status, closesAt, anonymityThreshold, silence, comments, List.of());
        }

        public boolean isOpen() {
            return "OPEN".equals(status);
        }
    }

    /**
     * Key drivers of alignment for one side: R² of the outcome on the nine signs and each sign's LMG share of it
     * (shares sum to R²), with 95% bootstrap intervals; {@code refusedCode} (BELOW_MINIMUM_N, NO_OUTCOME,
     * NO_OUTCOME_VARIANCE) instead when the backend would not estimate.
     */
    public record SideDrivers(Side side, int n, Double rSquared, Double rSquaredLow, Double rSquaredHigh,
                              List<Driver> drivers, String refusedCode, String refusedMessage) {
    }

    /** @param coefficient outcome points per risk point in the full model (negative: more risk, less alignment) */
    public record Driver(String sign, double share, double low, double high, Double coefficient) {
    }

    public record Drivers(int anonymityThreshold, int minimumN, List<SideDrivers> sides) {
    }

    /**
     * One content term of a side's comments: {@code term} as written ({@code language} ja or en), how many comments
     * mention it, the term in English and in Japanese where the theme lexicon knows it (else null), and the warning
     * signs whose items name it.
     */
    public record Theme(String term, String language, long comments, String english, String japanese, List<String> signs) {
    }

    /** A side's top terms, or none with {@code suppressedCode} (below the comment threshold, open wave, no comments). */
    public record SideThemes(Side side, Long comments, List<Theme> terms, String suppressedCode) {
    }

    /** Comment themes of one wave: at most {@code top} terms per side, each mentioned by {@code minimumMentions}+ comments. */
    public record WaveThemes(UUID waveId, int commentThreshold, int minimumMentions, List<SideThemes> sides) {
    }
}
