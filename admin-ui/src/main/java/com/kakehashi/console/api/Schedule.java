package com.kakehashi.console.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A pulse schedule; {@code nextOpensAt} is null when nothing more will go out (paused or past its end). */
public record Schedule(UUID id, String name, String surveyTitleEn, String surveyTitleJa, UUID engagementId, UUID instrumentVersionId, List<Side> audienceSides,
                       List<Level> audienceLevels, Cadence cadence, LocalTime japanSendTime, LocalTime hqSendTime,
                       String hqTimeZone, int daysOpen, List<Integer> reminderOffsetDays, LocalDate startDate,
                       LocalDate endDate, boolean paused, OffsetDateTime nextOpensAt) {
    public Schedule {
        audienceSides = audienceSides == null ? List.of() : List.copyOf(audienceSides);
        audienceLevels = audienceLevels == null ? List.of() : List.copyOf(audienceLevels);
        reminderOffsetDays = reminderOffsetDays == null ? List.of() : List.copyOf(reminderOffsetDays);
    }

    public ScheduleDraft toDraft() {
        return new ScheduleDraft(name, surveyTitleEn, surveyTitleJa, engagementId, instrumentVersionId, audienceSides, audienceLevels, cadence,
                japanSendTime, hqSendTime, daysOpen, reminderOffsetDays, startDate, endDate);
    }
}
