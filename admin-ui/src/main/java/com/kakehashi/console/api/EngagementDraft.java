package com.kakehashi.console.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record EngagementDraft(String name, String goals, LocalDate startDate, LocalDate endDate,
                              EngagementStatus status, List<UUID> consultantIds) {
    public EngagementDraft {
        consultantIds = consultantIds == null ? List.of() : List.copyOf(consultantIds);
    }

    public static EngagementDraft empty() {
        return new EngagementDraft("", "", null, null, EngagementStatus.PLANNED, List.of());
    }
}
