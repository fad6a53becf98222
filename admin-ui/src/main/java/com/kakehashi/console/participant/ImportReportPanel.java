package com.kakehashi.console.participant;

import com.kakehashi.console.api.ImportReport;
import com.kakehashi.console.api.ImportReport.ImportLineError;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The outcome of a CSV import: counts, and the rejected lines with the reason for each. */
class ImportReportPanel extends VerticalLayout {

    private final Span created = new Span();
    private final Span updated = new Span();
    private final Span unchanged = new Span();
    private final Span rejected = new Span();
    private final Grid<ImportLineError> errors = new Grid<>();

    ImportReportPanel() {
        setId("import-report");
        addClassName("import-report");
        setPadding(false);
        setVisible(false);
        created.setId("import-created");
        updated.setId("import-updated");
        unchanged.setId("import-unchanged");
        rejected.setId("import-rejected");
        created.getElement().getThemeList().add("badge success");
        updated.getElement().getThemeList().add("badge");
        unchanged.getElement().getThemeList().add("badge contrast");
        rejected.getElement().getThemeList().add("badge error");

        errors.setId("import-errors");
        errors.addThemeVariants(GridVariant.LUMO_COMPACT);
        errors.addColumn(ImportLineError::line).setHeader(getTranslation("import.line")).setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(ImportLineError::field).setHeader(getTranslation("import.field")).setAutoWidth(true);
        errors.addColumn(ImportLineError::reason).setHeader(getTranslation("import.reason")).setFlexGrow(3);
        errors.setAllRowsVisible(true);
        add(new HorizontalLayout(new Span(getTranslation("import.title")), created, updated, unchanged, rejected), errors);
    }

    void show(ImportReport report) {
        created.setText(getTranslation("import.created", report.created()));
        updated.setText(getTranslation("import.updated", report.updated()));
        unchanged.setText(getTranslation("import.unchanged", report.unchanged()));
        rejected.setText(getTranslation("import.rejected", report.rejected()));
        errors.setItems(report.errors());
        errors.setVisible(!report.errors().isEmpty());
        setVisible(true);
    }
}
