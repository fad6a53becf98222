package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.dashboard.DashboardPresenter.Dashboard;
import com.kakehashi.console.dashboard.DashboardPresenter.StatusLine;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.Formats;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The executive dashboard, read top-down: a sentence per side, the filters, all nine warning signs as small
 * multiples (a click opens one in detail), then the open alerts, the heatmap by side, response rates, careful
 * wording, and one
 * wave's silence signals and comments. The grid comes in the first response; the rest follows once the browser
 * has drawn it, so the charts are on screen while alerts and comments are still being fetched.
 * Three presenters decide; this lays out.
 */
public class DashboardPanel extends VerticalLayout implements DashboardPresenter.View {

    private final DashboardPresenter presenter;
    private final AlertsPresenter alertsPresenter;
    private final WaveDetailPresenter wavePresenter;
    private final DashboardFilterBar filters;
    private final AlertsPanel alerts;
    private final WaveDetailPanel waveDetail = new WaveDetailPanel();
    private final DriversPanel drivers = new DriversPanel();
    private final DriversPresenter driversPresenter;
    private final Div statusLines = new Div();
    private final Div planLines = new Div();
    private final Span status = new Span();
    private final Span printedFilter = new Span();
    private final SignGrid grid = new SignGrid(this::openSign);
    private final Div gridLegend = new Div();
    private final ChartCanvas rateChart = new ChartCanvas("dashboard-rate-chart");
    private final CarefulWordingChart carefulChart = new CarefulWordingChart();
    private final Heatmap heatmap = new Heatmap();
    private final Div below = new Div();
    private Set<String> alertingSigns = new HashSet<>();
    private Dashboard dashboard;
    private boolean alertsLoaded;

