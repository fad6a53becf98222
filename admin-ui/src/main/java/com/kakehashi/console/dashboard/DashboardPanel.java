package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.dashboard.DashboardPresenter.Cell;
import com.kakehashi.console.dashboard.DashboardPresenter.Dashboard;
import com.kakehashi.console.dashboard.DashboardPresenter.SignSeries;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.Formats;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The executive dashboard: filters, open alerts, charts and a heatmap of the tenant's warning signs over the
 * waves, then one closed wave's silence signals and comments. Three presenters decide; this lays out.
 */
public class DashboardPanel extends VerticalLayout implements DashboardPresenter.View {

    private static final String HQ_COLOUR = "#1f6fd1";
    private static final String JAPAN_COLOUR = "#d1342f";
    private static final String GAP_COLOUR = "#7b3fb3";

    private final DashboardPresenter presenter;
    private final AlertsPresenter alertsPresenter;
    private final WaveDetailPresenter wavePresenter;
    private final DashboardFilterBar filters;
    private final AlertsPanel alerts;
    private final WaveDetailPanel waveDetail = new WaveDetailPanel();
    private final Select<String> signSelect = new Select<>();
    private final Span status = new Span();
    private final Span printedFilter = new Span();
    private final Span signAlert = new Span();
    private final ChartCanvas signChart = new ChartCanvas("dashboard-sign-chart");
    private final ChartCanvas gapChart = new ChartCanvas("dashboard-gap-chart");
    private final ChartCanvas rateChart = new ChartCanvas("dashboard-rate-chart");
    private final Div suppressedNotes = new Div();
    private final Heatmap heatmap = new Heatmap();
    private Set<String> alertingSigns = new java.util.HashSet<>();
    private Dashboard dashboard;

    public DashboardPanel(ConsoleSession session, UUID tenantId) {
        presenter = new DashboardPresenter(session.api(), tenantId, this);
        filters = new DashboardFilterBar(presenter::apply);
        alerts = new AlertsPanel(this::markAlertingSigns);
        alertsPresenter = new AlertsPresenter(session.api(), session.user(), tenantId, alerts);
        alerts.presenter = alertsPresenter;
        wavePresenter = new WaveDetailPresenter(session.api(), tenantId, waveDetail);
        waveDetail.presenter = wavePresenter;
        setId("dashboard");
        addClassName("dashboard");
        setPadding(false);

        signSelect.setId("dashboard-sign");
        signSelect.setLabel(getTranslation("dashboard.sign"));
        signSelect.setItemLabelGenerator(sign -> (alertingSigns.contains(sign) ? "⚠ " : "")
                + getTranslation("instrument.sign." + sign));
        signSelect.addValueChangeListener(e -> {
            if (e.getValue() != null && dashboard != null) {
                showSign(e.getValue());
            }
        });
        status.setId("dashboard-status");
        status.addClassName("dashboard-status");
        signAlert.setId("dashboard-sign-alert");
        signAlert.addClassName("dashboard-sign-alert");
        signAlert.setText("⚠ " + getTranslation("dashboard.alert.onSign"));
        signAlert.setVisible(false);
        suppressedNotes.setId("dashboard-suppressed");
        suppressedNotes.addClassName("dashboard-notes");

        var print = new Button(getTranslation("dashboard.print"), e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setId("dashboard-print");
        print.addClassName("dashboard-no-print");
        filters.add(signSelect, print);

        var trends = box("dashboard.trend", signAlert, signChart, suppressedNotes);
        var gaps = box("dashboard.gap", gapChart, new Span(getTranslation("dashboard.gap.help")));
        var rates = box("dashboard.rates", rateChart);
        var charts = new FlexLayout(trends, gaps, rates);
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.addClassName("dashboard-charts");
        charts.setWidthFull();
        printedFilter.setId("dashboard-printed-filter");
        printedFilter.addClassName("dashboard-print-only");
        add(printedFilter, status, filters, alerts, charts, new H3(getTranslation("dashboard.heatmap")), heatmap, waveDetail);
    }

    /** Loads when the tab is first shown, not when the tenant page is built. */
    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (dashboard == null) {
            alertsPresenter.load();
            presenter.load();
        }
    }

