package com.kakehashi.console.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record Engagement(UUID id, String name, String goals, LocalDate startDate, LocalDate endDate,
                         EngagementStatus status, List<UUID> consultantIds) {
    public Engagement {
        consultantIds = consultantIds == null ? List.of() : List.copyOf(consultantIds);
    }

    public EngagementDraft toDraft() {
        return new EngagementDraft(name, goals, startDate, endDate, status, consultantIds);
    }
}
