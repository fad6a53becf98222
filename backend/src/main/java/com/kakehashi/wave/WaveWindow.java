package com.kakehashi.wave;

import java.time.Instant;
import java.util.UUID;

/** When a wave takes answers and what it asks: what mail and the respondent page need of it. */
public record WaveWindow(UUID id, UUID scheduleId, UUID instrumentVersionId, WaveStatus status, Instant opensAt,
                         Instant closesAt) {

    /** Open and before its closing time (the closer may lag behind a little). */
    public boolean acceptsAnswers(Instant now) {
        return status == WaveStatus.OPEN && closesAt.isAfter(now);
    }
}
