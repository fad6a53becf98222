package com.kakehashi.console.engagement;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.TimelineRecords;

import java.util.List;
import java.util.UUID;

/**
 * The dated events of one engagement ("HQ restructuring", "New Japan country manager") that the dashboard
 * draws on its time axis. Everyone in the tenant reads them; consultants and operators add and delete them.
 * The engagement's start is shown but comes from the engagement, so it is never offered for deletion.
 */
public final class TimelinePresenter {

    public interface View {
        /** @param engagement null when none is chosen */
        void showEvents(Engagement engagement, List<TimelineRecords.Event> events, boolean editable);

        void clearForm();

        /** A field the form must fill before anything is sent: "occurredOn", "kind" or "labelEn". */
        void showMissing(String field);

        void showFormProblem(ApiProblem problem);

        void showProblem(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final UUID tenantId;
    private final boolean editable;
    private final View view;
    private Engagement engagement;

    public TimelinePresenter(KakehashiApi api, CurrentUser user, UUID tenantId, View view) {
        this.api = api;
        this.tenantId = tenantId;
        this.editable = user.role().isConsultancyStaff();
        this.view = view;
    }

    public void show(Engagement chosen) {
        engagement = chosen;
        if (chosen == null) {
            view.showEvents(null, List.of(), false);
            return;
        }
        try {
            view.showEvents(chosen, api.events(tenantId, chosen.id()), editable);
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    public void add(TimelineRecords.Draft draft) {
        if (!editable || engagement == null) {
            return;
        }
        if (draft.occurredOn() == null) {
            view.showMissing("occurredOn");
            return;
        }
        if (draft.kind() == null || !draft.kind().recordable()) {
            view.showMissing("kind");
            return;
        }
        var cleaned = new TimelineRecords.Draft(draft.occurredOn(), draft.kind(), blankToNull(draft.labelEn()),
                blankToNull(draft.labelJa()));
        if (cleaned.labelEn() == null && cleaned.labelJa() == null) {
            view.showMissing("labelEn");
            return;
        }
        try {
            api.createEvent(tenantId, engagement.id(), cleaned);
            view.clearForm();
            show(engagement);
        } catch (ProblemException e) {
            view.showFormProblem(e.problem());
        }
    }

    public void delete(TimelineRecords.Event event) {
        if (!editable || engagement == null || event.derived() || event.id() == null) {
            return;
        }
        try {
            api.deleteEvent(tenantId, engagement.id(), event.id());
            show(engagement);
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
