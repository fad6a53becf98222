package com.kakehashi.schedule;

import com.kakehashi.vocabulary.Side;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * When one occurrence goes out: the local send time of each side turned into an instant, the
 * wave's opening (the earliest send) and closing (the latest send plus the days open).
 */
public record SendPlan(LocalDate occurrenceDate, Map<Side, Instant> sendAt, Instant opensAt, Instant closesAt) {
}
