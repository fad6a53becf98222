package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.InsightRecords.TrendFilter;
import com.kakehashi.console.api.Level;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * What the dashboard shows: one engagement (or all), one level (or every level) and a period of wave dates.
 * Relative periods count back from today, so a dashboard left open keeps meaning "the last 12 months".
 *
 * @param from only for {@link Period#CUSTOM} @param to only for {@link Period#CUSTOM}
 */
public record DashboardFilter(UUID engagementId, Level level, Period period, LocalDate from, LocalDate to) {

    public enum Period {
        LAST_6_MONTHS(6), LAST_12_MONTHS(12), LAST_24_MONTHS(24), ALL(0), CUSTOM(0);

        final int months;

        Period(int months) {
            this.months = months;
        }
    }

    public DashboardFilter {
        period = period == null ? Period.LAST_24_MONTHS : period;
        if (period != Period.CUSTOM) {
            from = null;
            to = null;
        }
    }

    /** The first wave date included, or null for no lower bound. */
    LocalDate start(LocalDate today) {
        return period.months > 0 ? today.minusMonths(period.months) : from;
    }

    /** The last wave date included, or null for no upper bound. */
    LocalDate end() {
        return to;
    }

    boolean includes(LocalDate occurrence, LocalDate today) {
        LocalDate start = start(today);
        return occurrence != null && (start == null || !occurrence.isBefore(start)) && (to == null || !occurrence.isAfter(to));
    }

    /**
     * HQ and Japan are always both asked for: the dashboard compares them. Over every level only the totals are
     * needed; the per-level series would be four fifths of the answer, and parsing them was most of the wait.
     */
    TrendFilter toTrendFilter(LocalDate today) {
        return new TrendFilter(engagementId, Set.of(), level == null ? Set.of() : Set.of(level), start(today), end(),
                level != null);
    }
}
