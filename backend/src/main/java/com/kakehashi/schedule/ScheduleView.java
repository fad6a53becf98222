package com.kakehashi.schedule;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A schedule as the API shows it, with its next opening so the console can say when mail goes out. */
@Serdeable
public record ScheduleView(UUID id, String name, String surveyTitleEn, String surveyTitleJa, UUID engagementId, UUID instrumentVersionId, Set<Side> audienceSides,
                           Set<Level> audienceLevels, Cadence cadence, LocalTime japanSendTime, LocalTime hqSendTime,
                           String hqTimeZone, int daysOpen, List<Integer> reminderOffsetDays, LocalDate startDate,
                           @Nullable LocalDate endDate, boolean paused, @Nullable Instant nextOpensAt,
                           Instant createdAt, Instant updatedAt) {

    static ScheduleView of(PulseSchedule s, ZoneId hqZone, Instant now) {
        Set<Side> sides = enums(s.audienceSides(), Side.class);
        ScheduleView view = new ScheduleView(s.id(), s.name(), s.surveyTitleEn(), s.surveyTitleJa(), s.engagementId(), s.instrumentVersionId(), sides,
                enums(s.audienceLevels(), Level.class), s.cadence(), s.japanSendTime(), s.hqSendTime(), hqZone.getId(),
                s.daysOpen(), ints(s.reminderOffsets()), s.startDate(), s.endDate(), s.paused(), null,
                s.createdAt(), s.updatedAt());
        Instant next = s.paused() ? null : view.occurrences().firstOpeningAtOrAfter(now).map(SendPlan::opensAt).orElse(null);
        return view.withNext(next);
    }

    private ScheduleView withNext(Instant next) {
        return new ScheduleView(id, name, surveyTitleEn, surveyTitleJa, engagementId, instrumentVersionId, audienceSides, audienceLevels, cadence,
                japanSendTime, hqSendTime, hqTimeZone, daysOpen, reminderOffsetDays, startDate, endDate, paused, next,
                createdAt, updatedAt);
    }

    /** The arithmetic of this schedule. */
    public Occurrences occurrences() {
        return new Occurrences(cadence, startDate, endDate, japanSendTime, hqSendTime, ZoneId.of(hqTimeZone), daysOpen,
                audienceSides);
    }

    static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static String joinInts(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> enums(String csv, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        if (!csv.isBlank()) {
            Arrays.stream(csv.split(",")).map(v -> Enum.valueOf(type, v)).forEach(result::add);
        }
        return result;
    }

    private static List<Integer> ints(String csv) {
        return csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(Integer::valueOf).toList();
    }
}
