package com.kakehashi.objective;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The two objective signals of an engagement (or the whole tenant): how late HQ's initiatives run
 * in practice, and how often Japan is consulted before a decision is approved.
 */
@Serdeable
public record ObjectiveSignals(int initiatives, int milestones, int lateMilestones,
                               @Nullable Double meanSlippageDays, @Nullable Long maxSlippageDays,
                               int approvedDecisions, int consultedBeforeApproval,
                               @Nullable Double earlyConsultationRate) {
}
