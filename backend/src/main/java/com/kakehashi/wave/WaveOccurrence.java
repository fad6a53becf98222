package com.kakehashi.wave;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The task data of one planned occurrence, Java-serialised by db-scheduler into
 * {@code scheduled_tasks.task_data}. Planned rows outlive a deployment: renaming or moving this
 * record, or changing its components, strands them.
 */
record WaveOccurrence(UUID tenantId, UUID scheduleId, LocalDate date) implements Serializable {

    /** One task instance per schedule and date, so replicas planning the same occurrence collide. */
    String instanceId() {
        return scheduleId + "@" + date;
    }

    /**
     * Occurrences planned before this record existed carry {@code "tenant|schedule|date"} as a
     * String. Each runs once and plans its successor as a record, so none is left after one cadence.
     */
    static WaveOccurrence of(Serializable data) {
        return switch (data) {
            case WaveOccurrence occurrence -> occurrence;
            case String plannedBeforeTheRecord -> {
                String[] parts = plannedBeforeTheRecord.split("\\|");
                yield new WaveOccurrence(UUID.fromString(parts[0]), UUID.fromString(parts[1]), LocalDate.parse(parts[2]));
            }
            default -> throw new IllegalArgumentException("Not a wave occurrence: " + data.getClass().getName());
        };
    }
}
