package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Wave;
import com.kakehashi.console.dashboard.WaveDetailPresenter.SideComments;
import com.kakehashi.console.dashboard.WaveDetailPresenter.SilenceRow;
import com.kakehashi.console.dashboard.WaveDetailPresenter.WaveDetail;
import com.kakehashi.console.shell.Formats;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;

import java.util.List;

/**
 * One wave: a picker, the silence signals per side and the comments per side in their own languages. An open wave
 * says when its results appear and shows only response counts and rates.
 */
class WaveDetailPanel extends Div implements WaveDetailPresenter.View {

    private final Select<Wave> wave = new Select<>();
    private final Div silence = new Div();
    private final FlexLayout comments = new FlexLayout();
    private final Span empty = new Span();
    private final Span printedWave = new Span();
    private final Div openNotice = new Div();
    private final H3 silenceTitle = new H3();
    private final H3 commentsTitle = new H3();
    private final H3 reliabilityTitle = new H3();
    private final Div reliabilityNote = new Div();
    private final Div reliability = new Div();
    final ThemesPanel themes = new ThemesPanel();
    WaveDetailPresenter presenter;
    private boolean updating;

    WaveDetailPanel() {
        setId("dashboard-wave-detail");
        addClassName("dashboard-wave-detail");
        wave.setId("dashboard-wave");
        wave.setLabel(getTranslation("dashboard.wave"));
        wave.setItemLabelGenerator(w -> w.isOpen()
                ? getTranslation("dashboard.wave.openChoice", Formats.date(w.occurrenceDate(), getLocale()))
                : Formats.date(w.occurrenceDate(), getLocale()));
        wave.addValueChangeListener(e -> {
            if (!updating && e.getValue() != null) {
                presenter.select(e.getValue().id());
            }
        });
        silence.setId("dashboard-silence");
        silence.addClassName("silence-table");
        comments.setId("dashboard-comments");
        comments.addClassName("dashboard-comments");
        comments.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        empty.setId("dashboard-no-closed-wave");
        empty.addClassName("dashboard-status");
        empty.setText(getTranslation("dashboard.noClosedWave"));
        silenceTitle.setText(getTranslation("dashboard.silence"));
        commentsTitle.setText(getTranslation("dashboard.comments"));
        printedWave.addClassName("dashboard-print-only");
        openNotice.setId("dashboard-wave-open");
        openNotice.addClassName("dashboard-status");
        openNotice.setVisible(false);
        reliabilityTitle.setText(getTranslation("dashboard.reliability"));
        reliabilityNote.setText(getTranslation("dashboard.reliability.note"));
        reliabilityNote.addClassName("dashboard-status");
        reliability.setId("dashboard-reliability");
        reliability.addClassName("reliability-table");
        // The themes first: what each side talks about in a glance, then the comments they come from.
        add(wave, printedWave, empty, openNotice, silenceTitle, silence, themes, commentsTitle, comments,
                reliabilityTitle, reliabilityNote, reliability);
    }

    @Override
    public void showWaveChoices(List<Wave> waves, Wave selected) {
        updating = true;
        try {
            wave.setItems(waves);
            wave.setValue(selected);
        } finally {
            updating = false;
        }
        empty.setVisible(selected == null);
        // Without a closed wave there is nothing to pick or read: only the sentence saying so.
        for (var part : List.of(wave, printedWave, silenceTitle, silence, themes, commentsTitle, comments, reliabilityTitle,
                reliabilityNote, reliability)) {
            part.setVisible(selected != null);
        }
        if (selected == null) {
            silence.removeAll();
            comments.removeAll();
            reliability.removeAll();
            openNotice.setVisible(false);
        }
    }