    @Override
    public void showFilter(List<Engagement> engagements, DashboardFilter filter) {
        filters.show(engagements, filter);
    }

    @Override
    public void showFilterProblem(String messageKey) {
        filters.showProblem(getTranslation(messageKey));
    }

    private void markAlertingSigns(Set<String> signs) {
        alertingSigns = new java.util.HashSet<>(signs); // a mutable set: contains(null) must answer, not throw
        String shown = signSelect.getValue();
        signSelect.getListDataView().refreshAll(); // relabels the ⚠ marks
        if (shown != null && !shown.equals(signSelect.getValue())) {
            signSelect.setValue(shown);
        }
        if (dashboard != null) {
            signAlert.setVisible(alertingSigns.contains(signSelect.getValue()));
            heatmap.show(dashboard, labels(), alertingSigns);
        }
    }

    private static Div box(String titleKey, com.vaadin.flow.component.Component... content) {
        var box = new Div();
        box.addClassName("dashboard-box");
        var title = new H3();
        title.getElement().setText(box.getTranslation(titleKey));
        box.add(title);
        box.add(content);
        return box;
    }

    @Override
    public void showDashboard(Dashboard dashboard) {
        this.dashboard = dashboard;
        filters.clearProblem();
        printedFilter.setText(filters.summary());
        status.setText(dashboard.isEmpty() ? getTranslation("dashboard.empty", dashboard.anonymityThreshold())
                : getTranslation("dashboard.threshold", dashboard.anonymityThreshold()));
        var signs = dashboard.signs().stream().map(SignSeries::sign).toList();
        String previous = signSelect.getValue();
        signSelect.setItems(signs);
        if (!signs.isEmpty()) {
            // Keep the sign the user was looking at when a filter changes; a changed value fires showSign.
            String next = signs.contains(previous) ? previous : signs.getFirst();
            if (next.equals(signSelect.getValue())) {
                showSign(next);
            } else {
                signSelect.setValue(next);
            }
        } else {
            showSign(null);
        }
        rateChart.show(rateConfig(dashboard));
        heatmap.show(dashboard, labels(), alertingSigns);
        wavePresenter.offer(dashboard.detailWaves());
    }

    private void showSign(String sign) {
        signAlert.setVisible(sign != null && alertingSigns.contains(sign));
        SignSeries series = sign == null ? null : dashboard.sign(sign);
        List<String> labels = labels();
        List<Object> datasets = new ArrayList<>();
        List<Object> gapSets = new ArrayList<>();
        suppressedNotes.removeAll();
        if (series != null) {
            datasets.add(lineDataset(getTranslation("dashboard.side.HQ"), HQ_COLOUR, series.hq()));
            datasets.add(lineDataset(getTranslation("dashboard.side.JAPAN"), JAPAN_COLOUR, series.japan()));
            gapSets.add(lineDataset(getTranslation("dashboard.gapSeries"), GAP_COLOUR, series.gap()));
            note("dashboard.side.HQ", series.hq());
            note("dashboard.side.JAPAN", series.japan());
            note("dashboard.gapSeries", series.gap());
        }
        signChart.show(lineConfig(labels, datasets, 0, 100, getTranslation("dashboard.axis.index")));
        gapChart.show(lineConfig(labels, gapSets, -100, 100, getTranslation("dashboard.axis.gap")));
    }

