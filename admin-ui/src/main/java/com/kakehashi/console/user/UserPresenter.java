package com.kakehashi.console.user;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.Role;
import com.kakehashi.console.api.Tenant;
import com.kakehashi.console.api.User;
import com.kakehashi.console.api.UserDraft;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Operators' account management: the list of console users and creating one. */
public final class UserPresenter {

    public interface View {
        void showUsers(List<User> users, Map<UUID, String> tenantNames);

        void showTenantChoices(List<Tenant> tenants);

        void closeForm();

        void showTenantRequired();

        void showFormProblem(ApiProblem problem);

        void showCreated(User user);

        void showProblem(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final View view;

    public UserPresenter(KakehashiApi api, View view) {
        this.api = api;
        this.view = view;
    }

    public void load() {
        try {
            var tenants = api.tenants().stream().sorted(Comparator.comparing(Tenant::name)).toList();
            view.showTenantChoices(tenants);
            var names = tenants.stream().collect(Collectors.toMap(Tenant::id, Tenant::name, (a, b) -> a));
            view.showUsers(api.users().stream()
                    .sorted(Comparator.comparing(User::role).thenComparing(User::email)).toList(), names);
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    /** An executive belongs to exactly one company; for every other role a tenant picked in the form is dropped. */
    public void create(UserDraft draft) {
        if (draft.role() == Role.EXECUTIVE && draft.tenantId() == null) {
            view.showTenantRequired();
            return;
        }
        var toSend = draft.role() == Role.EXECUTIVE ? draft
                : new UserDraft(draft.email(), draft.displayName(), draft.role(), draft.password(), null);
        try {
            var created = api.createUser(toSend);
            view.closeForm();
            view.showCreated(created);
            load();
        } catch (ProblemException e) {
            view.showFormProblem(e.problem());
        }
    }

    /** The tenant field only matters for executives. */
    public static boolean needsTenant(Role role) {
        return role == Role.EXECUTIVE;
    }

    static Function<User, String> tenantLabel(Map<UUID, String> names) {
        return u -> u.tenantIds().stream().map(id -> names.getOrDefault(id, id.toString()))
                .sorted().collect(Collectors.joining(", "));
    }
}
