package com.kakehashi.schedule;

import java.time.LocalDate;

/** How often a pulse goes out. Occurrences are counted from the start date, so months never drift. */
public enum Cadence {
    WEEKLY,
    BIWEEKLY,
    MONTHLY,
    QUARTERLY;

    /** The n-th occurrence (0-based) after {@code start}; the 31st falls back to a shorter month's last day. */
    LocalDate occurrence(LocalDate start, long n) {
        return switch (this) {
            case WEEKLY -> start.plusWeeks(n);
            case BIWEEKLY -> start.plusWeeks(2 * n);
            case MONTHLY -> start.plusMonths(n);
            case QUARTERLY -> start.plusMonths(3 * n);
        };
    }
}
