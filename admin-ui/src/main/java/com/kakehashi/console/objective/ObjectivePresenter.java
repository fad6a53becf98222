package com.kakehashi.console.objective;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ObjectiveRecords.CycleGroup;
import com.kakehashi.console.api.ObjectiveRecords.CycleInterval;
import com.kakehashi.console.api.ObjectiveRecords.CycleTimes;
import com.kakehashi.console.api.ObjectiveRecords.DecisionDraft;
import com.kakehashi.console.api.ObjectiveRecords.DecisionRow;
import com.kakehashi.console.api.ObjectiveRecords.InitiativeDraft;
import com.kakehashi.console.api.ObjectiveRecords.InitiativeRow;
import com.kakehashi.console.api.ObjectiveRecords.MilestoneDraft;
import com.kakehashi.console.api.ObjectiveRecords.Summary;
import com.kakehashi.console.api.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Initiatives and decisions of a tenant, the objective side of the picture: consultants record
 * them, everyone who may enter the tenant reads them and the slippage and consultation figures.
 */
public final class ObjectivePresenter {

    public interface View {
        void showAll(List<Engagement> engagements, List<InitiativeRow> initiatives, List<DecisionRow> decisions,
                     Summary summary, boolean canEdit);

        /** A field-level problem in a form (the key names the field). */
        void showFieldError(String field, String messageKey, Object... arguments);

        /** A refusal of the backend: on the open form's fields it names (400), otherwise as a notification. */
        void showProblem(ApiProblem problem);

        void closeForms();

        /** Each decision's stages on a common scale, and the cycle times of early consultation vs not. */
        void showDecisionTimeline(List<TimelineRow> rows, CycleComparison comparison);
    }

    /** The stages of the consensus process, in their usual order. */
    public enum Stage { CONSULTED, PROPOSED, APPROVED, EXECUTION_STARTED }

    /**
     * One dated stage of a decision. {@code daysSincePrevious} counts from the stage before it in time (null for
     * the first); {@code offsetPercent} places it on the timeline, 0 at the decision's first stage and 100 at the
     * span of the longest decision shown, so bars compare across decisions.
     */
    public record StagePoint(Stage stage, LocalDate date, Long daysSincePrevious, double offsetPercent) {
    }

    /**
     * A decision on the timeline: its dated stages in time order, the next stage it waits for (null when
     * execution has started), and whether Japan was consulted before the proposal (the cycle-time split).
     */
    public record TimelineRow(DecisionRow decision, List<StagePoint> stages, Stage waitingFor,
                              boolean consultedBeforeProposal, long spanDays) {
    }

    /** A sentence of the console: a message key and its arguments (numbers are formatted by the bundle). */
    public record Message(String key, List<Object> arguments) {
        static Message of(String key, Object... arguments) {
            return new Message(key, List.of(arguments));
        }
    }

    /** One interval (e.g. proposal to approval) for both groups and how the early group's median differs. */
    public record CycleRow(String intervalKey, Message consulted, Message notConsulted, Message difference) {
    }

    public record CycleComparison(int consultedDecisions, int otherDecisions, int minimumDecisions, List<CycleRow> rows) {
    }

    private final KakehashiApi api;
    private final UUID tenantId;
    private final boolean canEdit;
    private final View view;

    public ObjectivePresenter(KakehashiApi api, CurrentUser user, UUID tenantId, View view) {
        this.api = api;
        this.tenantId = tenantId;
        this.canEdit = user.role().isConsultancyStaff();
        this.view = view;
    }

