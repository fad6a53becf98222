package com.kakehashi.schedule;

import com.kakehashi.vocabulary.Side;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Schedule arithmetic, free of I/O so it can be tested on its own. Japan sends at its local time in
 * Asia/Tokyo; HQ (and regional offices, which sit between) at HQ's local time in the tenant's HQ
 * zone. A local time that does not exist on a spring-forward day moves forward by the gap (02:30
 * becomes 03:30); an ambiguous one on a fall-back day takes the earlier instant, so a wave is sent
 * once and at the time people expect.
 */
public final class Occurrences {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final Cadence cadence;
    private final LocalDate start;
    private final LocalDate end;
    private final LocalTime japanTime;
    private final LocalTime hqTime;
    private final ZoneId hqZone;
    private final Duration open;
    private final Set<Side> sides;

    public Occurrences(Cadence cadence, LocalDate start, LocalDate end, LocalTime japanTime, LocalTime hqTime,
                       ZoneId hqZone, int daysOpen, Set<Side> sides) {
        this.cadence = cadence;
        this.start = start;
        this.end = end;
        this.japanTime = japanTime;
        this.hqTime = hqTime;
        this.hqZone = hqZone;
        this.open = Duration.ofDays(daysOpen);
        this.sides = sides.isEmpty() ? Set.of(Side.values()) : Set.copyOf(sides);
    }

    public SendPlan plan(LocalDate date) {
        Map<Side, Instant> sendAt = new EnumMap<>(Side.class);
        for (Side side : sides) {
            sendAt.put(side, side == Side.JAPAN
                    ? ZonedDateTime.of(date, japanTime, JAPAN).toInstant()
                    : ZonedDateTime.of(date, hqTime, hqZone).toInstant());
        }
        Instant first = sendAt.values().stream().min(Instant::compareTo).orElseThrow();
        Instant last = sendAt.values().stream().max(Instant::compareTo).orElseThrow();
        return new SendPlan(date, Map.copyOf(sendAt), first, last.plus(open));
    }

    /** The first occurrence that opens at or after {@code instant}, if the schedule has not ended. */
    public Optional<SendPlan> firstOpeningAtOrAfter(Instant instant) {
        for (long n = 0; ; n++) {
            LocalDate date = cadence.occurrence(start, n);
            if (end != null && date.isAfter(end)) {
                return Optional.empty();
            }
            SendPlan plan = plan(date);
            if (!plan.opensAt().isBefore(instant)) {
                return Optional.of(plan);
            }
            if (n > 100_000) {
                return Optional.empty();
            }
        }
    }

    /** The occurrence after the given one, if the schedule has not ended. */
    public Optional<SendPlan> after(LocalDate date) {
        for (long n = 0; ; n++) {
            LocalDate candidate = cadence.occurrence(start, n);
            if (end != null && candidate.isAfter(end)) {
                return Optional.empty();
            }
            if (candidate.isAfter(date)) {
                return Optional.of(plan(candidate));
            }
            if (n > 100_000) {
                return Optional.empty();
            }
        }
    }
}
