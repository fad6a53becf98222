package com.kakehashi.console.dashboard;

import com.kakehashi.console.dashboard.DashboardPresenter.Cell;
import com.kakehashi.console.dashboard.DashboardPresenter.Dashboard;
import com.kakehashi.console.dashboard.DashboardPresenter.SignSeries;
import com.vaadin.flow.component.html.Div;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Warning signs × waves, each side apart (HQ, Japan) and then the gap between them: put together, a side that
 * worries hides behind one that does not. Risk uses a sequential scale (reversed viridis: pale is low, dark is
 * high), the gap a diverging blue–orange one; both read with any colour vision. The table is written as one
 * piece of HTML rather than a component per cell: two years of waves are a thousand cells, and as components
 * they slowed the tab down. Columns shrink to fit the page; the numbers are in each cell's tooltip.
 */
class Heatmap extends Div {

    /** Reversed viridis stops, from index 0 (low risk) to 100. */
    private static final int[][] RISK = {{0xfd, 0xe7, 0x25}, {0x5e, 0xc9, 0x62}, {0x21, 0x91, 0x8c}, {0x3b, 0x52, 0x8b}, {0x44, 0x01, 0x54}};
    /** Blue (Japan sees less risk than HQ) through white to orange (Japan sees more), for −30..+30 points. */
    private static final int[][] GAP = {{0x21, 0x66, 0xac}, {0x92, 0xc5, 0xde}, {0xf7, 0xf7, 0xf7}, {0xfd, 0xb8, 0x63}, {0xb3, 0x58, 0x06}};
    static final double GAP_SPAN = 30;

    private final Div table = new Div();

    Heatmap() {
        setId("dashboard-heatmap");
        addClassName("dashboard-heatmap");
        add(table);
    }

    void show(Dashboard dashboard, List<String> labels, Set<String> alertingSigns) {
        int k = dashboard.anonymityThreshold();
        var html = new StringBuilder("<div class=\"heatmap-blocks\">");
        block(html, "HQ", dashboard, labels, alertingSigns, SignSeries::hq, v -> colour(v), k);
        block(html, "JAPAN", dashboard, labels, alertingSigns, SignSeries::japan, v -> colour(v), k);
        block(html, "GAP", dashboard, labels, alertingSigns, SignSeries::gap, Heatmap::gapColour, k);
        html.append("<div class=\"heatmap-legend\" id=\"dashboard-heatmap-legend\">")
                .append(span(getTranslation("dashboard.legend.low"))).append("<span class=\"heatmap-gradient\"></span>")
                .append(span(getTranslation("dashboard.legend.high")))
                .append("<span class=\"heatmap-gap-gradient-label\">").append(escape(getTranslation("dashboard.heatmap.gapLow")))
                .append("</span><span class=\"heatmap-gradient heatmap-gap-gradient\"></span>")
                .append(span(getTranslation("dashboard.heatmap.gapHigh")))
                .append("<span class=\"heatmap-swatch heatmap-suppressed\">⊘</span>")
                .append(span(getTranslation("dashboard.suppressed.BELOW_K", k)))
                .append("</div></div>");
        table.getElement().setProperty("innerHTML", html.toString());
    }

    private void block(StringBuilder html, String key, Dashboard dashboard, List<String> labels, Set<String> alerting,
                       Function<SignSeries, List<Cell>> cells, Function<Double, String> colour, int k) {
        int waves = Math.max(1, labels.size());
        html.append("<div class=\"heatmap-block\" data-block=\"").append(key).append("\">")
                .append("<div class=\"heatmap-block-title\">").append(escape(getTranslation("dashboard.heatmap.block." + key)))
                .append("</div><div class=\"heatmap-table\" style=\"grid-template-columns: minmax(6rem, 11rem) repeat(")
                .append(waves).append(", minmax(0, 1fr))\">");
        html.append("<div class=\"heatmap-cell heatmap-head\"></div>");
        // A date every few columns: two years of dates side by side would not fit the page.
        int every = Math.max(1, (int) Math.ceil(labels.size() / 8.0));
        for (int i = 0; i < labels.size(); i += every) {
            int span = Math.min(every, labels.size() - i);
            html.append("<div class=\"heatmap-cell heatmap-head\" style=\"grid-column: span ").append(span).append("\">")
                    .append(escape(labels.get(i))).append("</div>");
        }
        if (labels.isEmpty()) {
            html.append("<div class=\"heatmap-cell heatmap-head\">").append(escape(getTranslation("dashboard.noWaves"))).append("</div>");
        }
        for (SignSeries sign : dashboard.signs()) {
            boolean alert = alerting.contains(sign.sign());
            html.append("<div class=\"heatmap-cell heatmap-sign").append(alert ? " heatmap-alerting" : "").append("\">")
                    .append(alert ? "⚠ " : "").append(escape(getTranslation("instrument.sign." + sign.sign()))).append("</div>");
            List<Cell> row = cells.apply(sign);
            for (int i = 0; i < row.size(); i++) {
                html.append(valueCell(row.get(i), labels.get(i), colour, k));
            }
            if (labels.isEmpty()) {
                html.append("<div class=\"heatmap-cell heatmap-missing\"></div>");
            }
        }
        html.append("</div></div>");
    }

    private String valueCell(Cell c, String label, Function<Double, String> colour, int k) {
        if (c.value() != null) {
            String title = label + ": " + String.format(Locale.ROOT, "%.1f", c.value()) + (c.n() == null ? "" : " (n = " + c.n() + ")");
            return "<div class=\"heatmap-cell heatmap-value\" style=\"background-color:" + colour.apply(c.value())
                    + "\" title=\"" + escape(title) + "\"></div>";
        }
        if (c.suppressed() != null) {
            return "<div class=\"heatmap-cell heatmap-suppressed\" title=\"" + escape(label + ": "
                    + getTranslation("dashboard.suppressed." + c.suppressed(), k)) + "\"></div>";
        }
        String why = c.open() ? getTranslation("dashboard.suppressed.WAVE_OPEN") : getTranslation("dashboard.heatmap.missing");
        return "<div class=\"heatmap-cell heatmap-missing\" title=\"" + escape(label + ": " + why) + "\"></div>";
    }

    /** Risk 0 (low, pale yellow) to 100 (high, dark purple). */
    static String colour(double value) {
        return interpolate(RISK, Math.max(0, Math.min(100, value)) / 100);
    }

    /** Gap −30 (blue) through 0 (white) to +30 points and beyond (orange). */
    static String gapColour(double gap) {
        return interpolate(GAP, (Math.max(-GAP_SPAN, Math.min(GAP_SPAN, gap)) + GAP_SPAN) / (2 * GAP_SPAN));
    }

    private static String interpolate(int[][] stops, double t) {
        double at = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(at));
        double f = at - i;
        int r = (int) Math.round(stops[i][0] + f * (stops[i + 1][0] - stops[i][0]));
        int g = (int) Math.round(stops[i][1] + f * (stops[i + 1][1] - stops[i][1]));
        int b = (int) Math.round(stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static String span(String text) {
        return "<span>" + escape(text) + "</span>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
