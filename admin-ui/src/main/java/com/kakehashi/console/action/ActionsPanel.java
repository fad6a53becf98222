package com.kakehashi.console.action;

import com.kakehashi.console.action.ActionsPresenter.ActionItem;
import com.kakehashi.console.action.ActionsPresenter.EffectItem;
import com.kakehashi.console.api.ActionRecords.Action;
import com.kakehashi.console.api.ActionRecords.Comment;
import com.kakehashi.console.api.ActionRecords.Owner;
import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Side;
import com.kakehashi.console.shell.ActionFormDialog;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.Formats;
import com.kakehashi.console.shell.OpenForm;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's actions, one card each: title, status and (in words, not only colour) whether it is overdue, the
 * signs it targets, its dates, both owners with whether and when each agreed, and the buttons the presenter allows.
 * A card opens to the action's effect per sign and side and its comments.
 */
public class ActionsPanel extends VerticalLayout implements ActionsPresenter.View, ActionFormPresenter.View {

    private final ActionsPresenter presenter;
    private final ActionFormPresenter formPresenter;
    private final Button create = new Button();
    private final Div list = new Div();
    private final Map<UUID, Div> details = new HashMap<>();
    private final Map<UUID, TextArea> commentFields = new HashMap<>();
    private final Map<UUID, TextArea> dropFields = new HashMap<>();
    private final OpenForm form = new OpenForm();

