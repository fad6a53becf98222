package com.kakehashi.console.dashboard;

import com.kakehashi.console.dashboard.DashboardPresenter.Cell;
import com.kakehashi.console.dashboard.DashboardPresenter.Dashboard;
import com.kakehashi.console.dashboard.DashboardPresenter.SignSeries;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Small multiples: every warning sign in its own small chart, HQ and Japan on the same 0–100 scale with the gap
 * shaded between them, so the pattern across signs shows at once. All nine are drawn by one script call. A click on
 * a cell asks for that sign's detailed chart.
 */
class SignGrid extends Div {

    private final Consumer<String> onOpen;
    private final List<Div> cells = new ArrayList<>();
    private String payload;
    private Runnable afterDraw = () -> { };
    private boolean pending;
    /** Per sign, the words of the action markers on its chart, for the cell's tooltip. */
    private final Map<String, String> actionWords = new java.util.HashMap<>();

    SignGrid(Consumer<String> onOpen) {
        this.onOpen = onOpen;
        setId("dashboard-sign-grid");
        addClassName("sign-grid");
    }

    /** Draws the dashboard's signs, then runs {@code afterDraw} once the browser has drawn them. */
    void show(Dashboard dashboard, List<String> labels, Set<String> alerting, Runnable afterDraw) {
        this.afterDraw = afterDraw;
        removeAll();
        cells.clear();
        actionWords.clear();
        List<Map<String, Object>> data = new ArrayList<>();
        for (SignSeries sign : dashboard.signs()) {
            var cell = new Div();
            cell.addClassName("sign-cell");
            cell.setId("sign-cell-" + sign.sign());
            cell.getElement().setAttribute("data-sign", sign.sign());
            cell.getElement().setAttribute("role", "button");
            cell.getElement().setAttribute("tabindex", "0");
            var title = new Span();
            title.addClassName("sign-cell-title");
            cell.add(title);
            var chart = new Div();
            chart.addClassName("sign-cell-chart");
            chart.getElement().appendChild(new Element("canvas"));
            cell.add(chart);
            cell.addClickListener(e -> onOpen.accept(sign.sign()));
            cell.getElement().addEventListener("keydown", e -> onOpen.accept(sign.sign())).setFilter("event.key === 'Enter'");
            cells.add(cell);
            add(cell);
            data.add(cellData(sign, dashboard));
        }
        markAlerting(alerting);
        var all = new LinkedHashMap<String, Object>();
        all.put("labels", labels);
        all.put("isoDates", dashboard.waves().stream().map(Object::toString).toList());
        all.put("markers", SignDetail.markerLabels(dashboard, this::getTranslation, "ja".equals(getLocale().getLanguage())));
        all.put("highRisk", DashboardPresenter.HIGH_RISK);
        all.put("names", Map.of("hq", getTranslation("dashboard.side.HQ"), "japan", getTranslation("dashboard.side.JAPAN")));
        all.put("cells", data);
        payload = ChartCanvas.json(all);
        drawBeforeNextResponse();
    }

    /** One draw per response, however often the data and the attach ask for it. */
    private void drawBeforeNextResponse() {
        if (pending) {
            return;
        }
        pending = true;
        getElement().getNode().runWhenAttached(ui -> ui.beforeClientResponse(this, context -> {
            pending = false;
            draw();
        }));
    }

    /** The sign's name, with ⚠ where it has an open alert. */
    void markAlerting(Set<String> alerting) {
        for (Div cell : cells) {
            String sign = cell.getElement().getAttribute("data-sign");
            boolean alert = alerting.contains(sign);
            cell.getChildren().findFirst().ifPresent(t -> ((Span) t).setText(
                    (alert ? "⚠ " : "") + getTranslation("instrument.sign." + sign)));
            cell.setClassName("sign-cell-alerting", alert);
            String actions = actionWords.getOrDefault(sign, "");
            cell.getElement().setAttribute("title", getTranslation("dashboard.grid.open")
                    + (alert ? " · " + getTranslation("dashboard.alert.onSign") : "") + (actions.isEmpty() ? "" : "\n" + actions));
        }
    }

    private Map<String, Object> cellData(SignSeries sign, Dashboard dashboard) {
        var m = new LinkedHashMap<String, Object>();
        m.put("sign", sign.sign());
        // Every chart's markers and those of the actions targeting this sign: not the other signs' actions.
        var markers = SignDetail.markerLabels(dashboard, sign.sign(), this::getTranslation, "ja".equals(getLocale().getLanguage()));
        m.put("markers", markers);
        actionWords.put(sign.sign(), markers.stream().filter(x -> x.containsKey("action")).map(x -> (String) x.get("label"))
                .collect(java.util.stream.Collectors.joining("\n")));
        m.put("hq", sign.hq().stream().map(Cell::value).toList());
        m.put("japan", sign.japan().stream().map(Cell::value).toList());
        // The reason code marks the point; the words are in the detailed chart and its notes.
        m.put("hqSuppressed", sign.hq().stream().map(Cell::suppressed).toList());
        m.put("japanSuppressed", sign.japan().stream().map(Cell::suppressed).toList());
        return m;
    }

    /** A draw queued for a response that never came to this component must not block the next one. */
    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        pending = false;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        ChartCanvas.loadScripts(attachEvent.getUI());
        if (payload != null) {
            drawBeforeNextResponse();
        }
    }

    private void draw() {
        getElement().executeJs("return window.kakehashiCharts.grid(this, JSON.parse($0))", payload)
                .then(ignored -> afterDraw.run(), error -> afterDraw.run());
    }
}
