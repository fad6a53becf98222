package com.kakehashi.console.tenant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Member;
import com.kakehashi.console.api.Role;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.kakehashi.console.api.User;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.util.List;
import java.util.UUID;

class MembersPanel extends VerticalLayout implements MembersPresenter.View {

    private final Grid<Member> grid = new Grid<>();
    private final ComboBox<User> consultant = new ComboBox<>(getTranslation("members.consultant"));
    private final HorizontalLayout assignBar;
    private final Grid.Column<Member> actions;
    private final Grid.Column<Member> participantAdmin;
    private boolean grantable;
    private final MembersPresenter presenter;

    MembersPanel(ConsoleSession session, UUID tenantId) {
        presenter = new MembersPresenter(session.api(), session.user(), tenantId, this);
        setSizeFull();
        setPadding(false);

        consultant.setId("member-consultant");
        consultant.setItemLabelGenerator(u -> u.displayName() + " <" + u.email() + ">");
        consultant.setWidth("24em");
        var assign = new Button(getTranslation("members.assign"), e -> presenter.assign(consultant.getValue()));
        assign.setId("member-assign");
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assignBar = new HorizontalLayout(consultant, assign);
        assignBar.setAlignItems(Alignment.BASELINE);

        grid.setId("member-grid");
        grid.addColumn(Member::displayName).setHeader(getTranslation("common.displayName"));
        grid.addColumn(Member::email).setHeader(getTranslation("common.email"));
        grid.addColumn(m -> getTranslation("role." + m.role().name())).setHeader(getTranslation("common.role"));
        participantAdmin = grid.addComponentColumn(m -> {
            if (m.role() != Role.EXECUTIVE) {
                return new Span();
            }
            var box = new Checkbox(getTranslation("members.participantAdmin"), m.participantAdmin());
            box.addClassName("member-participant-admin");
            box.getElement().setAttribute("data-email", m.email());
            box.setEnabled(grantable);
            box.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    presenter.setParticipantAdmin(m, e.getValue());
                }
            });
            return box;
        }).setHeader(getTranslation("members.participantAdmin")).setAutoWidth(true);
        actions = grid.addComponentColumn(m -> {
            var remove = new Button(getTranslation("members.unassign"), e -> presenter.unassign(m));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        add(assignBar, grid);
        presenter.load();
    }

    @Override
    public void showMembers(List<Member> members, boolean manageable, boolean grantable) {
        this.grantable = grantable;
        participantAdmin.setVisible(members.stream().anyMatch(m -> m.role() == Role.EXECUTIVE));
        assignBar.setVisible(manageable);
        actions.setVisible(manageable);
        grid.setItems(members);
    }

    @Override
    public void showAssignableConsultants(List<User> consultants) {
        consultant.clear();
        consultant.setItems(consultants);
    }

    @Override
    public void showParticipantAdminChanged(Member member) {
        Problems.success(getTranslation(member.participantAdmin() ? "members.participantAdmin.granted"
                : "members.participantAdmin.revoked", member.displayName()));
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }
}
