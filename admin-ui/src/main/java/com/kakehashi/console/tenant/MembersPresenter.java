package com.kakehashi.console.tenant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.Member;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.Role;
import com.kakehashi.console.api.User;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who works on a tenant; operators assign and unassign consultants, and consultants or operators let a client
 * executive manage participants.
 */
public final class MembersPresenter {

    public interface View {
        /** @param grantable whether the user may tick "may manage participants" for executives */
        void showMembers(List<Member> members, boolean manageable, boolean grantable);

        void showParticipantAdminChanged(Member member);

        void showAssignableConsultants(List<User> consultants);

        void showProblem(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final CurrentUser user;
    private final UUID tenantId;
    private final View view;

    public MembersPresenter(KakehashiApi api, CurrentUser user, UUID tenantId, View view) {
        this.api = api;
        this.user = user;
        this.tenantId = tenantId;
        this.view = view;
    }

    public void load() {
        try {
            var members = api.members(tenantId).stream()
                    .sorted(Comparator.comparing(Member::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
            var manageable = user.role().canManageMembers();
            view.showMembers(members, manageable, user.role().isConsultancyStaff());
            if (manageable) {
                Set<UUID> assigned = members.stream().map(Member::userId).collect(Collectors.toSet());
                view.showAssignableConsultants(api.users().stream()
                        .filter(u -> u.role() == Role.CONSULTANT && !assigned.contains(u.id()))
                        .sorted(Comparator.comparing(User::displayName, String.CASE_INSENSITIVE_ORDER)).toList());
            }
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    public void assign(User consultant) {
        if (consultant == null) {
            return;
        }
        run(() -> api.assignMember(tenantId, consultant.id()));
    }

    public void setParticipantAdmin(Member member, boolean granted) {
        if (!user.role().isConsultancyStaff() || member.role() != Role.EXECUTIVE || member.participantAdmin() == granted) {
            return;
        }
        try {
            view.showParticipantAdminChanged(api.setParticipantAdmin(tenantId, member.userId(), granted));
            load();
        } catch (ProblemException e) {
            view.showProblem(e.problem());
            load();
        }
    }

    public void unassign(Member member) {
        run(() -> api.unassignMember(tenantId, member.userId()));
    }

    private void run(Runnable change) {
        try {
            change.run();
            load();
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }
}
