package com.kakehashi.schedule;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A pulse schedule as a consultant sets it up. The survey titles are what respondents read (the
 * engagement name is internal and never shown to them). Empty audience lists mean everyone active;
 * reminder offsets are whole days after a side's send time, each before the wave closes.
 */
@Serdeable
@Schema(example = """
                {"name": "Monthly pulse", "surveyTitleEn": "How is collaboration going?",
                "surveyTitleJa": "連携の状況について", "engagementId": "9b2f4d6e-1a3c-4b5d-8e7f-0a1b2c3d4e5f",
                "instrumentVersionId": "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f", "audienceSides": ["HQ", "JAPAN"],
                "audienceLevels": [], "cadence": "MONTHLY", "japanSendTime": "09:00", "hqSendTime": "09:00",
                "daysOpen": 7, "reminderOffsetDays": [3], "startDate": "2027-02-01"}""")
public record ScheduleDetails(@NotBlank @Size(max = 200) String name,
                              @NotBlank @Size(max = SURVEY_TITLE_MAX) String surveyTitleEn,
                              @NotBlank @Size(max = SURVEY_TITLE_MAX) String surveyTitleJa,
                              @NotNull UUID engagementId,
                              @NotNull UUID instrumentVersionId,
                              @Nullable Set<@NotNull Side> audienceSides,
                              @Nullable Set<@NotNull Level> audienceLevels,
                              @NotNull Cadence cadence,
                              @NotNull LocalTime japanSendTime,
                              @NotNull LocalTime hqSendTime,
                              @NotNull @Min(1) @Max(60) Integer daysOpen,
                              @Nullable @Size(max = 5) List<@NotNull @Min(1) @Max(59) Integer> reminderOffsetDays,
                              @NotNull LocalDate startDate,
                              @Nullable LocalDate endDate) {

    public static final int SURVEY_TITLE_MAX = 120;

    Set<Side> sides() {
        return audienceSides == null ? Set.of() : audienceSides;
    }

    Set<Level> levels() {
        return audienceLevels == null ? Set.of() : audienceLevels;
    }

    List<Integer> reminders() {
        return reminderOffsetDays == null ? List.of() : reminderOffsetDays.stream().distinct().sorted().toList();
    }
}
