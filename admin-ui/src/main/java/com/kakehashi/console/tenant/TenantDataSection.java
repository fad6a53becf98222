package com.kakehashi.console.tenant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Tenant;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;

import java.util.UUID;

/** Export of everything, and (operators) offboarding with the client's name typed to confirm. */
class TenantDataSection extends VerticalLayout implements TenantDataPresenter.View {

    private final TenantDataPresenter presenter;
    private final TextField confirmName = new TextField();

    TenantDataSection(ConsoleSession session, UUID tenantId) {
        presenter = new TenantDataPresenter(session.api(), session.user(), tenantId, this);
        setPadding(false);
        presenter.load();
    }

    @Override
    public void show(Tenant tenant, boolean offboarding) {
        removeAll();
        DownloadHandler zip = event -> {
            event.setFileName(presenter.exportFileName());
            event.setContentType("application/zip");
            presenter.export(event.getOutputStream());
        };
        var export = new Anchor(zip, getTranslation("tenantData.export"));
        export.setId("tenant-export");
        add(new H3(getTranslation("tenantData.title")), new Paragraph(getTranslation("tenantData.export.intro")), export);
        if (!offboarding) {
            return;
        }
        confirmName.setId("tenant-offboard-name");
        confirmName.setLabel(getTranslation("tenantData.offboard.confirm", tenant.name()));
        confirmName.setWidth("24em");
        var offboard = new Button(getTranslation("tenantData.offboard"), e -> presenter.offboard(confirmName.getValue()));
        offboard.setId("tenant-offboard");
        offboard.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        add(new H3(getTranslation("tenantData.offboard.title")), new Paragraph(getTranslation("tenantData.offboard.intro")),
                confirmName, offboard);
    }

    @Override
    public void nameDoesNotMatch() {
        confirmName.setErrorMessage(getTranslation("tenantData.offboard.mismatch"));
        confirmName.setInvalid(true);
    }

    @Override
    public void offboarded(String name) {
        Problems.success(getTranslation("tenantData.offboarded", name));
        UI.getCurrent().navigate(TenantListView.class);
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }
}
