package com.kakehashi.console.tenant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.AuditEntry;
import com.kakehashi.console.api.PageResult;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.Formats;
import com.kakehashi.console.shell.Pager;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.util.UUID;

class AuditPanel extends VerticalLayout implements AuditPresenter.View {

    private final Grid<AuditEntry> grid = new Grid<>();
    private final Pager pager;

    AuditPanel(ConsoleSession session, UUID tenantId) {
        var presenter = new AuditPresenter(session.api(), tenantId, this);
        pager = new Pager("audit", presenter::previous, presenter::next);
        setSizeFull();
        setPadding(false);
        grid.setId("audit-grid");
        grid.addColumn(a -> Formats.dateTime(a.at(), getLocale())).setHeader(getTranslation("audit.at")).setAutoWidth(true);
        grid.addColumn(AuditEntry::actorEmail).setHeader(getTranslation("audit.actor"));
        grid.addColumn(AuditEntry::action).setHeader(getTranslation("audit.action"));
        grid.addColumn(AuditEntry::objectType).setHeader(getTranslation("audit.objectType"));
        grid.addColumn(AuditEntry::objectId).setHeader(getTranslation("audit.objectId"));
        grid.addColumn(AuditEntry::detail).setHeader(getTranslation("audit.detail"));
        add(grid, pager);
        presenter.load(0);
    }

    @Override
    public void showPage(PageResult<AuditEntry> page) {
        grid.setItems(page.items());
        pager.show(page);
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }
}
