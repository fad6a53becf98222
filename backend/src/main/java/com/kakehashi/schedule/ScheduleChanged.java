package com.kakehashi.schedule;

import java.util.UUID;

/** Published after a schedule is created, changed, paused or resumed, inside its transaction. */
public record ScheduleChanged(UUID tenantId, UUID scheduleId) {
}
