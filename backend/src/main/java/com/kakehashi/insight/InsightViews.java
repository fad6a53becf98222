package com.kakehashi.insight;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.wave.WaveStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the insight API returns. Every value of a group is either there with its n, or absent with
 * {@code suppressedReason} saying why (absent fields are not sent). Scores are 0–100 risk indices (higher
 * is worse); intervals are 95% (Student's t; Welch's t for gaps), not clipped.
 */
public final class InsightViews {

    private InsightViews() {
    }

    @Serdeable
    public record Suppressed(String code, String message) {
        static Suppressed of(Suppression.Cause reason) {
            return new Suppressed(reason.name(), reason.message);
        }
    }

    @Serdeable
    public record Interval(double low, double high) {
    }

    @Serdeable
    public record Score(String sign, String segment, @Nullable Side side, @Nullable Level level, @Nullable Double value,
                        @Nullable Long n, @Nullable Double sd, @Nullable Interval ci, @Nullable Suppressed suppressedReason) {
    }

    /** A dimension's index: the mean of its signs' indices, shown only when all of them are. */
    @Serdeable
    public record DimensionScore(String dimension, String segment, @Nullable Side side, @Nullable Level level,
                                 List<String> signs, @Nullable Double value, @Nullable Suppressed suppressedReason) {
    }

    /**
     * Perception gap in one level segment: JAPAN's index minus HQ's (positive: Japan reports more
     * risk than HQ believes), per sign ({@code itemCode} absent) or per mirrored item.
     */
    @Serdeable
    public record Gap(String sign, @Nullable String itemCode, String segment, @Nullable Level level,
                      @Nullable Double hq, @Nullable Double japan, @Nullable Double gap, @Nullable Long nHq,
                      @Nullable Long nJapan, @Nullable Interval ci, @Nullable Suppressed suppressedReason) {
    }

    /**
     * Per side: invited and responses are counts (also on the wave); shares, comments and the median
     * delay bucket (UNDER_1H, UNDER_1D, UNDER_3D, LATER: delays are stored only that coarsely) hide below k.
     */
    @Serdeable
    public record Silence(Side side, long invited, long responses, @Nullable Double nonResponseRate,
                          @Nullable Double neutralShare, @Nullable Long comments, @Nullable Double commentRate,
                          @Nullable String medianDelay, @Nullable Suppressed suppressedReason,
                          @Nullable CarefulWording carefulWording) {
    }

    /**
     * The fourth silence signal of one side: how its comments are worded (docs/measurement.md, "Careful
     * wording"). {@code share}: comments with at least one marker of indirect disagreement; the four counts:
     * comments carrying each category (one comment may carry several). Every figure is absent, with the
     * reason, unless the side has at least {@code commentThreshold} comments; nothing here ever names a
     * comment, a phrase or a lexicon entry. Figures of different {@code lexiconVersion}s do not compare.
     */
    @Serdeable
    public record CarefulWording(@Nullable Long comments, @Nullable Long withMarker, @Nullable Double share,
                                 @Nullable Long deferral, @Nullable Long softenedRefusal, @Nullable Long hedge,
                                 @Nullable Long concern, String lexiconVersion, int commentThreshold,
                                 @Nullable Suppressed suppressedReason) {
    }

    /** Which estimate a reliability coefficient is: Spearman–Brown for two items, Cronbach's alpha for more. */
    public enum ReliabilityMethod { SPEARMAN_BROWN, CRONBACH_ALPHA }

    /** LOW below 0.5 (or negative: the items disagree), ACCEPTABLE from 0.5, GOOD from 0.7. */
    public enum ReliabilityQuality { LOW, ACCEPTABLE, GOOD }

    /**
     * Internal consistency of a sign's items within one side (each side answers its own wording).
     * {@code coefficient} is absent when negative (no reliability to speak of) or unavailable;
     * {@code quality} is there whenever it was computed.
     */
    @Serdeable
    public record Reliability(String sign, Side side, int items, @Nullable Long n, @Nullable ReliabilityMethod method,
                              @Nullable Double coefficient, @Nullable ReliabilityQuality quality,
                              @Nullable Suppressed unavailable) {
    }

    /** Comments of one side: only when the side has at least k responses, in random order, without timestamps. */
    @Serdeable
    public record CommentGroup(Side side, @Nullable List<Comment> comments, @Nullable Suppressed suppressedReason) {
    }

    @Serdeable
    public record Comment(String text, String language) {
    }

    /**
     * {@code comments} only on the single-wave endpoint. While the wave is OPEN only response counts
     * and rates are given (each poll would otherwise show what the last respondent answered): scores,
     * dimensions, gaps and reliability are empty, silence and comments say {@code WAVE_OPEN}, and
     * {@code closesAt} says when the results appear.
     */
    @Serdeable
    public record WaveInsight(UUID waveId, LocalDate occurrenceDate, String status, Instant closesAt,
                              int anonymityThreshold, List<Score> scores, List<DimensionScore> dimensions, List<Gap> gaps,
                              List<Silence> silence, List<Reliability> reliability,
                              @Nullable List<CommentGroup> comments) {

        WaveInsight withComments(List<CommentGroup> groups) {
            return new WaveInsight(waveId, occurrenceDate, status, closesAt, anonymityThreshold, scores, dimensions, gaps,
                    silence, reliability, groups);
        }

        boolean open() {
            return WaveStatus.OPEN.name().equals(status);
        }
    }

    @Serdeable
    public record Point(UUID waveId, LocalDate occurrenceDate, @Nullable Double value, @Nullable Long n,
                        @Nullable Interval ci, @Nullable Suppressed suppressedReason) {
    }

    @Serdeable
    public record Series(String segment, @Nullable Side side, @Nullable Level level, List<Point> points) {
    }

    @Serdeable
    public record GapPoint(UUID waveId, LocalDate occurrenceDate, @Nullable Double hq, @Nullable Double japan,
                           @Nullable Double gap, @Nullable Interval ci, @Nullable Suppressed suppressedReason) {
    }

    @Serdeable
    public record GapSeries(String segment, @Nullable Level level, List<GapPoint> points) {
    }

    @Serdeable
    public record SignTrend(String sign, List<Series> series, List<GapSeries> gaps) {
    }

    /** A side's careful-wording share wave by wave (closed waves; hidden points say why). */
    @Serdeable
    public record WordingPoint(UUID waveId, LocalDate occurrenceDate, @Nullable Double share, @Nullable Long comments,
                               @Nullable Suppressed suppressedReason) {
    }

    @Serdeable
    public record WordingSeries(Side side, String lexiconVersion, int commentThreshold, List<WordingPoint> points) {
    }

    /** {@code carefulWording}: one series per side that commented in any wave of the filter. */
    @Serdeable
    public record Trends(int anonymityThreshold, List<SignTrend> signs, List<WordingSeries> carefulWording) {
    }
}
