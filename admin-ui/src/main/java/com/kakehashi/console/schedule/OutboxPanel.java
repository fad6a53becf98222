package com.kakehashi.console.schedule;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.OutboxEntry;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.Formats;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The tenant's outgoing mail; failed mail is highlighted with its attempts and last error. */
public class OutboxPanel extends VerticalLayout implements OutboxPresenter.View {

    private static final String ALL = "ALL";

    private final Grid<OutboxEntry> grid = new Grid<>();
    private final Span failedCount = new Span();
    private final OutboxPresenter presenter;

    public OutboxPanel(ConsoleSession session, UUID tenantId) {
        presenter = new OutboxPresenter(session.api(), session.user(), tenantId, this);
        setSizeFull();
        setPadding(false);

        var status = new Select<String>();
        status.setId("outbox-status");
        status.setLabel(getTranslation("outbox.status"));
        var choices = new java.util.ArrayList<String>();
        choices.add(ALL);
        choices.addAll(OutboxPresenter.STATUSES);
        status.setItems(choices);
        status.setItemLabelGenerator(s -> getTranslation("outbox.status." + s));
        status.setValue(ALL);
        status.addValueChangeListener(e -> presenter.filter(ALL.equals(e.getValue()) ? null : e.getValue()));
        var refresh = new Button(getTranslation("wave.refresh"), e -> presenter.load());
        refresh.setId("outbox-refresh");
        failedCount.setId("outbox-failed-count");
        failedCount.addClassName("outbox-failed-count");
        var bar = new HorizontalLayout(status, refresh, failedCount);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("outbox-grid");
        grid.addColumn(o -> Formats.dateTime(o.sendAfter(), getLocale())).setHeader(getTranslation("outbox.sendAfter"))
                .setAutoWidth(true);
        grid.addColumn(o -> getTranslation("outbox.kind." + o.kind()))
                .setHeader(getTranslation("outbox.kind")).setAutoWidth(true);
        grid.addColumn(o -> getTranslation("outbox.status." + o.status())).setHeader(getTranslation("outbox.status"));
        grid.addColumn(OutboxEntry::attempts).setHeader(getTranslation("outbox.attempts"));
        grid.addColumn(o -> Formats.dateTime(o.sentAt(), getLocale())).setHeader(getTranslation("outbox.sentAt"))
                .setAutoWidth(true);
        grid.addColumn(o -> Objects.requireNonNullElse(o.lastError(), "")).setHeader(getTranslation("outbox.lastError"))
                .setFlexGrow(3);
        grid.setPartNameGenerator(o -> o.failed() ? "outbox-failed" : null);
        grid.setEmptyStateText(getTranslation("outbox.empty"));
        add(bar, grid);
        presenter.load();
    }

    @Override
    public void showEntries(List<OutboxEntry> entries, long failed) {
        grid.setItems(entries);
        failedCount.setText(failed == 0 ? "" : getTranslation("outbox.failedCount", failed));
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }
}
