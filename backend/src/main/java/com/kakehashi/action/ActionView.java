package com.kakehashi.action;

import com.kakehashi.vocabulary.WarningSign;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An action as everyone in the tenant sees it. {@code startOn}/{@code dueOn}: the plan;
 * {@code startedOn}/{@code doneOn}/{@code droppedOn}: what happened, set by the transitions.
 * {@code overdue}: still open (not DONE or DROPPED) and due before today (UTC, by the application's clock).
 * The effect estimate reads {@code engagementId}, {@code signs}, {@code startedOn} (else {@code startOn})
 * and {@code doneOn}.
 */
@Serdeable
public record ActionView(UUID id, UUID engagementId, @Nullable UUID alertId, String title, @Nullable String description,
                         String language, List<WarningSign> signs, LocalDate startOn, LocalDate dueOn, ActionStatus status,
                         boolean overdue, @Nullable String dropReason, @Nullable LocalDate startedOn,
                         @Nullable LocalDate doneOn, @Nullable LocalDate droppedOn, OwnerView hqOwner, OwnerView japanOwner,
                         UUID createdBy, Instant createdAt, Instant updatedAt) {

    /** When the action began to act: its recorded start, else its planned start. */
    public LocalDate effectiveStart() {
        return startedOn != null ? startedOn : startOn;
    }
}
