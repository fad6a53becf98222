package com.kakehashi.timeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An event on an engagement's time axis. A derived event (the engagement's start) has no id and
 * cannot be deleted; it changes with the engagement.
 */
@Serdeable
public record TimelineEventView(@Nullable UUID id, UUID engagementId, LocalDate occurredOn, EventKind kind,
                                @Nullable String labelEn, @Nullable String labelJa, boolean derived,
                                @Nullable UUID createdBy, @Nullable Instant createdAt) {

    static final int LABEL_MAX = 120;

    static TimelineEventView engagementStart(UUID engagementId, LocalDate startDate) {
        return new TimelineEventView(null, engagementId, startDate, EventKind.ENGAGEMENT_START,
                "Engagement starts", "プロジェクト開始", true, null, null);
    }
}
