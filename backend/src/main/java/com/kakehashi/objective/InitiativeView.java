package com.kakehashi.objective;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** An initiative with its milestones; its slippage is the largest of its milestones'. */
@Serdeable
public record InitiativeView(UUID id, UUID engagementId, String title, @Nullable String description,
                             LocalDate announcedOn, List<MilestoneView> milestones, @Nullable Long slippageDays,
                             Instant createdAt, Instant updatedAt) {

    static InitiativeView of(Initiative i, List<MilestoneDetails> milestones, LocalDate today) {
        List<MilestoneView> views = milestones.stream().map(m -> MilestoneView.of(m, today)).toList();
        Long slippage = views.stream().map(MilestoneView::slippageDays).filter(Objects::nonNull)
                .max(Long::compare).orElse(null);
        return new InitiativeView(i.id(), i.engagementId(), i.title(), i.description(), i.announcedOn(), views, slippage,
                i.createdAt(), i.updatedAt());
    }
}
