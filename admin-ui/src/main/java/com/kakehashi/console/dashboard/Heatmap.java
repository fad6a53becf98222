package com.kakehashi.console.dashboard;

import com.kakehashi.console.dashboard.DashboardPresenter.Cell;
import com.kakehashi.console.dashboard.DashboardPresenter.Dashboard;
import com.kakehashi.console.dashboard.DashboardPresenter.SignSeries;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import java.util.List;
import java.util.Set;

/** Warning signs × waves, coloured by everyone's risk index; suppressed cells hatched, signs with alerts marked. */
class Heatmap extends Div {

    Heatmap() {
        setId("dashboard-heatmap");
        addClassName("dashboard-heatmap");
    }

    void show(Dashboard dashboard, List<String> labels, Set<String> alertingSigns) {
        removeAll();
        var table = new Div();
        table.addClassName("heatmap-table");
        table.getStyle().set("grid-template-columns", "minmax(10rem, max-content) repeat("
                + Math.max(1, dashboard.waves().size()) + ", minmax(4.5rem, 1fr))");
        table.add(cell("", "heatmap-head"));
        if (dashboard.isEmpty()) {
            table.add(cell(getTranslation("dashboard.noWaves"), "heatmap-head"));
        }
        labels.forEach(l -> table.add(cell(l, "heatmap-head")));
        for (SignSeries sign : dashboard.signs()) {
            boolean alerting = alertingSigns.contains(sign.sign());
            var name = cell((alerting ? "⚠ " : "") + getTranslation("instrument.sign." + sign.sign()), "heatmap-sign");
            if (alerting) {
                name.addClassName("heatmap-alerting");
                name.getElement().setAttribute("title", getTranslation("dashboard.alert.onSign"));
            }
            table.add(name);
            for (Cell c : sign.all()) {
                table.add(valueCell(c, dashboard.anonymityThreshold()));
            }
            if (dashboard.isEmpty()) {
                table.add(cell("", "heatmap-missing"));
            }
        }
        var legend = new Div();
        legend.addClassName("heatmap-legend");
        legend.setId("dashboard-heatmap-legend");
        legend.add(new Span(getTranslation("dashboard.legend.low")));
        var gradient = new Span();
        gradient.addClassName("heatmap-gradient");
        legend.add(gradient, new Span(getTranslation("dashboard.legend.high")));
        var swatch = new Span("⊘");
        swatch.addClassName("heatmap-suppressed");
        swatch.addClassName("heatmap-swatch");
        legend.add(swatch, new Span(getTranslation("dashboard.suppressed.BELOW_K", dashboard.anonymityThreshold())));
        add(table, legend);
    }

    private Div valueCell(Cell c, int k) {
        if (c.value() != null) {
            var d = cell(String.format(getLocale(), "%.0f", c.value()), "heatmap-value");
            d.getStyle().set("background-color", colour(c.value()));
            d.getElement().setAttribute("title", "n = " + c.n());
            return d;
        }
        var d = cell(c.suppressed() == null ? "" : "⊘", c.suppressed() == null ? "heatmap-missing" : "heatmap-suppressed");
        if (c.suppressed() != null) {
            d.getElement().setAttribute("title", getTranslation("dashboard.suppressed." + c.suppressed(), k));
        }
        return d;
    }

    /** 0 (low risk) green through amber to 100 (high risk) red. */
    static String colour(double value) {
        double v = Math.max(0, Math.min(100, value));
        return "hsl(" + Math.round(120 * (1 - v / 100)) + ", 65%, 72%)";
    }

    private static Div cell(String text, String className) {
        var d = new Div();
        d.setText(text);
        d.addClassName("heatmap-cell");
        d.addClassName(className);
        return d;
    }
}