    private void note(String seriesKey, List<Cell> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).suppressed() != null) {
                var line = new Div(getTranslation(seriesKey) + " · " + labels().get(i) + ": "
                        + suppressedText(cells.get(i).suppressed()));
                line.addClassName("dashboard-suppressed-note");
                suppressedNotes.add(line);
            }
        }
    }

    private String suppressedText(String code) {
        return getTranslation("dashboard.suppressed." + code, dashboard.anonymityThreshold());
    }

    /** Wave dates; when several waves share a date they are numbered (#1, #2) in the order they opened. */
    private List<String> labels() {
        Locale locale = getLocale();
        Map<java.time.LocalDate, Long> perDate = dashboard.waves().stream()
                .collect(java.util.stream.Collectors.groupingBy(d -> d, java.util.stream.Collectors.counting()));
        Map<java.time.LocalDate, Integer> seen = new java.util.HashMap<>();
        List<String> labels = new ArrayList<>();
        for (var d : dashboard.waves()) {
            String label = Formats.date(d, locale);
            if (perDate.get(d) > 1) {
                label += " #" + seen.merge(d, 1, Integer::sum);
            }
            labels.add(label);
        }
        return labels;
    }

    private Map<String, Object> lineDataset(String label, String colour, List<Cell> cells) {
        List<Double> data = new ArrayList<>();
        List<String> suppressed = new ArrayList<>();
        List<String> shortTexts = new ArrayList<>();
        for (Cell c : cells) {
            data.add(c.value()); // null: a gap in the line, never a zero
            suppressed.add(c.suppressed() == null ? null : suppressedText(c.suppressed()));
            shortTexts.add(c.suppressed() == null ? null
                    : getTranslation("dashboard.suppressedShort." + c.suppressed(), dashboard.anonymityThreshold()));
        }
        var ds = new LinkedHashMap<String, Object>();
        ds.put("label", label);
        ds.put("data", data);
        ds.put("suppressed", suppressed);
        ds.put("suppressedShort", shortTexts);
        ds.put("borderColor", colour);
        ds.put("backgroundColor", colour);
        ds.put("spanGaps", false);
        ds.put("tension", 0.2);
        ds.put("pointRadius", 4);
        return ds;
    }

    private Map<String, Object> lineConfig(List<String> labels, List<Object> datasets, int min, int max, String yTitle) {
        var cfg = new LinkedHashMap<String, Object>();
        cfg.put("type", "line");
        cfg.put("data", Map.of("labels", labels, "datasets", datasets));
        cfg.put("options", options(min, max, yTitle));
        return cfg;
    }

    private Map<String, Object> options(int min, int max, String yTitle) {
        var options = new LinkedHashMap<String, Object>();
        options.put("responsive", true);
        options.put("maintainAspectRatio", false);
        options.put("animation", false);
        options.put("plugins", new LinkedHashMap<>(Map.of("legend", Map.of("position", "bottom"))));
        options.put("scales", Map.of(
                "x", Map.of("title", Map.of("display", true, "text", getTranslation("dashboard.axis.wave"))),
                "y", Map.of("min", min, "max", max, "title", Map.of("display", true, "text", yTitle))));
        return options;
    }

    private Map<String, Object> rateConfig(Dashboard dashboard) {
        List<String> labels = labels();
        var hq = new LinkedHashMap<String, Object>();
        hq.put("label", getTranslation("dashboard.side.HQ"));
        hq.put("data", dashboard.rates().stream().map(r -> r.hq() == null ? null : r.hq() * 100).toList());
        hq.put("backgroundColor", HQ_COLOUR);
        var japan = new LinkedHashMap<String, Object>();
        japan.put("label", getTranslation("dashboard.side.JAPAN"));
        japan.put("data", dashboard.rates().stream().map(r -> r.japan() == null ? null : r.japan() * 100).toList());
        japan.put("backgroundColor", JAPAN_COLOUR);
        var cfg = new LinkedHashMap<String, Object>();
        cfg.put("type", "bar");
        cfg.put("percent", true);
        cfg.put("data", Map.of("labels", labels, "datasets", List.of(hq, japan)));
        cfg.put("options", options(0, 100, getTranslation("dashboard.axis.rate")));
        return cfg;
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }
}
