package com.kakehashi.console.action;

import com.kakehashi.console.api.ActionRecords.Action;
import com.kakehashi.console.api.ActionRecords.Comment;
import com.kakehashi.console.api.ActionRecords.Estimate;
import com.kakehashi.console.api.ActionRecords.Owner;
import com.kakehashi.console.api.ActionRecords.Status;
import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.Side;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A tenant's action plans: listed by status (proposed first, dropped last), then due date; overdue ones marked in
 * words. What each person may do follows the backend's rules, so no button is offered that would be refused:
 * consultants and operators edit, agree for either side (recording it for the owner), start, complete and drop;
 * executives propose, comment, and agree only for the side they own themselves.
 */
public final class ActionsPresenter {

    /** The list's order of statuses. */
    static final Comparator<Action> ORDER = Comparator.comparing(Action::status)
            .thenComparing(Action::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Action::title, String.CASE_INSENSITIVE_ORDER);

    /** Comment length the backend accepts. */
    static final int COMMENT_MAX = 4000;

    /**
     * An action ready to show, with what the user may do to it. {@code statusKey} a message key; {@code expanded}:
     * its comments and effect are shown.
     */
    public record ActionItem(Action action, String engagementName, String statusKey, boolean overdue, boolean canEdit,
                             boolean canAgreeHq, boolean canAgreeJapan, boolean canStart, boolean canDone,
                             boolean canDrop, boolean canComment, boolean expanded) {
        public boolean canAgree(Side side) {
            return side == Side.HQ ? canAgreeHq : canAgreeJapan;
        }
    }

    /** One sign × side of the effect: the verdict as a message key for its badge, the backend's words. */
    public record EffectItem(String sign, Side side, String verdict, String verdictKey, String summaryEn, String summaryJa) {
        public String summary(boolean japanese) {
            String preferred = japanese ? summaryJa : summaryEn;
            return preferred != null && !preferred.isBlank() ? preferred : japanese ? summaryEn : summaryJa;
        }
    }

    public interface View {
        void showActions(List<ActionItem> actions, boolean canCreate);

        /** An opened action's comments (oldest first) and its effect per sign × side (empty when unknown). */
        void showDetail(UUID actionId, List<Comment> comments, List<EffectItem> effect);

        void showDropProblem(UUID actionId, String messageKey);

        void showCommentProblem(UUID actionId, String messageKey, Object... arguments);

        /** A sentence the backend wants read after an edit (e.g. the agreements were withdrawn). */
        void showNotice(String text);

