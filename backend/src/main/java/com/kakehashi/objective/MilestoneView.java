package com.kakehashi.objective;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A milestone with its slippage in days: actual minus planned once reached (negative is early);
 * for one not reached yet, the days it is already overdue, or none while it is not yet due.
 */
@Serdeable
public record MilestoneView(String name, LocalDate plannedOn, @Nullable LocalDate actualOn,
                            @Nullable Long slippageDays, boolean reached) {

    static MilestoneView of(MilestoneDetails m, LocalDate today) {
        Long slippage;
        if (m.actualOn() != null) {
            slippage = ChronoUnit.DAYS.between(m.plannedOn(), m.actualOn());
        } else if (today.isAfter(m.plannedOn())) {
            slippage = ChronoUnit.DAYS.between(m.plannedOn(), today);
        } else {
            slippage = null;
        }
        return new MilestoneView(m.name(), m.plannedOn(), m.actualOn(), slippage, m.actualOn() != null);
    }
}