    public ActionsPanel(ConsoleSession session, UUID tenantId) {
        presenter = new ActionsPresenter(session.api(), session.user(), tenantId, this);
        formPresenter = presenter.form(this);
        setId("actions");
        setPadding(false);
        create.setText(getTranslation("action.create"));
        create.setId("action-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openForm(null));
        list.setId("action-list");
        list.addClassName("action-list");
        list.getElement().setAttribute("role", "list");
        add(new Paragraph(getTranslation("action.help")), create, list);
        presenter.load();
    }

    private boolean japanese() {
        return "ja".equals(getLocale().getLanguage());
    }

    private void openForm(Action action) {
        try {
            var choices = formPresenter.choices();
            var input = action == null ? formPresenter.blank(choices, japanese() ? "ja" : "en", LocalDate.now(ZoneId.of("UTC")))
                    : ActionFormPresenter.of(action);
            form.open(new ActionFormDialog(choices.engagements(), choices.owners(), input,
                    in -> presenter.saved(formPresenter.save(in))));
        } catch (com.kakehashi.console.api.ProblemException e) {
            showProblem(e.problem());
        }
    }

    @Override
    public void showActions(List<ActionItem> actions, boolean canCreate) {
        create.setVisible(canCreate);
        list.removeAll();
        details.clear();
        commentFields.clear();
        dropFields.clear();
        if (actions.isEmpty()) {
            var none = new Span(getTranslation("action.none"));
            none.setId("action-none");
            list.add(none);
        }
        actions.forEach(a -> list.add(card(a)));
    }

    private Div card(ActionItem item) {
        Action a = item.action();
        var card = new Div();
        card.addClassName("action-card");
        card.addClassName("action-status-" + a.status().name().toLowerCase(Locale.ROOT));
        card.getElement().setAttribute("role", "listitem");
        card.getElement().setAttribute("data-action-id", a.id().toString());
        card.getElement().setAttribute("data-status", a.status().name());

        var title = new Span(a.title());
        title.addClassName("action-title");
        var head = new Div(title, badge(getTranslation(item.statusKey()), "action-badge-" + a.status().name().toLowerCase(Locale.ROOT)));
        head.addClassName("action-head");
        if (item.overdue()) {
            card.addClassName("action-overdue");
            var overdue = badge("⚠ " + getTranslation("action.overdue"), "action-badge-overdue");
            overdue.addClassName("action-overdue-badge");
            head.add(overdue);
        }
        for (String sign : a.signs()) {
            head.add(badge(getTranslation("instrument.sign." + sign), "action-badge-sign"));
        }
        card.add(head);

        var when = new Div(dates(item));
        when.addClassName("action-dates");
        card.add(when);
        if (a.description() != null && !a.description().isBlank()) {
            var description = new Div(a.description());
            description.addClassName("action-description");
            card.add(description);
        }
        if (a.dropReason() != null) {
            var reason = new Div(getTranslation("action.dropReason", a.dropReason()));
            reason.addClassName("action-drop-reason");
            card.add(reason);
        }
        var owners = new Div(owner(a.hqOwner(), Side.HQ), owner(a.japanOwner(), Side.JAPAN));
        owners.addClassName("action-owners");
        card.add(owners);
        card.add(buttons(item));
        if (item.expanded()) {
            var detail = new Div(new Span(getTranslation("action.loading")));
            detail.addClassName("action-detail");
            details.put(a.id(), detail);
            card.add(detail);
        }
        return card;
    }

    private String dates(ActionItem item) {
        Action a = item.action();
        Locale l = getLocale();
        var text = new StringBuilder();
        if (!item.engagementName().isEmpty()) {
            text.append(item.engagementName()).append(" · ");
        }
        text.append(getTranslation("action.period", Formats.date(a.startOn(), l), Formats.date(a.dueOn(), l)));
        if (a.startedOn() != null) {
            text.append(" · ").append(getTranslation("action.startedOn", Formats.date(a.startedOn(), l)));
        }
        if (a.doneOn() != null) {
            text.append(" · ").append(getTranslation("action.doneOn", Formats.date(a.doneOn(), l)));
        }
        if (a.droppedOn() != null) {
            text.append(" · ").append(getTranslation("action.droppedOn", Formats.date(a.droppedOn(), l)));
        }
        return text.toString();
    }

    private Div owner(Owner owner, Side side) {
        var line = new Div();
        line.addClassName("action-owner");
        line.addClassName("action-owner-" + side.name().toLowerCase(Locale.ROOT));
        String who = owner == null ? "–" : owner.name() + (owner.email() == null ? "" : " <" + owner.email() + ">");
        line.add(new Span(getTranslation("action.owner." + side.name()) + ": " + who + " · "));
        if (owner != null && owner.agreed()) {
            var agreed = new Span("✓ " + getTranslation(owner.recordedOnBehalf() ? "action.agreedOnBehalf" : "action.agreed",
                    Formats.dateTime(owner.agreedAt(), getLocale())));
            agreed.addClassName("action-agreed");
            line.add(agreed);
        } else {
            var pending = new Span(getTranslation("action.notAgreed"));
            pending.addClassName("action-not-agreed");
            line.add(pending);
        }
        return line;
    }

    private FlexLayout buttons(ActionItem item) {
        UUID id = item.action().id();
        var bar = new FlexLayout();
        bar.addClassName("action-buttons");
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        for (Side side : List.of(Side.HQ, Side.JAPAN)) {
            if (item.canAgree(side)) {
                bar.add(button("action.agree." + side.name(), "action-agree-" + side.name().toLowerCase(Locale.ROOT),
                        () -> presenter.agree(id, side)));
            }
        }
        if (item.canStart()) {
            bar.add(button("action.start", "action-start", () -> presenter.start(id)));
        }
        if (item.canDone()) {
            var done = button("action.done", "action-done", () -> presenter.done(id));
            done.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            bar.add(done);
        }
        if (item.canEdit()) {
            bar.add(button("action.edit", "action-edit", () -> openForm(item.action())));
        }
        if (item.canDrop()) {
            var drop = button("action.drop", "action-drop", () -> openDrop(item.action()));
            drop.addThemeVariants(ButtonVariant.LUMO_ERROR);
            bar.add(drop);
        }
        var toggle = button(item.expanded() ? "action.hideDetail" : "action.showDetail", "action-toggle",
                () -> presenter.toggle(id));
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toggle.getElement().setAttribute("aria-expanded", Boolean.toString(item.expanded()));
        bar.add(toggle);
        return bar;
    }

    private Button button(String key, String className, Runnable run) {
        var b = new Button(getTranslation(key), e -> run.run());
        b.addClassName(className);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    private static Span badge(String text, String className) {
        var badge = new Span(text);
        badge.addClassName("action-badge");
        badge.addClassName(className);
        return badge;
    }

    private void openDrop(Action action) {
        var dialog = new Dialog();
        dialog.setId("action-drop-dialog");
        dialog.setHeaderTitle(getTranslation("action.drop.title", action.title()));
        var reason = new TextArea(getTranslation("action.drop.reason"));
        reason.setId("action-drop-reason");
        reason.setWidthFull();
        reason.setMaxLength(1000);
        dropFields.put(action.id(), reason);
        var confirm = new Button(getTranslation("action.drop"), e -> {
            presenter.drop(action.id(), reason.getValue());
            if (!reason.isInvalid()) {
                dialog.close();
            }
        });
        confirm.setId("action-drop-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("common.cancel"), e -> dialog.close());
        dialog.add(reason);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    @Override
    public void showDetail(UUID actionId, List<Comment> comments, List<EffectItem> effect) {
        Div detail = details.get(actionId);
        if (detail == null) {
            return;
        }
        detail.removeAll();
        detail.add(new H4(getTranslation("action.effect")));
        var effects = new Div();
        effects.addClassName("action-effect");
        if (effect.isEmpty()) {
            effects.add(new Span(getTranslation("action.effect.none")));
        }
        for (EffectItem e : effect) {
            var row = new Div(badge(getTranslation(e.verdictKey()), "action-verdict-" + e.verdict().toLowerCase(Locale.ROOT)),
                    new Span(" " + e.summary(japanese()))); // the backend's words name the side and the sign
            row.addClassName("action-effect-row");
            effects.add(row);
        }
        detail.add(effects, new H4(getTranslation("action.comments")));
        var thread = new Div();
        thread.addClassName("action-comments");
        if (comments.isEmpty()) {
            thread.add(new Span(getTranslation("action.comments.none")));
        }
        for (Comment c : comments) {
            var line = new Div(c.authorEmail() + " · " + Formats.dateTime(c.createdAt(), getLocale()) + ": " + c.text());
            line.addClassName("action-comment");
            thread.add(line);
        }
        var field = new TextArea();
        field.addClassName("action-comment-field");
        field.setPlaceholder(getTranslation("action.comment.placeholder"));
        field.setMaxLength(ActionsPresenter.COMMENT_MAX);
        field.setWidthFull();
        commentFields.put(actionId, field);
        var send = new Button(getTranslation("action.comment.add"),
                e -> presenter.comment(actionId, field.getValue(), japanese() ? "ja" : "en"));
        send.addClassName("action-comment-add");
        detail.add(thread, field, send);
    }

    @Override
    public void showDropProblem(UUID actionId, String messageKey) {
        var field = dropFields.get(actionId);
        if (field != null) {
            field.setErrorMessage(getTranslation(messageKey));
            field.setInvalid(true);
        }
    }

    @Override
    public void showCommentProblem(UUID actionId, String messageKey, Object... arguments) {
        var field = commentFields.get(actionId);
        if (field != null) {
            field.setErrorMessage(getTranslation(messageKey, arguments));
            field.setInvalid(true);
        }
    }

    @Override
    public void showNotice(String text) {
        Problems.success(text);
    }

    @Override
    public void showFieldError(String field, String messageKey, Object... arguments) {
        form.showFieldError(field, getTranslation(messageKey, arguments));
    }

    @Override
    public void showProblem(ApiProblem problem) {
        form.showProblem(problem);
    }

    @Override
    public void closeForms() {
        form.close();
    }
}
