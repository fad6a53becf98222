package com.kakehashi.console.schedule;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.InstrumentVersionChoice;
import com.kakehashi.console.api.QuestionnaireItem;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A published instrument's questions with the HQ and Japan wordings, English and Japanese side by side. */
public class InstrumentPanel extends VerticalLayout implements InstrumentPresenter.View {

    private final Select<InstrumentVersionChoice> versions = new Select<>();
    private final Grid<QuestionnaireItem> grid = new Grid<>();
    private final InstrumentPresenter presenter;
    private boolean loading;

    public InstrumentPanel(ConsoleSession session, UUID tenantId) {
        presenter = new InstrumentPresenter(session.api(), tenantId, this);
        setSizeFull();
        setPadding(false);

        versions.setId("instrument-version");
        versions.setLabel(getTranslation("instrument.version"));
        versions.setItemLabelGenerator(InstrumentVersionChoice::label);
        versions.setWidth("28em");
        versions.addValueChangeListener(e -> {
            if (!loading) {
                presenter.select(e.getValue());
            }
        });

        grid.setId("instrument-items");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(i -> getTranslation("instrument.sign." + i.sign()) + (i.reverseKeyed() ? " (R)" : ""))
                .setHeader(getTranslation("instrument.sign")).setWidth("11em").setFlexGrow(0);
        grid.addColumn(i -> text(i.hqEn())).setHeader(getTranslation("instrument.hqEn"));
        grid.addColumn(i -> text(i.hqJa())).setHeader(getTranslation("instrument.hqJa"));
        grid.addColumn(i -> text(i.japanEn())).setHeader(getTranslation("instrument.japanEn"));
        grid.addColumn(i -> text(i.japanJa())).setHeader(getTranslation("instrument.japanJa"));
        grid.setEmptyStateText(getTranslation("instrument.empty"));
        add(versions, grid);
        presenter.load();
    }

    private static String text(String value) {
        return Objects.requireNonNullElse(value, "–");
    }

    @Override
    public void showVersions(List<InstrumentVersionChoice> choices, InstrumentVersionChoice selected) {
        loading = true;
        versions.setItems(choices);
        versions.setValue(selected);
        loading = false;
    }

    @Override
    public void showItems(List<QuestionnaireItem> items) {
        grid.setItems(items);
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }
}
