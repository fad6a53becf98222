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

    /**
     * A decision with the stages of its consensus process: informal consultation with Japan (optional, before or
     * after the proposal), proposal, approval and execution start (each optional but the proposal).
     */
    public record DecisionRow(java.util.UUID id, java.util.UUID engagementId, String title,
                              java.time.LocalDate proposedOn, java.time.LocalDate approvedOn, boolean japanConsulted,
                              java.time.LocalDate consultedOn, java.time.LocalDate executionStartedOn) {
    }

    public record DecisionDraft(java.util.UUID engagementId, String title, java.time.LocalDate proposedOn,
                                java.time.LocalDate approvedOn, boolean japanConsulted,
                                java.time.LocalDate consultedOn, java.time.LocalDate executionStartedOn) {
    }

    /**
     * Days between decision stages for decisions where Japan was consulted before the proposal and for the rest
     * ({@code GET …/decisions/cycle-times}); an interval with fewer than {@code minimumDecisions} has no numbers.
     */
    public record CycleTimes(int minimumDecisions, CycleGroup consultedBeforeProposal, CycleGroup notConsultedBeforeProposal) {
    }

    public record CycleGroup(int decisions, CycleInterval proposalToApproval, CycleInterval approvalToExecutionStart,
                             CycleInterval proposalToExecutionStart) {
    }

    /** n decisions have both dates; median and quartiles only when {@code enough}. */
    public record CycleInterval(int n, boolean enough, Double medianDays, Double p25Days, Double p75Days) {
    }

    public record Summary(int lateMilestones, Double meanSlippageDays, Long maxSlippageDays, int approvedDecisions,
                          int consultedBeforeApproval, Double earlyConsultationRate) {
    }
}
