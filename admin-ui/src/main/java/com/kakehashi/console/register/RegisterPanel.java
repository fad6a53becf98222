package com.kakehashi.console.register;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.RegisterRecords.Area;
import com.kakehashi.console.api.RegisterRecords.Classification;
import com.kakehashi.console.api.RegisterRecords.Decision;
import com.kakehashi.console.api.RegisterRecords.Health;
import com.kakehashi.console.api.RegisterRecords.Item;
import com.kakehashi.console.api.RegisterRecords.Version;
import com.kakehashi.console.api.RegisterRecords.Word;
import com.kakehashi.console.api.Side;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.FormDialog;
import com.kakehashi.console.shell.Formats;
import com.kakehashi.console.shell.OpenForm;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The global–local register of a tenant: disagreements first with both sides' words, then by classification. */
public class RegisterPanel extends VerticalLayout implements RegisterPresenter.View {

    private static final List<String> SIGNS = List.of("EXECUTION_DELAY", "MOMENTUM", "DIFFICULT_LABEL", "EXCLUSION",
            "SILENT_DISSENT", "AUTHORITY_GAP", "RISK_LENS", "CONSENSUS_PACE", "TRUST_EROSION");

    private final RegisterPresenter presenter;
    private final Span health = new Span();
    private final Button add = new Button();
    private final Div sections = new Div();
    private final OpenForm form = new OpenForm();

    public RegisterPanel(ConsoleSession session, UUID tenantId) {
        presenter = new RegisterPresenter(session.api(), session.user(), tenantId, this);
        setPadding(false);
        setId("register-panel");
        health.setId("register-health");
        add.setText(getTranslation("register.add"));
        add.setId("register-add");
        add.addClickListener(e -> openItemForm());
        sections.setWidthFull();
        add(new Paragraph(getTranslation("register.intro")), health, add, sections);
        presenter.load();
    }

    @Override
    public void showRegister(List<RegisterPresenter.Section> shown, Health h, boolean canDelete) {
        NumberFormat percent = NumberFormat.getPercentInstance(getLocale());
        health.setText(getTranslation("register.health", h.agreed(), h.items(),
                h.agreedShare() == null ? "–" : percent.format(h.agreedShare()), h.openDisagreements(),
                h.oldestDisagreementDays() == null ? "–" : h.oldestDisagreementDays(),
                h.medianDisagreementDays() == null ? "–" : NumberFormat.getNumberInstance(getLocale()).format(h.medianDisagreementDays())));
        sections.removeAll();
        if (shown.isEmpty()) {
            sections.add(new Paragraph(getTranslation("register.empty")));
        }
        for (RegisterPresenter.Section section : shown) {
            var box = new Div();
            box.addClassName("register-section");
            box.setId(section.disagreements() ? "register-section-disagreements"
                    : "register-section-" + section.classification().name().toLowerCase());
            var heading = new H3(section.disagreements() ? getTranslation("register.section.disagreements")
                    : getTranslation("register.classification." + section.classification().name()));
            box.add(heading);
            if (!section.disagreements()) {
                box.add(new Paragraph(getTranslation("register.classification." + section.classification().name() + ".help")));
            }
            section.items().forEach(item -> box.add(card(item, canDelete)));
            sections.add(box);
        }
    }

