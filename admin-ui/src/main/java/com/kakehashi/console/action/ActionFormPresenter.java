package com.kakehashi.console.action;

import com.kakehashi.console.api.ActionRecords;
import com.kakehashi.console.api.ActionRecords.FormInput;
import com.kakehashi.console.api.ActionRecords.OwnerChoice;
import com.kakehashi.console.api.ActionRecords.OwnerDraft;
import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.Role;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The action form, wherever it opens (the actions page, an alert on the dashboard): what it offers, the checks
 * made before sending, and the save. Executives propose too, but the backend does not list the tenant's members
 * to them, so they choose themselves or name a person.
 */
public final class ActionFormPresenter {

    public interface View {
        /** A field-level problem found before sending (the key names the message). */
        void showFieldError(String field, String messageKey, Object... arguments);

        /** A refusal of the backend, its owner fields already flattened to the form's names. */
        void showProblem(ApiProblem problem);

        void closeForms();
    }

    /** What the form offers: the engagements (newest first) and the console users who may own an action. */
    public record Choices(List<Engagement> engagements, List<OwnerChoice> owners) {
    }

    /** A new action is due this many days after it starts unless the author says otherwise. */
    static final int DEFAULT_DAYS = 60;

    private final KakehashiApi api;
    private final CurrentUser user;
    private final UUID tenantId;
    private final View view;

    public ActionFormPresenter(KakehashiApi api, CurrentUser user, UUID tenantId, View view) {
        this.api = api;
        this.user = user;
        this.tenantId = tenantId;
        this.view = view;
    }

    public Choices choices() {
        List<Engagement> engagements = api.engagements(tenantId).stream()
                .sorted(Comparator.comparing(Engagement::startDate, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .toList();
        List<OwnerChoice> owners = new ArrayList<>();
        if (user.role().isConsultancyStaff()) {
            api.members(tenantId).forEach(m -> owners.add(new OwnerChoice(m.userId(), m.displayName(), m.email())));
        } else {
            owners.add(new OwnerChoice(user.id(), user.displayName(), user.email()));
        }
        owners.sort(Comparator.comparing(OwnerChoice::name, String.CASE_INSENSITIVE_ORDER));
        return new Choices(engagements, List.copyOf(owners));
    }

    /** An empty form: the newest active engagement, starting today, in the author's language. */
    public FormInput blank(Choices choices, String language, LocalDate today) {
        UUID engagement = choices.engagements().stream().filter(e -> e.status() == com.kakehashi.console.api.EngagementStatus.ACTIVE)
                .map(Engagement::id).findFirst()
                .orElse(choices.engagements().isEmpty() ? null : choices.engagements().getFirst().id());
        return new FormInput(null, engagement, null, "", "", language, Set.of(), today, today.plusDays(DEFAULT_DAYS),
                null, null, null, null, null, null, null, null);
    }

    /** A form answering an alert: its engagement, its sign, linked to it. */
    public FormInput fromAlert(UUID alertId, UUID engagementId, String sign, String language, LocalDate today) {
        return new FormInput(null, engagementId, alertId, "", "", language, sign == null ? Set.of() : Set.of(sign), today,
                today.plusDays(DEFAULT_DAYS), null, null, null, null, null, null, null, null);
    }

    /** An existing action as the form edits it. */
    public static FormInput of(ActionRecords.Action a) {
        return new FormInput(a.id(), a.engagementId(), a.alertId(), a.title(), a.description(), a.language(),
                Set.copyOf(a.signs()), a.startOn(), a.dueOn(),
                a.hqOwner().userId(), a.hqOwner().userId() == null ? a.hqOwner().name() : null,
                a.hqOwner().userId() == null ? a.hqOwner().email() : null, a.hqOwner().userId() == null ? a.hqOwner().language() : null,
                a.japanOwner().userId(), a.japanOwner().userId() == null ? a.japanOwner().name() : null,
                a.japanOwner().userId() == null ? a.japanOwner().email() : null,
                a.japanOwner().userId() == null ? a.japanOwner().language() : null);
    }

    /**
     * Checks what the form can know (a title, a sign, an owner per side, the due date not before the start), then
     * creates or updates. Only consultancy staff edit an existing action.
     *
     * @return the saved action, or null when nothing was saved (the reason is on the form)
     */
    public ActionRecords.Action save(FormInput in) {
        if (in.actionId() != null && user.role() == Role.EXECUTIVE) {
            return null;
        }
        if (in.engagementId() == null) {
            view.showFieldError("engagementId", "action.form.engagementRequired");
            return null;
        }
        if (in.title() == null || in.title().isBlank()) {
            view.showFieldError("title", "action.form.titleRequired");
            return null;
        }
        if (in.signs().isEmpty()) {
            view.showFieldError("signs", "action.form.signsRequired");
            return null;
        }
        if (in.startOn() != null && in.dueOn() != null && in.dueOn().isBefore(in.startOn())) {
            view.showFieldError("dueOn", "action.form.dueBeforeStart");
            return null;
        }
        OwnerDraft hq = owner(in.hqUser(), in.hqName(), in.hqEmail(), in.hqLanguage());
        if (hq == null) {
            view.showFieldError("hqOwner", "action.form.ownerRequired");
            return null;
        }
        OwnerDraft japan = owner(in.japanUser(), in.japanName(), in.japanEmail(), in.japanLanguage());
        if (japan == null) {
            view.showFieldError("japanOwner", "action.form.ownerRequired");
            return null;
        }
        if (in.japanUser() != null && in.japanUser().equals(in.hqUser())) {
            view.showFieldError("japanOwner", "action.form.sameOwner");
            return null;
        }
        List<String> signs = in.signs().stream().sorted().toList();
        var draft = new ActionRecords.Draft(in.engagementId(), in.alertId(), in.title().strip(), blankToNull(in.description()),
                in.language() == null ? "en" : in.language(), signs, in.startOn(), in.dueOn(), hq, japan);
        try {
            ActionRecords.Action saved = in.actionId() == null ? api.createAction(tenantId, draft)
                    : api.updateAction(tenantId, in.actionId(), draft).action();
            view.closeForms();
            return saved;
        } catch (ProblemException e) {
            view.showProblem(ActionRecords.flattenOwnerFields(e.problem()));
            return null;
        }
    }

    /** A chosen user, else a named person (whatever of it was typed: the backend names what is missing). */
    static OwnerDraft owner(UUID userId, String name, String email, String language) {
        if (userId != null) {
            return OwnerDraft.user(userId);
        }
        if (blankToNull(name) == null && blankToNull(email) == null) {
            return null;
        }
        return new OwnerDraft(null, blankToNull(name), blankToNull(email), language == null ? "en" : language);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
