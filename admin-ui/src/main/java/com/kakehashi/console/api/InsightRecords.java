package com.kakehashi.console.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The console's view of the insight trends. A value is either there with its n, or absent with the code and
 * message of why it was suppressed; an absent value is never a zero.
 */
public final class InsightRecords {

    private InsightRecords() {
    }

    /** @param suppressedCode BELOW_K, COMPLEMENTARY, NO_RESPONSES or null when the value is shown */
    public record Point(UUID waveId, LocalDate occurrenceDate, Double value, Long n, String suppressedCode,
                        String suppressedMessage) {
    }

    /** @param side HQ, JAPAN or null (every side) @param level a level name or null (every level) */
    public record Series(String segment, Side side, String level, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /** JAPAN's index minus HQ's: positive means Japan reports more risk than HQ believes. */
    public record GapPoint(UUID waveId, LocalDate occurrenceDate, Double hq, Double japan, Double gap,
                           String suppressedCode, String suppressedMessage) {
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

    public record Trends(int anonymityThreshold, List<SignTrend> signs) {
        public Trends {
            signs = List.copyOf(signs);
        }
    }
}
