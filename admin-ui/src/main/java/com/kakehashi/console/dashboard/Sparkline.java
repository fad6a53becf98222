package com.kakehashi.console.dashboard;

import com.vaadin.flow.component.html.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A small inline SVG line of a condition's history, drawn on the server: no chart library for a 6-point line.
 * Hidden waves leave a gap rather than a zero. Only numbers we format go into the markup.
 */
final class Sparkline {

    static final int WIDTH = 88;
    static final int HEIGHT = 22;

    private Sparkline() {
    }

    static Span of(List<Double> values, String label) {
        var span = new Span();
        span.addClassName("alert-sparkline");
        span.getElement().setAttribute("role", "img");
        span.getElement().setAttribute("aria-label", label);
        span.getElement().setAttribute("data-points", points(values));
        span.getElement().setProperty("innerHTML", svg(values));
        return span;
    }

    /** The values as the test and screen reader see them: "12.0,15.5,-,17.2". */
    static String points(List<Double> values) {
        return String.join(",", values.stream().map(v -> v == null ? "-" : String.format(Locale.ROOT, "%.1f", v)).toList());
    }

    static String svg(List<Double> values) {
        var svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + HEIGHT
                + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" aria-hidden=\"true\">");
        List<Double> shown = values.stream().filter(Objects::nonNull).toList();
        if (!shown.isEmpty()) {
            double min = shown.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double max = shown.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double span = Math.max(max - min, 1e-9);
            double step = values.size() > 1 ? (WIDTH - 4.0) / (values.size() - 1) : 0;
            List<String> segment = new ArrayList<>();
            String last = null;
            for (int i = 0; i < values.size(); i++) {
                Double v = values.get(i);
                if (v == null) {
                    flush(svg, segment);
                    continue;
                }
                double x = 2 + i * step;
                double y = max == min ? HEIGHT / 2.0 : 2 + (HEIGHT - 4) * (1 - (v - min) / span);
                last = String.format(Locale.ROOT, "%.1f,%.1f", x, y);
                segment.add(last);
            }
            flush(svg, segment);
            if (last != null) {
                String[] xy = last.split(",");
                svg.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1])
                        .append("\" r=\"2.5\" fill=\"currentColor\"/>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static void flush(StringBuilder svg, List<String> segment) {
        if (segment.size() > 1) {
            svg.append("<polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" points=\"")
                    .append(String.join(" ", segment)).append("\"/>");
        }
        segment.clear();
    }
}
