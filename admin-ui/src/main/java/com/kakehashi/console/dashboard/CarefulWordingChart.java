package com.kakehashi.console.dashboard;

import com.kakehashi.console.dashboard.DashboardPresenter.Cell;
import com.kakehashi.console.dashboard.DashboardPresenter.Dashboard;
import com.vaadin.flow.component.html.Div;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fourth silence signal over time, next to the response rates: the share of each side's comments with a
 * marker of indirect disagreement, HQ against Japan. A wave whose share is hidden (fewer comments than the
 * comment threshold, derivable, none) is a gap in the line with a ring on the axis, its reason in the tooltip,
 * and the hidden waves of each side and reason listed in words below the chart.
 */
class CarefulWordingChart extends Div {

    private final ChartCanvas chart = new ChartCanvas("dashboard-careful-chart");
    private final Div notes = new Div();
    private final Div empty = new Div();

    CarefulWordingChart() {
        setId("dashboard-careful");
        addClassName("dashboard-careful");
        notes.setId("dashboard-careful-notes");
        notes.addClassName("dashboard-notes");
        empty.setId("dashboard-careful-empty");
        var help = new Div(getTranslation("dashboard.careful.help"));
        help.addClassName("dashboard-help");
        add(chart, help, notes, empty);
    }

    void show(Dashboard dashboard, List<String> labels) {
        var wording = dashboard.wording();
        notes.removeAll();
        boolean none = wording.isEmpty();
        chart.setVisible(!none);
        empty.setVisible(none);
        empty.setText(none ? getTranslation("dashboard.careful.none") : "");
        if (none) {
            return;
        }
        int threshold = wording.commentThreshold();
        List<Object> datasets = List.of(
                line(getTranslation("dashboard.side.HQ"), SignDetail.HQ_COLOUR, wording.hq(), threshold),
                line(getTranslation("dashboard.side.JAPAN"), SignDetail.JAPAN_COLOUR, wording.japan(), threshold));
        chart.show(config(dashboard, labels, datasets));
        note("dashboard.side.HQ", wording.hq(), labels, threshold);
        note("dashboard.side.JAPAN", wording.japan(), labels, threshold);
    }

    private Map<String, Object> line(String label, String colour, List<Cell> cells, int threshold) {
        var line = new LinkedHashMap<String, Object>();
        line.put("label", label);
        line.put("data", cells.stream().map(c -> c.value() == null ? null : c.value() * 100).toList());
        line.put("n", cells.stream().map(Cell::n).toList());
        line.put("suppressed", cells.stream().map(c -> c.suppressed() == null ? null
                : getTranslation("dashboard.suppressed." + c.suppressed(), threshold)).toList());
        line.put("borderColor", colour);
        line.put("backgroundColor", colour);
        line.put("spanGaps", false);
        line.put("tension", 0.2);
        line.put("pointRadius", 2.5);
        return line;
    }

    /** Per side and reason one line with the waves it hides, so two years of waves stay a few lines. */
    private void note(String sideKey, List<Cell> cells, List<String> labels, int threshold) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (int i = 0; i < cells.size() && i < labels.size(); i++) {
            String reason = cells.get(i).suppressed();
            if (reason != null) {
                byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(labels.get(i));
            }
        }
        byReason.forEach((reason, waves) -> {
            var line = new Div(getTranslation(sideKey) + " · " + getTranslation("dashboard.suppressed." + reason, threshold)
                    + ": " + String.join(", ", waves));
            line.addClassName("dashboard-suppressed-note");
            line.getElement().setAttribute("data-reason", reason);
            notes.add(line);
        });
    }

    private Map<String, Object> config(Dashboard dashboard, List<String> labels, List<Object> datasets) {
        var plugins = new LinkedHashMap<String, Object>();
        plugins.put("legend", Map.of("position", "bottom"));
        plugins.put("kkhMarkers", Map.of("markers", SignDetail.markerLabels(dashboard, this::getTranslation,
                "ja".equals(getLocale().getLanguage()))));
        // Rings on the axis rather than a labelled line per hidden wave: two years of holidays would cover the chart.
        plugins.put("kkhSuppressed", Map.of("compact", true));
        var options = new LinkedHashMap<String, Object>();
        options.put("responsive", true);
        options.put("maintainAspectRatio", false);
        options.put("animation", false);
        options.put("interaction", Map.of("mode", "index", "intersect", false));
        options.put("plugins", plugins);
        options.put("scales", Map.of(
                "x", Map.of("title", Map.of("display", true, "text", getTranslation("dashboard.axis.wave")),
                        "ticks", Map.of("maxRotation", 0, "autoSkipPadding", 16)),
                "y", Map.of("min", 0, "max", 100, "title", Map.of("display", true, "text", getTranslation("dashboard.axis.careful")))));
        var cfg = new LinkedHashMap<String, Object>();
        cfg.put("type", "line");
        cfg.put("percent", true);
        // The dates beside the labels, so a browser test can place each value in the story without parsing labels.
        cfg.put("data", Map.of("labels", labels, "isoDates", dashboard.waves().stream().map(java.time.LocalDate::toString).toList(),
                "datasets", datasets));
        cfg.put("options", options);
        return cfg;
    }
}
