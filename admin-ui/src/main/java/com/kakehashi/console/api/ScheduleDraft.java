package com.kakehashi.console.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A schedule as the consultant sets it up. Empty audience lists mean everyone active. The survey titles are
 * what respondents read (the engagement name is internal).
 */
public record ScheduleDraft(String name, String surveyTitleEn, String surveyTitleJa, UUID engagementId, UUID instrumentVersionId, List<Side> audienceSides,
                            List<Level> audienceLevels, Cadence cadence, LocalTime japanSendTime,
                            LocalTime hqSendTime, Integer daysOpen, List<Integer> reminderOffsetDays,
                            LocalDate startDate, LocalDate endDate) {
    public ScheduleDraft {
        audienceSides = audienceSides == null ? List.of() : List.copyOf(audienceSides);
        audienceLevels = audienceLevels == null ? List.of() : List.copyOf(audienceLevels);
        reminderOffsetDays = reminderOffsetDays == null ? List.of() : List.copyOf(reminderOffsetDays);
    }

    public static final String NEUTRAL_TITLE_EN = "Pulse survey";
    public static final String NEUTRAL_TITLE_JA = "パルスサーベイ";

    /** The usual pulse: fortnightly, 10:00 on both sides, open a week with a reminder after three days. */
    public static ScheduleDraft empty() {
        return new ScheduleDraft("", NEUTRAL_TITLE_EN, NEUTRAL_TITLE_JA, null, null, List.of(), List.of(), Cadence.BIWEEKLY, LocalTime.of(10, 0),
                LocalTime.of(10, 0), 7, List.of(3), null, null);
    }
}
