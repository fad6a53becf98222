package com.kakehashi.console.api;

/** Namespace for the console's view of initiatives, decisions and the signals derived from them. */
public final class ObjectiveRecords {

    private ObjectiveRecords() {
    }

    /** An initiative as the grid shows it; slippage is its latest milestone's lateness in days, if any. */
    public record InitiativeRow(java.util.UUID id, java.util.UUID engagementId, String title,
                                java.time.LocalDate announcedOn, int milestones, Long slippageDays) {
    }

    public record MilestoneDraft(String name, java.time.LocalDate plannedOn, java.time.LocalDate actualOn) {
    }

    public record InitiativeDraft(java.util.UUID engagementId, String title, java.time.LocalDate announcedOn,
                                  java.util.List<MilestoneDraft> milestones) {
    }

    public record DecisionRow(java.util.UUID id, java.util.UUID engagementId, String title,
                              java.time.LocalDate proposedOn, java.time.LocalDate approvedOn, boolean japanConsulted) {
    }

    public record DecisionDraft(java.util.UUID engagementId, String title, java.time.LocalDate proposedOn,
                                java.time.LocalDate approvedOn, boolean japanConsulted) {
    }

    public record Summary(int lateMilestones, Double meanSlippageDays, Long maxSlippageDays, int approvedDecisions,
                          int consultedBeforeApproval, Double earlyConsultationRate) {
    }
}
