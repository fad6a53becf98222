package com.kakehashi.console.engagement;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.EngagementDraft;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.Member;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.Role;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A tenant's engagements. Consultants and operators edit them and pick consultants from the tenant's members;
 * executives only read the list and never see who the consultants are.
 */
public final class EngagementPresenter {

    public interface View {
        void showEngagements(List<Engagement> engagements, Map<UUID, String> consultantNames, boolean editable);

        void openForm(Engagement existing, EngagementDraft draft, List<Member> consultants);

        void closeForm();

        void showFormProblem(ApiProblem problem);

        void showEndBeforeStart();

        void showProblem(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final UUID tenantId;
    private final boolean editable;
    private final View view;
    private List<Member> consultants = List.of();

    public EngagementPresenter(KakehashiApi api, CurrentUser user, UUID tenantId, View view) {
        this.api = api;
        this.tenantId = tenantId;
        this.editable = user.role().isConsultancyStaff();
        this.view = view;
    }

    public void load() {
        try {
            if (editable) {
                consultants = api.members(tenantId).stream().filter(m -> m.role() == Role.CONSULTANT)
                        .sorted(Comparator.comparing(Member::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
            }
            Map<UUID, String> names = consultants.stream()
                    .collect(Collectors.toMap(Member::userId, Member::displayName, (a, b) -> a));
            var engagements = api.engagements(tenantId).stream()
                    .sorted(Comparator.comparing(Engagement::startDate, Comparator.nullsLast(Comparator.reverseOrder())))
                    .toList();
            view.showEngagements(engagements, names, editable);
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    public void startCreate() {
        if (editable) {
            view.openForm(null, EngagementDraft.empty(), consultants);
        }
    }

    public void startEdit(Engagement engagement) {
        if (editable) {
            view.openForm(engagement, engagement.toDraft(), consultants);
        }
    }

    public void save(Engagement existing, EngagementDraft draft) {
        if (draft.startDate() != null && draft.endDate() != null && draft.endDate().isBefore(draft.startDate())) {
            view.showEndBeforeStart();
            return;
        }
        try {
            if (existing == null) {
                api.createEngagement(tenantId, draft);
            } else {
                api.updateEngagement(tenantId, existing.id(), draft);
            }
            view.closeForm();
            load();
        } catch (ProblemException e) {
            view.showFormProblem(e.problem());
        }
    }

    public void delete(Engagement engagement) {
        try {
            api.deleteEngagement(tenantId, engagement.id());
            load();
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }
}