    public void load() {
        try {
            List<DecisionRow> decisions = api.decisions(tenantId);
            view.showAll(api.engagements(tenantId), api.initiatives(tenantId), decisions,
                    api.objectiveSignals(tenantId), canEdit);
            view.showDecisionTimeline(timeline(decisions), comparison(api.decisionCycleTimes(tenantId, null)));
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    /** Newest proposal first; stages in time order (a consultation may follow the proposal). */
    static List<TimelineRow> timeline(List<DecisionRow> decisions) {
        List<DecisionRow> ordered = decisions.stream()
                .sorted(Comparator.comparing(DecisionRow::proposedOn).reversed().thenComparing(DecisionRow::title)).toList();
        List<List<Dated>> dated = ordered.stream().map(ObjectivePresenter::dated).toList();
        long widest = Math.max(1, dated.stream().mapToLong(ObjectivePresenter::span).max().orElse(1));
        List<TimelineRow> rows = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            DecisionRow d = ordered.get(i);
            List<Dated> stages = dated.get(i);
            LocalDate first = stages.getFirst().date();
            List<StagePoint> points = new ArrayList<>();
            LocalDate previous = null;
            for (Dated s : stages) {
                points.add(new StagePoint(s.stage(), s.date(), previous == null ? null : ChronoUnit.DAYS.between(previous, s.date()),
                        100.0 * ChronoUnit.DAYS.between(first, s.date()) / widest));
                previous = s.date();
            }
            Stage waiting = d.approvedOn() == null ? Stage.APPROVED : d.executionStartedOn() == null ? Stage.EXECUTION_STARTED : null;
            boolean early = d.consultedOn() != null && d.consultedOn().isBefore(d.proposedOn());
            rows.add(new TimelineRow(d, points, waiting, early, span(stages)));
        }
        return rows;
    }

    private record Dated(Stage stage, LocalDate date) {
    }

    /** The decision's dated stages by date; on the same day, in the process's order. */
    private static List<Dated> dated(DecisionRow d) {
        List<Dated> stages = new ArrayList<>();
        if (d.consultedOn() != null) {
            stages.add(new Dated(Stage.CONSULTED, d.consultedOn()));
        }
        stages.add(new Dated(Stage.PROPOSED, d.proposedOn()));
        if (d.approvedOn() != null) {
            stages.add(new Dated(Stage.APPROVED, d.approvedOn()));
        }
        if (d.executionStartedOn() != null) {
            stages.add(new Dated(Stage.EXECUTION_STARTED, d.executionStartedOn()));
        }
        stages.sort(Comparator.comparing(Dated::date).thenComparing(Dated::stage));
        return stages;
    }

    private static long span(List<Dated> stages) {
        return ChronoUnit.DAYS.between(stages.getFirst().date(), stages.getLast().date());
    }

    /** Per interval: median and IQR days with n, or "not enough decisions"; and the early group's difference. */
    static CycleComparison comparison(CycleTimes times) {
        CycleGroup early = times.consultedBeforeProposal();
        CycleGroup rest = times.notConsultedBeforeProposal();
        List<CycleRow> rows = List.of(
                row("objective.cycle.proposalToApproval", early.proposalToApproval(), rest.proposalToApproval(), times),
                row("objective.cycle.approvalToExecution", early.approvalToExecutionStart(), rest.approvalToExecutionStart(), times),
                row("objective.cycle.proposalToExecution", early.proposalToExecutionStart(), rest.proposalToExecutionStart(), times));
        return new CycleComparison(early.decisions(), rest.decisions(), times.minimumDecisions(), rows);
    }

    private static CycleRow row(String key, CycleInterval early, CycleInterval rest, CycleTimes times) {
        Message difference;
        if (!early.enough() || !rest.enough()) {
            difference = Message.of("objective.cycle.noComparison");
        } else {
            double days = early.medianDays() - rest.medianDays();
            difference = days > 0 ? Message.of("objective.cycle.longer", days)
                    : days < 0 ? Message.of("objective.cycle.shorter", -days) : Message.of("objective.cycle.same");
        }
        return new CycleRow(key, cell(early, times.minimumDecisions()), cell(rest, times.minimumDecisions()), difference);
    }

    private static Message cell(CycleInterval interval, int minimum) {
        if (!interval.enough()) {
            return Message.of("objective.cycle.notEnough", interval.n(), minimum);
        }
        return Message.of("objective.cycle.value", interval.medianDays(), interval.p25Days(), interval.p75Days(), interval.n());
    }

    /**
     * @param milestoneLines one milestone per line: "name; planned date; actual date (optional)",
     *                       dates as yyyy-MM-dd
     */
    public void createInitiative(UUID engagementId, String title, LocalDate announcedOn, String milestoneLines) {
        if (!canEdit) {
            return;
        }
        List<MilestoneDraft> milestones = new ArrayList<>();
        String[] lines = milestoneLines == null ? new String[0] : milestoneLines.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("[;；]");
            try {
                if (parts.length < 2 || parts.length > 3 || parts[0].isBlank()) {
                    throw new DateTimeParseException("shape", line, 0);
                }
                LocalDate actual = parts.length == 3 && !parts[2].isBlank() ? LocalDate.parse(parts[2].strip()) : null;
                milestones.add(new MilestoneDraft(parts[0].strip(), LocalDate.parse(parts[1].strip()), actual));
            } catch (DateTimeParseException e) {
                view.showFieldError("milestones", "objective.milestones.invalid", i + 1);
                return;
            }
        }
        try {
            api.createInitiative(tenantId, new InitiativeDraft(engagementId, title, announcedOn, milestones));
            view.closeForms();
            load();
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    /**
     * The stage dates are checked here in the order the backend checks them, so a wrong order is marked on its
     * field before anything is sent; what only the backend knows (a missing field, an unknown engagement) comes
     * back as a 400 naming the field.
     */
    public void createDecision(UUID engagementId, String title, LocalDate proposedOn, LocalDate approvedOn,
                               boolean japanConsulted, LocalDate consultedOn, LocalDate executionStartedOn) {
        if (!canEdit) {
            return;
        }
        if (proposedOn != null && approvedOn != null && approvedOn.isBefore(proposedOn)) {
            view.showFieldError("approvedOn", "objective.decision.approvedBeforeProposal");
            return;
        }
        if (proposedOn != null && executionStartedOn != null && executionStartedOn.isBefore(proposedOn)) {
            view.showFieldError("executionStartedOn", "objective.decision.executionBeforeProposal");
            return;
        }
        if (approvedOn != null && executionStartedOn != null && executionStartedOn.isBefore(approvedOn)) {
            view.showFieldError("executionStartedOn", "objective.decision.executionBeforeApproval");
            return;
        }
        if (consultedOn != null && approvedOn != null && consultedOn.isBefore(approvedOn) && !japanConsulted) {
            view.showFieldError("japanConsulted", "objective.decision.consultedBeforeApproval");
            return;
        }
        try {
            api.createDecision(tenantId, new DecisionDraft(engagementId, title, proposedOn, approvedOn, japanConsulted,
                    consultedOn, executionStartedOn));
            view.closeForms();
            load();
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    public void deleteInitiative(InitiativeRow initiative) {
        run(() -> api.deleteInitiative(tenantId, initiative.id()));
    }

    public void deleteDecision(DecisionRow decision) {
        run(() -> api.deleteDecision(tenantId, decision.id()));
    }

    private void run(Runnable change) {
        if (!canEdit) {
            return;
        }
        try {
            change.run();
            load();
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }
}
