package com.kakehashi.console.dashboard;

import com.kakehashi.console.dashboard.DashboardPresenter.Cell;
import com.kakehashi.console.dashboard.DashboardPresenter.Dashboard;
import com.kakehashi.console.dashboard.DashboardPresenter.Marker;
import com.kakehashi.console.dashboard.DashboardPresenter.SignSeries;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One warning sign in detail, opened from its small multiple: HQ and Japan with their 95% interval bands, the gap
 * with its interval around a zero line on a scale fitted to the data, the event markers, tooltips with n, and the
 * suppressed points in words.
 */
class SignDetail extends Dialog {

    static final String HQ_COLOUR = "#0072B2";
    static final String JAPAN_COLOUR = "#D55E00";
    static final String GAP_COLOUR = "#6a3d9a";

    private final ChartCanvas signChart = new ChartCanvas("dashboard-sign-chart");
    private final ChartCanvas gapChart = new ChartCanvas("dashboard-gap-chart");
    private final Div suppressedNotes = new Div();
    private final Div actionEffects = new Div();
    private final String sign;

    /** @param effects the effect of each action on this sign, per side (empty: no action targets it) */
    SignDetail(Dashboard dashboard, SignSeries sign, List<String> labels, boolean alerting,
               List<DashboardPresenter.ActionEffectLine> effects) {
        this.sign = sign.sign();
        setId("dashboard-sign-detail");
        addClassName("dashboard-sign-detail");
        setHeaderTitle(getTranslation("instrument.sign." + sign.sign()));
        setWidth("min(72rem, 96vw)");
        var close = new Button(getTranslation("dashboard.detail.close"), e -> close());
        close.setId("dashboard-sign-detail-close");
        getHeader().add(close);
        suppressedNotes.setId("dashboard-suppressed");
        suppressedNotes.addClassName("dashboard-notes");
        var alert = new Span("⚠ " + getTranslation("dashboard.alert.onSign"));
        alert.setId("dashboard-sign-alert");
        alert.addClassName("dashboard-sign-alert");
        alert.setVisible(alerting);

        int k = dashboard.anonymityThreshold();
        List<Object> sides = new ArrayList<>();
        sides.addAll(withBand(getTranslation("dashboard.side.HQ"), HQ_COLOUR, "rgba(0,114,178,0.15)", sign.hq(), k));
        sides.addAll(withBand(getTranslation("dashboard.side.JAPAN"), JAPAN_COLOUR, "rgba(213,94,0,0.15)", sign.japan(), k));
        List<Object> gap = withBand(getTranslation("dashboard.gapSeries"), GAP_COLOUR, "rgba(106,61,154,0.15)", sign.gap(), k);
        double[] range = DashboardPresenter.gapScale(sign);
        signChart.show(config(labels, sides, 0, 100, getTranslation("dashboard.axis.index"), dashboard, null));
        gapChart.show(config(labels, gap, range[0], range[1], getTranslation("dashboard.axis.gap"), dashboard, 0.0));
        note("dashboard.side.HQ", sign.hq(), labels, k);
        note("dashboard.side.JAPAN", sign.japan(), labels, k);
        note("dashboard.gapSeries", sign.gap(), labels, k);

        showEffects(effects);
        // The actions' effects beside the trend they are judged on.
        var trend = new Div(signChart, actionEffects);
        trend.addClassName("sign-detail-trend");
        trend.getStyle().set("display", "grid").set("gap", "var(--lumo-space-m)").set("align-items", "start")
                .set("grid-template-columns", effects.isEmpty() ? "minmax(0, 1fr)" : "minmax(0, 5fr) minmax(14rem, 2fr)");
        actionEffects.getStyle().set("max-height", "22rem").set("overflow-y", "auto");
        add(alert, title("dashboard.trend"), trend, title("dashboard.gap"), gapChart,
                new Span(getTranslation("dashboard.gap.help")), suppressedNotes);
    }

    private void showEffects(List<DashboardPresenter.ActionEffectLine> effects) {
        actionEffects.setId("dashboard-sign-actions");
        actionEffects.addClassName("sign-detail-actions");
        actionEffects.setVisible(!effects.isEmpty());
        if (effects.isEmpty()) {
            return;
        }
        var heading = new com.vaadin.flow.component.html.H4(getTranslation("dashboard.detail.actions"));
        actionEffects.add(heading);
        boolean japanese = "ja".equals(getLocale().getLanguage());
        String shownTitle = null;
        for (var e : effects) {
            if (!e.title().equals(shownTitle)) {
                var name = new Div(e.title());
                name.getStyle().set("font-weight", "600");
                actionEffects.add(name);
                shownTitle = e.title();
            }
            var verdict = new Span(getTranslation(e.verdictKey()));
            verdict.addClassName("action-badge");
            verdict.addClassName("action-verdict-" + e.verdict().toLowerCase(java.util.Locale.ROOT));
            var line = new Div(verdict, new Span(" " + e.summary(japanese))); // the words name the side
            line.addClassName("sign-detail-action-effect");
            line.getElement().setAttribute("data-action-id", e.actionId().toString());
            actionEffects.add(line);
        }
    }

    private H3 title(String key) {
        var h = new H3(getTranslation(key));
        h.addClassName("dashboard-detail-title");
        return h;
    }

