package com.kakehashi.console.register;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.RegisterRecords.Area;
import com.kakehashi.console.api.RegisterRecords.Classification;
import com.kakehashi.console.api.RegisterRecords.Decision;
import com.kakehashi.console.api.RegisterRecords.Health;
import com.kakehashi.console.api.RegisterRecords.Item;
import com.kakehashi.console.api.RegisterRecords.ItemDraft;
import com.kakehashi.console.api.RegisterRecords.State;
import com.kakehashi.console.api.RegisterRecords.VersionDraft;
import com.kakehashi.console.api.RegisterRecords.WordDraft;
import com.kakehashi.console.api.Side;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The global–local register of a tenant: open disagreements first, each with both sides' words, then the
 * other items grouped by classification (pending before agreed). Everyone who may enter the tenant adds
 * items, proposes changes and records a side's agreement or disagreement; only the consultancy deletes.
 */
public final class RegisterPresenter {

    /** A heading and its items: the open disagreements, or one classification's other items. */
    public record Section(Classification classification, boolean disagreements, List<Item> items) {
    }

    public interface View {
        void showRegister(List<Section> sections, Health health, boolean canDelete);

        /** A field-level problem in a form (the key names the message). */
        void showFieldError(String field, String messageKey);

        void showProblem(ApiProblem problem);

        void closeForms();
    }

    private final KakehashiApi api;
    private final UUID tenantId;
    private final boolean canDelete;
    private final View view;

    public RegisterPresenter(KakehashiApi api, CurrentUser user, UUID tenantId, View view) {
        this.api = api;
        this.tenantId = tenantId;
        this.canDelete = user.role().isConsultancyStaff();
        this.view = view;
    }

    public void load() {
        try {
            view.showRegister(sections(api.registerItems(tenantId)), api.registerHealth(tenantId), canDelete);
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    /** Disagreements first in the backend's order (oldest first); then per classification, pending before agreed. */
    static List<Section> sections(List<Item> items) {
        List<Section> sections = new ArrayList<>();
        List<Item> disagreements = items.stream().filter(i -> i.state() == State.DISAGREED).toList();
        if (!disagreements.isEmpty()) {
            sections.add(new Section(null, true, disagreements));
        }
        for (Classification classification : Classification.values()) {
            List<Item> group = items.stream()
                    .filter(i -> i.state() != State.DISAGREED && i.current().classification() == classification)
                    .sorted(java.util.Comparator.comparing(Item::state))
                    .toList();
            if (!group.isEmpty()) {
                sections.add(new Section(classification, false, group));
            }
        }
        return sections;
    }

    public void createItem(String title, Area area, Collection<String> signs, Classification classification, String rationale) {
        if (area == null) {
            view.showFieldError("area", "register.required");
            return;
        }
        if (classification == null) {
            view.showFieldError("classification", "register.required");
            return;
        }
        change(() -> api.createRegisterItem(tenantId, new ItemDraft(title, area, signs == null ? List.of() : List.copyOf(signs),
                classification, rationale)));
    }

    /** A change of the item as the user saw it; the backend refuses it if someone changed the item meanwhile. */
    public void proposeVersion(Item item, Classification classification, String rationale) {
        if (classification == null) {
            view.showFieldError("classification", "register.required");
            return;
        }
        change(() -> api.proposeRegisterVersion(tenantId, item.id(),
                new VersionDraft(classification, rationale, item.current().version())));
    }

    /** One side's word on the version the user saw; a disagreement must say why. */
    public void recordWord(Item item, Side side, Decision decision, String comment, String approverName) {
        if (side == null) {
            view.showFieldError("side", "register.required");
            return;
        }
        if (decision == null) {
            view.showFieldError("decision", "register.required");
            return;
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (decision == Decision.DISAGREE && text == null) {
            view.showFieldError("comment", "register.comment.required");
            return;
        }
        String approver = approverName == null || approverName.isBlank() ? null : approverName.strip();
        change(() -> api.recordRegisterWord(tenantId, item.id(),
                new WordDraft(side, decision, item.current().version(), text, approver)));
    }

    public void delete(Item item) {
        if (!canDelete) {
            return;
        }
        change(() -> api.deleteRegisterItem(tenantId, item.id()));
    }

    private void change(Runnable call) {
        try {
            call.run();
            view.closeForms();
            load();
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }
}
