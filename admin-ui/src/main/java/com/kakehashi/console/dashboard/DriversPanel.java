package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

import java.util.List;

/** "What drives alignment here", HQ and Japan side by side: one bar per sign with its interval. Lays out only. */
public class DriversPanel extends Div implements DriversPresenter.View {

    private final Div columns = new Div();

    public DriversPanel() {
        setId("dashboard-drivers");
        addClassName("dashboard-drivers");
        var title = new H3(getTranslation("dashboard.drivers.title"));
        title.addClassName("dashboard-section-title");
        var note = new Div(getTranslation("dashboard.drivers.note"));
        note.addClassName("dashboard-drivers-note");
        columns.addClassName("dashboard-drivers-columns");
        add(title, note, columns);
    }

    @Override
    public void showDrivers(List<DriversPresenter.Column> shown) {
        columns.removeAll();
        for (DriversPresenter.Column column : shown) {
            var box = new Div();
            box.addClassName("dashboard-box");
            box.setId("dashboard-drivers-" + column.side().name());
            box.add(new H3(getTranslation(column.sideKey())));
            if (column.refusedKey() != null) {
                var refused = new Div(getTranslation(column.refusedKey(), column.n(), column.minimum()));
                refused.addClassName("dashboard-drivers-refused");
                box.add(refused);
                columns.add(box);
                continue;
            }
            box.add(new Div(getTranslation("dashboard.drivers.explained", column.explained(), column.explainedInterval(),
                    column.n())));
            for (DriversPresenter.Row row : column.rows()) {
                var line = new Div();
                line.addClassName("driver-row");
                line.getElement().setAttribute("data-sign", row.sign());
                var label = new Span(getTranslation(row.signKey()));
                label.addClassName("driver-label");
                var track = new Div();
                track.addClassName("driver-track");
                var bar = new Div();
                bar.addClassName("driver-bar");
                bar.getStyle().set("width", row.barPercent() + "%");
                var interval = new Div();
                interval.addClassName("driver-interval");
                interval.getStyle().set("left", row.lowPercent() + "%")
                        .set("width", Math.max(0, row.highPercent() - row.lowPercent()) + "%");
                track.add(bar, interval);
                var value = new Span(row.share() + " (" + row.interval() + ")");
                value.addClassName("driver-value");
                line.add(label, track, value);
                box.add(line);
            }
            columns.add(box);
        }
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }
}