    private Div card(Item item, boolean canDelete) {
        var card = new Div();
        card.addClassName("register-item");
        card.addClassName("register-" + item.state().name().toLowerCase());
        card.setId("register-item-" + item.id());
        card.getElement().setAttribute("data-state", item.state().name());

        var title = new Span(item.title());
        title.addClassName("register-title");
        var state = new Span(item.state() == com.kakehashi.console.api.RegisterRecords.State.DISAGREED && item.disagreementDays() != null
                ? getTranslation("register.state.DISAGREED.days", item.disagreementDays())
                : getTranslation("register.state." + item.state().name()));
        state.getElement().getThemeList().add("badge " + switch (item.state()) {
            case DISAGREED -> "error";
            case PENDING -> "contrast";
            case AGREED -> "success";
        });
        state.addClassName("register-state");
        var header = new HorizontalLayout(title, state);
        header.setAlignItems(Alignment.BASELINE);

        var meta = new Span(getTranslation("register.area." + item.area().name())
                + (item.signs().isEmpty() ? "" : " · " + String.join(", ",
                item.signs().stream().map(s -> getTranslation("instrument.sign." + s)).toList())));
        meta.addClassName("register-meta");

        Version current = item.current();
        var classification = new Span(getTranslation("register.current", current.version(),
                getTranslation("register.classification." + current.classification().name())));
        classification.addClassName("register-classification");
        card.add(header, meta, new Div(classification));
        if (item.inEffect() != null && item.inEffect().version() != current.version()) {
            var inEffect = new Span(getTranslation("register.inEffect", item.inEffect().version(),
                    getTranslation("register.classification." + item.inEffect().classification().name())));
            inEffect.addClassName("register-in-effect");
            card.add(new Div(inEffect));
        } else if (item.inEffect() == null) {
            var none = new Span(getTranslation("register.inEffect.none"));
            none.addClassName("register-in-effect");
            card.add(new Div(none));
        }
        var rationale = new Paragraph(current.rationale());
        rationale.addClassName("register-rationale");
        card.add(rationale, wordLine(Side.HQ, current.hq()), wordLine(Side.JAPAN, current.japan()));

        var agree = new Button(getTranslation("register.word.add"), e -> openWordForm(item));
        agree.addClassName("register-word-add");
        var change = new Button(getTranslation("register.version.add"), e -> openVersionForm(item));
        change.addClassName("register-version-add");
        agree.addThemeVariants(ButtonVariant.LUMO_SMALL);
        change.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        var actions = new HorizontalLayout(agree, change);
        if (canDelete) {
            var delete = new Button(getTranslation("common.delete"), e -> presenter.delete(item));
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(delete);
        }
        card.add(actions, history(item));
        return card;
    }

    /** One side's latest word on the current version, or that it has not spoken yet. */
    private Div wordLine(Side side, Word word) {
        var line = new Div();
        line.addClassName("register-word");
        line.addClassName("register-word-" + side.name().toLowerCase());
        String sideName = getTranslation("side." + side.name());
        if (word == null) {
            line.setText(getTranslation("register.word.none", sideName));
            line.addClassName("register-word-open");
            return line;
        }
        line.addClassName(word.decision() == Decision.AGREE ? "register-word-agree" : "register-word-disagree");
        line.add(new Span(getTranslation("register.word." + word.decision().name(), sideName, word.approver(), date(word.recordedAt()))));
        if (word.comment() != null) {
            var comment = new Paragraph(word.comment());
            comment.addClassName("register-comment");
            line.add(comment);
        }
        return line;
    }

    private Details history(Item item) {
        var list = new Div();
        for (Version v : item.versions()) {
            var entry = new Div();
            entry.addClassName("register-history-version");
            entry.add(new Span(getTranslation("register.history.version", v.version(),
                    getTranslation("register.classification." + v.classification().name()),
                    v.authoredByName() == null ? "–" : v.authoredByName(), date(v.authoredAt()),
                    getTranslation(v.agreed() ? "register.history.agreed" : "register.history.open"))));
            entry.add(new Paragraph(v.rationale()));
            for (Word w : v.words()) {
                var word = new Div(new Span(getTranslation("register.word." + w.decision().name(),
                        getTranslation("side." + w.side().name()), w.approver(), date(w.recordedAt()))
                        + (w.recordedByName() != null && !w.recordedByName().equals(w.approver())
                        ? " " + getTranslation("register.history.recordedBy", w.recordedByName()) : "")
                        + (w.comment() == null ? "" : " — " + w.comment())));
                word.addClassName("register-history-word");
                entry.add(word);
            }
            list.add(entry);
        }
        var details = new Details(getTranslation("register.history", item.versions().size()), list);
        details.addClassName("register-history");
        return details;
    }