    private void note(String seriesKey, List<Cell> cells, List<String> labels, int k) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).suppressed() != null) {
                var line = new Div(getTranslation(seriesKey) + " · " + labels.get(i) + ": "
                        + getTranslation("dashboard.suppressed." + cells.get(i).suppressed(), k));
                line.addClassName("dashboard-suppressed-note");
                suppressedNotes.add(line);
            }
        }
    }

    /** The series and, before it, its 95% interval as a band (two invisible lines filled between). */
    private List<Object> withBand(String label, String colour, String bandColour, List<Cell> cells, int k) {
        var low = new LinkedHashMap<String, Object>();
        low.put("label", getTranslation("dashboard.detail.band", label));
        low.put("band", true);
        low.put("data", cells.stream().map(Cell::low).toList());
        low.put("borderWidth", 0);
        low.put("pointRadius", 0);
        low.put("spanGaps", false);
        var high = new LinkedHashMap<String, Object>(low);
        high.put("data", cells.stream().map(Cell::high).toList());
        high.put("fill", "-1");
        high.put("backgroundColor", bandColour);
        var line = new LinkedHashMap<String, Object>();
        line.put("label", label);
        line.put("data", cells.stream().map(Cell::value).toList());
        line.put("ciLow", cells.stream().map(Cell::low).toList());
        line.put("ciHigh", cells.stream().map(Cell::high).toList());
        line.put("n", cells.stream().map(Cell::n).toList());
        line.put("suppressed", cells.stream().map(c -> c.suppressed() == null ? null
                : getTranslation("dashboard.suppressed." + c.suppressed(), k)).toList());
        line.put("suppressedShort", cells.stream().map(c -> c.suppressed() == null ? null
                : getTranslation("dashboard.suppressedShort." + c.suppressed(), k)).toList());
        line.put("borderColor", colour);
        line.put("backgroundColor", colour);
        line.put("spanGaps", false);
        line.put("tension", 0.2);
        line.put("pointRadius", 3);
        return List.of(low, high, line);
    }

    private Map<String, Object> config(List<String> labels, List<Object> datasets, double min, double max, String yTitle,
                                       Dashboard dashboard, Double zero) {
        var plugins = new LinkedHashMap<String, Object>();
        plugins.put("legend", Map.of("position", "bottom"));
        plugins.put("kkhMarkers", Map.of("markers", markers(dashboard)));
        if (zero != null) {
            plugins.put("kkhRule", Map.of("value", zero, "color", "#222", "width", 1.5));
        }
        var options = new LinkedHashMap<String, Object>();
        options.put("responsive", true);
        options.put("maintainAspectRatio", false);
        options.put("animation", false);
        options.put("interaction", Map.of("mode", "index", "intersect", false));
        options.put("plugins", plugins);
        options.put("scales", Map.of(
                "x", Map.of("title", Map.of("display", true, "text", getTranslation("dashboard.axis.wave")),
                        "ticks", Map.of("maxRotation", 0, "autoSkipPadding", 16)),
                "y", Map.of("min", min, "max", max, "title", Map.of("display", true, "text", yTitle))));
        var cfg = new LinkedHashMap<String, Object>();
        cfg.put("type", "line");
        cfg.put("ciLabel", getTranslation("dashboard.detail.ci"));
        cfg.put("data", Map.of("labels", labels, "datasets", datasets));
        cfg.put("options", options);
        return cfg;
    }

    private List<Map<String, Object>> markers(Dashboard dashboard) {
        return markerLabels(dashboard, sign, this::getTranslation, "ja".equals(getLocale().getLanguage()));
    }

    /** The markers of every chart (no action's), with the words drawn beside them. */
    static List<Map<String, Object>> markerLabels(Dashboard dashboard, StatusWords.Translator t, boolean japanese) {
        return markerLabels(dashboard, null, t, japanese);
    }

    /**
     * The markers of one sign's chart with the words drawn beside them: every chart's, and those of the actions
     * that target this sign (null: a chart of no sign, such as the response rates).
     */
    static List<Map<String, Object>> markerLabels(Dashboard dashboard, String sign, StatusWords.Translator t, boolean japanese) {
        List<Map<String, Object>> out = new ArrayList<>();
        java.util.Locale locale = japanese ? java.util.Locale.JAPANESE : java.util.Locale.ENGLISH;
        for (Marker m : dashboard.markers()) {
            if (!m.on(sign)) {
                continue;
            }
            String what = switch (m.kind()) {
                case ENGAGEMENT_START -> t.text("dashboard.marker.start", m.label(japanese));
                case ACTION_START -> t.text("dashboard.marker.actionStart", m.label(japanese));
                case ACTION_DONE -> t.text("dashboard.marker.actionEnd", m.label(japanese));
                case ACTION_DROPPED -> t.text("dashboard.marker.actionDropped", m.label(japanese));
                case EVENT -> m.label(japanese);
            };
            var marker = new java.util.LinkedHashMap<String, Object>();
            marker.put("kind", m.kind().name());
            marker.put("position", m.position());
            marker.put("label", what + " (" + com.kakehashi.console.shell.Formats.date(m.date(), locale) + ")");
            if (m.isAction()) {
                marker.put("action", m.actionId().toString());
                marker.put("title", m.label(japanese));
            }
            out.add(marker);
        }
        return out;
    }
}
