package com.kakehashi.console.shell;

import com.kakehashi.console.api.PageResult;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** Previous / next buttons and "page x of y (n in total)" under a paged grid. */
public class Pager extends HorizontalLayout {

    private final Button previous;
    private final Button next;
    private final Span status = new Span();

    public Pager(String idPrefix, Runnable onPrevious, Runnable onNext) {
        previous = new Button(getTranslation("pager.previous"), e -> onPrevious.run());
        next = new Button(getTranslation("pager.next"), e -> onNext.run());
        previous.setId(idPrefix + "-previous");
        next.setId(idPrefix + "-next");
        status.setId(idPrefix + "-page-status");
        previous.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        next.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        setAlignItems(Alignment.BASELINE);
        add(previous, status, next);
    }

    public void show(PageResult<?> page) {
        previous.setEnabled(page.hasPrevious());
        next.setEnabled(page.hasNext());
        status.setText(getTranslation("pager.status", page.page() + 1, page.pageCount(), page.total()));
    }
}
