package com.kakehashi.console.objective;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ObjectiveRecords.DecisionDraft;
import com.kakehashi.console.api.ObjectiveRecords.DecisionRow;
import com.kakehashi.console.api.ObjectiveRecords.InitiativeDraft;
import com.kakehashi.console.api.ObjectiveRecords.InitiativeRow;
import com.kakehashi.console.api.ObjectiveRecords.MilestoneDraft;
import com.kakehashi.console.api.ObjectiveRecords.Summary;
import com.kakehashi.console.api.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

        void showProblem(ApiProblem problem);

        void closeForms();
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
            view.showAll(api.engagements(tenantId), api.initiatives(tenantId), api.decisions(tenantId),
                    api.objectiveSignals(tenantId), canEdit);
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
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

    public void createDecision(UUID engagementId, String title, LocalDate proposedOn, LocalDate approvedOn,
                               boolean japanConsulted) {
        if (!canEdit) {
            return;
        }
        try {
            api.createDecision(tenantId, new DecisionDraft(engagementId, title, proposedOn, approvedOn, japanConsulted));
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