    public DashboardPanel(ConsoleSession session, UUID tenantId) {
        presenter = new DashboardPresenter(session.api(), tenantId, this);
        filters = new DashboardFilterBar(presenter::apply);
        alerts = new AlertsPanel(this::markAlertingSigns);
        alertsPresenter = new AlertsPresenter(session.api(), session.user(), tenantId, alerts);
        alerts.presenter = alertsPresenter;
        wavePresenter = new WaveDetailPresenter(session.api(), tenantId, waveDetail);
        waveDetail.presenter = wavePresenter;
        wavePresenter.alsoShowThemes(new ThemesPresenter(session.api(), tenantId, waveDetail.themes), getLocale());
        driversPresenter = new DriversPresenter(session.api(), tenantId, drivers);
        setId("dashboard");
        addClassName("dashboard");
        setPadding(false);
        setSpacing(false);
        // The chart scripts come with the tenant page, so the tab does not wait for them when it opens.
        var current = com.vaadin.flow.component.UI.getCurrent();
        if (current != null) {
            ChartCanvas.loadScripts(current);
        }

        statusLines.setId("dashboard-status-lines");
        statusLines.addClassName("dashboard-status-lines");
        planLines.setId("dashboard-plans");
        planLines.addClassName("dashboard-status-lines");
        status.setId("dashboard-status");
        status.addClassName("dashboard-status");

        var print = new Button(getTranslation("dashboard.print"), e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setId("dashboard-print");
        print.addClassName("dashboard-no-print");
        filters.add(print);

        gridLegend.setId("dashboard-grid-legend");
        gridLegend.addClassName("sign-grid-legend");

        var rates = box("dashboard.rates", rateChart);
        rates.setId("dashboard-rates");
        var careful = box("dashboard.careful", carefulChart);
        careful.setId("dashboard-careful-box");
        var heatmapTitle = new H3(getTranslation("dashboard.heatmap.sides"));
        heatmapTitle.addClassName("dashboard-section-title");
        below.addClassName("dashboard-below");
        below.setWidthFull();
        // What was agreed sits below the grid: the grid must fit the first screen of a tablet (DashboardOverviewIT).
        // Careful wording beside the response rates: both are silence signals of the sides over time.
        below.add(planLines, alerts, heatmapTitle, heatmap, drivers, rates, careful, waveDetail);
        // Hidden until the grid has drawn: the first response carries only what the first look needs.
        below.setVisible(false);
        printedFilter.setId("dashboard-printed-filter");
        printedFilter.addClassName("dashboard-print-only");
        add(printedFilter, statusLines, filters, gridLegend, grid, status, below);
    }

    /** Loads when the tab is first shown, not when the tenant page is built. */
    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (dashboard == null) {
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
        alertingSigns = new HashSet<>(signs); // a mutable set: contains(null) must answer, not throw
        grid.markAlerting(alertingSigns);
        if (dashboard != null) {
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
    public void showPlans(DashboardPresenter.Plans plans) {
        planLines.removeAll();
        if (plans.register() != null) {
            var health = plans.register();
            int share = health.agreedShare() == null ? 0 : (int) Math.round(health.agreedShare() * 100);
            var line = new Div(getTranslation("dashboard.plans.register", health.agreed(), health.items(), share) + " · "
                    + getTranslation("dashboard.plans.disagreements", health.openDisagreements(),
                    health.oldestDisagreementDays() == null ? 0 : health.oldestDisagreementDays()));
            line.setId("dashboard-plans-register");
            line.addClassName("dashboard-status-line");
            planLines.add(line);
        }
        var actions = new Div(getTranslation("dashboard.plans.actions", plans.openActions(), plans.overdueActions()));
        actions.setId("dashboard-plans-actions");
        actions.addClassName("dashboard-status-line");
        if (plans.overdueActions() > 0) {
            actions.addClassName("dashboard-plans-overdue");
        }
        planLines.add(actions);
    }

    @Override
    public void showDashboard(Dashboard dashboard) {
        this.dashboard = dashboard;
        filters.clearProblem();
        printedFilter.setText(filters.summary());
        statusLines.removeAll();
        for (StatusLine line : dashboard.status()) {
            var text = new Div(StatusWords.line(line, this::getTranslation, getLocale()));
            text.addClassName("dashboard-status-line");
            text.setId("dashboard-status-" + line.side().name());
            statusLines.add(text);
        }
        status.setText(dashboard.isEmpty() ? getTranslation("dashboard.empty", dashboard.anonymityThreshold())
                : getTranslation("dashboard.threshold", dashboard.anonymityThreshold()));
        showLegend(dashboard);
        grid.show(dashboard, labels(), alertingSigns, this::showTheRest);
    }

    /** After the grid has drawn: alerts (once), heatmap, response rates and the wave detail. */
    private void showTheRest() {
        if (dashboard == null) {
            return;
        }
        below.setVisible(true);
        // The period before the load, so the first list already holds only this period's resolved conditions.
        alertsPresenter.period(presenter.periodStart(), presenter.filter() == null ? null : presenter.filter().end());
        if (!alertsLoaded) {
            alertsLoaded = true;
            alertsPresenter.load();
        }
        heatmap.show(dashboard, labels(), alertingSigns);
        rateChart.show(rateConfig(dashboard));
        carefulChart.show(dashboard, labels());
        wavePresenter.offer(dashboard.detailWaves());
        var filter = presenter.filter();
        driversPresenter.load(filter == null ? null : filter.engagementId(), presenter.periodStart(),
                filter == null ? null : filter.end());
    }

    private void showLegend(Dashboard dashboard) {
        gridLegend.removeAll();
        gridLegend.add(legendItem("sign-legend-hq", getTranslation("dashboard.side.HQ")),
                legendItem("sign-legend-japan", getTranslation("dashboard.side.JAPAN")),
                legendItem("sign-legend-gap", getTranslation("dashboard.grid.legend.gap")),
                legendItem("sign-legend-high", getTranslation("dashboard.grid.legend.high")),
                legendItem("sign-legend-suppressed", getTranslation("dashboard.grid.legend.suppressed", dashboard.anonymityThreshold())));
        // On the first row, in few words: another legend row would push the grid's last row off a tablet's first screen.
        if (dashboard.markers().stream().anyMatch(DashboardPresenter.Marker::isAction)) {
            var action = legendItem("sign-legend-action", getTranslation("dashboard.grid.legend.action"));
            action.setTitle(getTranslation("dashboard.grid.legend.actionHelp"));
            gridLegend.add(action);
        }
        for (var marker : SignDetail.markerLabels(dashboard, this::getTranslation, "ja".equals(getLocale().getLanguage()))) {
            gridLegend.add(legendItem("ENGAGEMENT_START".equals(marker.get("kind")) ? "sign-legend-start" : "sign-legend-event",
                    (String) marker.get("label")));
        }
    }

    private static Span legendItem(String className, String text) {
        var item = new Span(text);
        item.addClassName("sign-legend-item");
        item.addClassName(className);
        return item;
    }

    private void openSign(String sign) {
        if (dashboard == null || dashboard.sign(sign) == null) {
            return;
        }
        var detail = new SignDetail(dashboard, dashboard.sign(sign), labels(), alertingSigns.contains(sign),
                presenter.effectsOn(sign));
        detail.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                remove(detail);
            }
        });
        add(detail);
        detail.open();
    }

