package com.kakehashi.console.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;

import java.util.Map;

/**
 * A chart.js chart in a canvas. chart.js comes from its webjar (served from the classpath under /webjars),
 * loaded as a plain script, so no frontend build is needed. The configuration is plain JSON; the script adds
 * the tooltip and the marker of suppressed points (each dataset may carry a {@code suppressed} array of texts,
 * one per point, null where the value is shown).
 */
class ChartCanvas extends Div {

    static final String CHART_JS = "/webjars/chart.js/4.5.1/dist/chart.umd.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String RENDER = """
            const host = this, cfg = JSON.parse($0);
            const draw = () => {
              const canvas = host.querySelector('canvas');
              const old = Chart.getChart(canvas);
              if (old) { old.destroy(); }
              cfg.options = cfg.options || {};
              cfg.options.plugins = cfg.options.plugins || {};
              cfg.options.plugins.tooltip = { callbacks: { label: (ctx) => {
                const s = ctx.dataset.suppressed && ctx.dataset.suppressed[ctx.dataIndex];
                if (s) { return ctx.dataset.label + ': ' + s; }
                const v = ctx.parsed.y;
                return ctx.dataset.label + ': ' + (v == null ? '' : (cfg.percent ? (v.toFixed(0) + '%') : v.toFixed(1)));
              } } };
              cfg.plugins = [{ id: 'suppressedMarks', afterDatasetsDraw(chart) {
                const g = chart.ctx, area = chart.chartArea, x = chart.scales.x;
                chart.data.datasets.forEach((ds, di) => {
                  if (!ds.suppressed || !chart.isDatasetVisible(di)) { return; }
                  ds.suppressed.forEach((text, i) => {
                    if (!text) { return; }
                    const px = x.getPixelForValue(i);
                    g.save();
                    g.strokeStyle = ds.borderColor; g.setLineDash([4, 4]); g.lineWidth = 1.5;
                    g.beginPath(); g.moveTo(px, area.top); g.lineTo(px, area.bottom); g.stroke();
                    g.setLineDash([]); g.fillStyle = ds.borderColor; g.font = '11px sans-serif';
                    g.textAlign = px > area.right - 70 ? 'right' : (px < area.left + 70 ? 'left' : 'center');
                    g.fillText('\\u2298 ' + ((ds.suppressedShort && ds.suppressedShort[i]) || text), px + (g.textAlign === 'right' ? -3 : (g.textAlign === 'left' ? 3 : 0)), area.top + 12 + di * 13);
                    g.restore();
                  });
                });
              } }];
              new Chart(canvas, cfg);
            };
            if (window.Chart) { draw(); } else {
              const t = setInterval(() => { if (window.Chart) { clearInterval(t); draw(); } }, 50);
            }
            """;

    private String config = "{}";

    ChartCanvas(String id) {
        setId(id);
        addClassName("dashboard-chart");
        getElement().appendChild(new Element("canvas"));
    }

    void show(Map<String, Object> configuration) {
        try {
            config = JSON.writeValueAsString(configuration);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (isAttached()) {
            render();
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().addJavaScript(CHART_JS);
        render();
    }

    private void render() {
        getElement().executeJs(RENDER, config);
    }
}
