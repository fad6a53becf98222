package com.kakehashi.timeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** An event a consultant records; at least one of the labels must be given. */
@Serdeable
public record NewTimelineEvent(@NotNull LocalDate occurredOn,
                               @NotNull EventKind kind,
                               @Nullable @Size(max = TimelineEventView.LABEL_MAX) String labelEn,
                               @Nullable @Size(max = TimelineEventView.LABEL_MAX) String labelJa) {
}