    /**
     * Wave dates; when several waves share a date they are numbered (#1, #2) in the order they opened; an open
     * wave says so, as it has no scores yet.
     */
    private List<String> labels() {
        Locale locale = getLocale();
        Map<java.time.LocalDate, Long> perDate = dashboard.waves().stream()
                .collect(java.util.stream.Collectors.groupingBy(d -> d, java.util.stream.Collectors.counting()));
        Map<java.time.LocalDate, Integer> seen = new java.util.HashMap<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < dashboard.waves().size(); i++) {
            var d = dashboard.waves().get(i);
            String label = Formats.date(d, locale);
            if (perDate.get(d) > 1) {
                label += " #" + seen.merge(d, 1, Integer::sum);
            }
            if (dashboard.open().get(i)) {
                label = getTranslation("dashboard.wave.openLabel", label);
            }
            labels.add(label);
        }
        return labels;
    }

    private Map<String, Object> rateConfig(Dashboard dashboard) {
        List<String> labels = labels();
        var hq = new LinkedHashMap<String, Object>();
        hq.put("label", getTranslation("dashboard.side.HQ"));
        hq.put("data", dashboard.rates().stream().map(r -> r.hq() == null ? null : r.hq() * 100).toList());
        hq.put("backgroundColor", SignDetail.HQ_COLOUR);
        var japan = new LinkedHashMap<String, Object>();
        japan.put("label", getTranslation("dashboard.side.JAPAN"));
        japan.put("data", dashboard.rates().stream().map(r -> r.japan() == null ? null : r.japan() * 100).toList());
        japan.put("backgroundColor", SignDetail.JAPAN_COLOUR);
        var options = new LinkedHashMap<String, Object>();
        options.put("responsive", true);
        options.put("maintainAspectRatio", false);
        options.put("animation", false);
        options.put("plugins", Map.of("legend", Map.of("position", "bottom"),
                "kkhMarkers", Map.of("markers", SignDetail.markerLabels(dashboard, this::getTranslation, "ja".equals(getLocale().getLanguage())))));
        options.put("scales", Map.of(
                "x", Map.of("title", Map.of("display", true, "text", getTranslation("dashboard.axis.wave")),
                        "ticks", Map.of("maxRotation", 0, "autoSkipPadding", 16)),
                "y", Map.of("min", 0, "max", 100, "title", Map.of("display", true, "text", getTranslation("dashboard.axis.rate")))));
        var cfg = new LinkedHashMap<String, Object>();
        cfg.put("type", "bar");
        cfg.put("percent", true);
        cfg.put("data", Map.of("labels", labels, "datasets", List.of(hq, japan)));
        cfg.put("options", options);
        return cfg;
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }
}
