package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;

import java.util.List;
import java.util.stream.Collectors;

/** "What Japan talks about this wave": a box per side with its top terms as chips. Lays out only. */
class ThemesPanel extends Div implements ThemesPresenter.View {

    private final Div columns = new Div();
    private final Div note = new Div();

    ThemesPanel() {
        setId("dashboard-themes");
        addClassName("dashboard-themes");
        var title = new H3(getTranslation("dashboard.themes.title"));
        note.addClassName("dashboard-status");
        columns.addClassName("dashboard-themes-columns");
        add(title, note, columns);
    }

    @Override
    public void showThemes(List<ThemesPresenter.Column> shown) {
        columns.removeAll();
        note.setText(shown.isEmpty() ? getTranslation("dashboard.themes.noComments")
                : getTranslation("dashboard.themes.note", shown.getFirst().minimumMentions()));
        for (ThemesPresenter.Column column : shown) {
            var box = new Div();
            box.addClassName("dashboard-box");
            box.addClassName("theme-side");
            box.setId("dashboard-themes-" + column.side().name());
            box.getElement().setAttribute("data-side", column.side().name());
            box.add(new H4(getTranslation(column.titleKey())));
            if (column.suppressedKey() != null) {
                var reason = new Div("⊘ " + getTranslation(column.suppressedKey(), column.commentThreshold()));
                reason.addClassName("theme-suppressed");
                box.add(reason);
            } else if (column.emptyKey() != null) {
                var none = new Div(getTranslation(column.emptyKey(), column.minimumMentions()));
                none.addClassName("dashboard-status");
                box.add(none);
            } else {
                box.add(new Div(getTranslation("dashboard.themes.of", column.comments())));
                var chips = new Div();
                chips.addClassName("theme-chips");
                for (ThemesPresenter.Chip chip : column.chips()) {
                    chips.add(chip(chip));
                }
                box.add(chips);
            }
            columns.add(box);
        }
    }

    private Span chip(ThemesPresenter.Chip chip) {
        var span = new Span();
        span.addClassName("theme-chip");
        var label = new Span(chip.label());
        label.addClassName("theme-label");
        span.add(label);
        if (chip.original() != null) {
            var original = new Span(chip.original());
            original.addClassName("theme-original");
            original.getElement().setAttribute("lang", chip.lang());
            span.add(original);
        } else {
            label.getElement().setAttribute("lang", chip.lang());
        }
        var count = new Span(String.valueOf(chip.comments()));
        count.addClassName("theme-count");
        span.add(count);
        String signs = chip.signKeys().stream().map(this::getTranslation).collect(Collectors.joining(", "));
        span.setTitle(signs.isEmpty() ? getTranslation("dashboard.themes.count", chip.comments())
                : getTranslation("dashboard.themes.countSigns", chip.comments(), signs));
        if (!signs.isEmpty()) {
            var linked = new Span("→ " + signs);
            linked.addClassName("theme-signs");
            span.add(linked);
        }
        return span;
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }
}