    private String date(Instant instant) {
        return instant == null ? "" : Formats.date(LocalDate.ofInstant(instant, ZoneOffset.UTC), getLocale());
    }

    private Select<Classification> classificationSelect() {
        var select = new Select<Classification>();
        select.setLabel(getTranslation("register.classification"));
        select.setItems(Classification.values());
        select.setItemLabelGenerator(c -> getTranslation("register.classification." + c.name()));
        return select;
    }

    private void openItemForm() {
        var dialog = new FormDialog("register-item", "register.add");
        var title = dialog.field("title", new TextField(getTranslation("register.title")));
        title.setId("register-title");
        var area = dialog.field("area", new Select<Area>());
        area.setLabel(getTranslation("register.area"));
        area.setId("register-area");
        area.setItems(Area.values());
        area.setItemLabelGenerator(a -> getTranslation("register.area." + a.name()));
        var signs = dialog.field("signs", new MultiSelectComboBox<String>(getTranslation("register.signs")));
        signs.setItems(SIGNS);
        signs.setItemLabelGenerator(s -> getTranslation("instrument.sign." + s));
        var classification = dialog.field("classification", classificationSelect());
        classification.setId("register-classification");
        var rationale = dialog.field("rationale", new TextArea(getTranslation("register.rationale")));
        rationale.setId("register-rationale");
        dialog.add(new FormLayout(title, area, signs, classification, rationale));
        dialog.addSaveListener(() -> presenter.createItem(title.getValue(), area.getValue(), signs.getValue(),
                classification.getValue(), rationale.getValue()));
        form.open(dialog);
    }

    private void openVersionForm(Item item) {
        var dialog = new FormDialog("register-version", "register.version.add");
        var classification = dialog.field("classification", classificationSelect());
        classification.setValue(item.current().classification());
        var rationale = dialog.field("rationale", new TextArea(getTranslation("register.rationale")));
        rationale.setValue(item.current().rationale());
        rationale.setHelperText(getTranslation("register.version.help"));
        dialog.add(new Paragraph(item.title()), new FormLayout(classification, rationale));
        dialog.addSaveListener(() -> presenter.proposeVersion(item, classification.getValue(), rationale.getValue()));
        form.open(dialog);
    }

    private void openWordForm(Item item) {
        var dialog = new FormDialog("register-word", "register.word.add");
        var side = dialog.field("side", new Select<Side>());
        side.setLabel(getTranslation("register.side"));
        side.setId("register-side");
        side.setItems(Arrays.asList(Side.HQ, Side.JAPAN));
        side.setItemLabelGenerator(s -> getTranslation("side." + s.name()));
        var decision = dialog.field("decision", new Select<Decision>());
        decision.setLabel(getTranslation("register.decision"));
        decision.setId("register-decision");
        decision.setItems(Decision.values());
        decision.setItemLabelGenerator(d -> getTranslation("register.decision." + d.name()));
        var approver = dialog.field("approverName", new TextField(getTranslation("register.approverName")));
        approver.setHelperText(getTranslation("register.approverName.help"));
        approver.setId("register-approver");
        var comment = dialog.field("comment", new TextArea(getTranslation("register.comment")));
        comment.setHelperText(getTranslation("register.comment.help"));
        comment.setId("register-comment");
        dialog.add(new Paragraph(getTranslation("register.word.about", item.title(), item.current().version(),
                getTranslation("register.classification." + item.current().classification().name()))),
                new FormLayout(side, decision, approver, comment));
        dialog.addSaveListener(() -> presenter.recordWord(item, side.getValue(), decision.getValue(), comment.getValue(),
                approver.getValue()));
        form.open(dialog);
    }

    @Override
    public void showFieldError(String field, String messageKey) {
        form.showFieldError(field, getTranslation(messageKey));
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