        void showProblem(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final CurrentUser user;
    private final UUID tenantId;
    private final View view;
    private final boolean staff;
    private final Set<UUID> expanded = new HashSet<>();
    private List<Action> actions = List.of();
    private Map<UUID, String> engagementNames = Map.of();

    public ActionsPresenter(KakehashiApi api, CurrentUser user, UUID tenantId, View view) {
        this.api = api;
        this.user = user;
        this.tenantId = tenantId;
        this.view = view;
        this.staff = user.role().isConsultancyStaff();
    }

    /** The form's presenter for this page's user and tenant. */
    public ActionFormPresenter form(ActionFormPresenter.View form) {
        return new ActionFormPresenter(api, user, tenantId, form);
    }

    public void load() {
        act(() -> {
            Map<UUID, String> names = new HashMap<>();
            for (Engagement e : api.engagements(tenantId)) {
                names.put(e.id(), e.name());
            }
            engagementNames = names;
            actions = api.actions(tenantId).stream().sorted(ORDER).toList();
            expanded.removeIf(id -> actions.stream().noneMatch(a -> a.id().equals(id)));
            return null;
        });
    }

    /** After the form saved an action: the list again, with the saved one open. */
    public void saved(Action action) {
        if (action != null) {
            expanded.add(action.id());
            load();
            detail(action.id());
        }
    }

    public Action action(UUID actionId) {
        return actions.stream().filter(a -> a.id().equals(actionId)).findFirst().orElse(null);
    }

    /** Opens an action's comments and effect, or closes them. */
    public void toggle(UUID actionId) {
        if (action(actionId) == null) {
            return;
        }
        if (expanded.remove(actionId)) {
            show();
        } else {
            expanded.add(actionId);
            show();
            detail(actionId);
        }
    }

    private void detail(UUID actionId) {
        try {
            List<Comment> comments = api.actionComments(tenantId, actionId);
            List<EffectItem> effect;
            try {
                effect = effect(api.actionEffect(tenantId, actionId).estimates());
            } catch (ProblemException e) {
                if (e.problem().isUnauthorized()) {
                    throw e;
                }
                effect = List.of(); // the effect is a reading aid: its absence must not hide the comments
            }
            view.showDetail(actionId, comments, effect);
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    /** HQ before Japan for each sign, signs in the order the action names them. */
    static List<EffectItem> effect(List<Estimate> estimates) {
        return estimates.stream()
                .sorted(Comparator.comparing(Estimate::sign).thenComparing(Estimate::side))
                .map(e -> new EffectItem(e.sign(), e.side(), e.verdict(), "action.verdict." + e.verdict(), e.summaryEn(),
                        e.summaryJa()))
                .toList();
    }

    public void agree(UUID actionId, Side side) {
        Action a = action(actionId);
        if (a != null && item(a).canAgree(side)) {
            change(() -> api.agreeToAction(tenantId, actionId, side));
        }
    }

    public void start(UUID actionId) {
        Action a = action(actionId);
        if (a != null && item(a).canStart()) {
            change(() -> api.startAction(tenantId, actionId));
        }
    }

    public void done(UUID actionId) {
        Action a = action(actionId);
        if (a != null && item(a).canDone()) {
            change(() -> api.completeAction(tenantId, actionId));
        }
    }

    /** Dropping needs the reason why: it stays with the action, so the record of what was tried stays honest. */
    public void drop(UUID actionId, String reason) {
        Action a = action(actionId);
        if (a == null || !item(a).canDrop()) {
            return;
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            view.showDropProblem(actionId, "action.drop.reasonRequired");
            return;
        }
        change(() -> api.dropAction(tenantId, actionId, why));
    }

    public void comment(UUID actionId, String text, String language) {
        Action a = action(actionId);
        if (a == null) {
            return;
        }
        String note = text == null ? "" : text.strip();
        if (note.isEmpty()) {
            view.showCommentProblem(actionId, "action.comment.required");
            return;
        }
        if (note.length() > COMMENT_MAX) {
            view.showCommentProblem(actionId, "action.comment.tooLong", COMMENT_MAX);
            return;
        }
        try {
            api.commentOnAction(tenantId, actionId, note, "ja".equals(language) ? "ja" : "en");
            detail(actionId);
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    private void change(Supplier<Action> call) {
        try {
            Action changed = call.get();
            load();
            if (changed != null && expanded.contains(changed.id())) {
                detail(changed.id());
            }
        } catch (ProblemException e) {
            view.showProblem(e.problem());
            load();
        }
    }

    private void act(Supplier<?> call) {
        try {
            call.get();
            show();
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    private void show() {
        view.showActions(actions.stream().map(this::item).toList(), true);
    }

    /** What this user may do to this action, as the backend would allow it. */
    ActionItem item(Action a) {
        Status s = a.status();
        boolean proposed = s == Status.PROPOSED;
        boolean canEdit = staff && (s == Status.PROPOSED || s == Status.AGREED || s == Status.IN_PROGRESS);
        return new ActionItem(a, engagementNames.getOrDefault(a.engagementId(), ""), "action.status." + s.name(),
                a.overdue() && s.open(), canEdit, proposed && mayAgree(a.hqOwner()), proposed && mayAgree(a.japanOwner()),
                staff && s == Status.AGREED, staff && s == Status.IN_PROGRESS, staff && s.open(), true,
                expanded.contains(a.id()));
    }

    private boolean mayAgree(Owner owner) {
        if (owner == null || owner.agreed()) {
            return false;
        }
        return staff || user.id().equals(owner.userId());
    }
}