    @Override
    public void showWaveDetail(WaveDetail detail) {
        int k = detail.anonymityThreshold();
        printedWave.setText(getTranslation(detail.open() ? "dashboard.wave.printedOpen" : "dashboard.wave.printed",
                Formats.date(detail.occurrenceDate(), getLocale())));
        openNotice.setText(detail.open() ? getTranslation("dashboard.wave.open", Formats.dateTime(detail.closesAt(), getLocale())) : "");
        openNotice.setVisible(detail.open());
        commentsTitle.setVisible(!detail.open());
        comments.setVisible(!detail.open());
        themes.setVisible(!detail.open());
        silence.removeAll();
        for (String key : List.of("", "dashboard.silence.nonResponse", "dashboard.silence.medianDelay",
                "dashboard.silence.neutralShare", "dashboard.silence.commentRate", "dashboard.silence.carefulWording",
                "dashboard.silence.responses")) {
            silence.add(cell(key.isEmpty() ? "" : getTranslation(key), "silence-head"));
        }
        for (SilenceRow row : detail.silence()) {
            silence.add(cell(getTranslation(row.sideKey()), "silence-side"));
            silence.add(cell(row.nonResponse(), "silence-value"));
            boolean hidden = row.suppressedKey() != null;
            String hiddenText = hidden ? "⊘ " + getTranslation(row.suppressedKey(), k) : null;
            silence.add(cell(row.medianDelayKey() != null ? getTranslation(row.medianDelayKey()) : hidden ? hiddenText : WaveDetailPresenter.NONE, "silence-value"));
            silence.add(cell(hidden ? hiddenText : row.neutralShare(), "silence-value"));
            silence.add(cell(hidden ? hiddenText : row.commentRate(), "silence-value"));
            // Careful wording has its own threshold (comments, never below k): its reason names that number.
            silence.add(cell(row.carefulWording() != null ? row.carefulWording()
                    : "⊘ " + getTranslation(row.carefulWordingSuppressedKey(), hidden ? k : row.commentThreshold()), "silence-value"));
            silence.add(cell(row.responses() + " / " + row.invited(), "silence-value"));
        }
        comments.removeAll();
        detail.comments().forEach(group -> comments.add(side(group, k)));
        showReliability(detail.reliability(), k);
    }

    private void showReliability(List<WaveDetailPresenter.ReliabilityRow> rows, int k) {
        reliability.removeAll();
        boolean any = !rows.isEmpty();
        reliabilityTitle.setVisible(any);
        reliabilityNote.setVisible(any);
        reliability.setVisible(any);
        if (!any) {
            return;
        }
        var sides = rows.getFirst().cells().stream().map(WaveDetailPresenter.ReliabilityCell::side).toList();
        reliability.getStyle().set("--reliability-sides", String.valueOf(sides.size()));
        reliability.add(cell("", "silence-head"));
        sides.forEach(side -> reliability.add(cell(getTranslation("dashboard.side." + side.name()), "silence-head")));
        for (var row : rows) {
            reliability.add(cell(getTranslation(row.signKey()), "silence-side"));
            for (var c : row.cells()) {
                var d = new Div();
                d.addClassName("silence-cell");
                d.addClassName("silence-value");
                d.getElement().setAttribute("data-sign", row.sign());
                d.getElement().setAttribute("data-side", c.side().name());
                if (c.reasonKey() != null) {
                    d.setText("⊘ " + getTranslation(c.reasonKey(), k));
                } else if (c.qualityKey() == null) {
                    d.setText(WaveDetailPresenter.NONE);
                } else if (c.low()) {
                    d.addClassName("reliability-low");
                    d.setText(getTranslation(c.qualityKey()));
                } else {
                    d.setText(c.value() + " · " + getTranslation(c.qualityKey()));
                }
                if (c.methodKey() != null) {
                    d.setTitle(getTranslation(c.methodKey()));
                }
                reliability.add(d);
            }
        }
    }

    private Div side(SideComments group, int k) {
        var box = new Div();
        box.addClassName("comment-side");
        box.getElement().setAttribute("data-side", group.side().name());
        box.add(new H4(getTranslation(group.sideKey())));
        if (group.suppressedKey() != null) {
            var reason = new Div("⊘ " + getTranslation(group.suppressedKey(), k));
            reason.addClassName("comment-suppressed");
            box.add(reason);
        } else if (group.comments().isEmpty()) {
            var none = new Div(getTranslation("dashboard.comments.none"));
            none.addClassName("dashboard-status");
            box.add(none);
        } else {
            var list = new UnorderedList();
            list.addClassName("comment-list");
            for (var c : group.comments()) {
                var text = new Span(c.text());
                text.getElement().setAttribute("lang", c.lang());
                text.addClassName("comment-text");
                var tag = new Span(getTranslation(c.languageKey()));
                tag.addClassName("comment-lang");
                list.add(new ListItem(tag, text));
            }
            box.add(list);
        }
        return box;
    }

    private static Div cell(String text, String className) {
        var d = new Div();
        d.setText(text);
        d.addClassName("silence-cell");
        d.addClassName(className);
        return d;
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }
}
