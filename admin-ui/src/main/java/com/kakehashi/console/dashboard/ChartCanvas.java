package com.kakehashi.console.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;

import java.util.Map;

/**
 * A chart.js chart in a canvas. chart.js comes from its webjar (served from the classpath under /webjars),
 * loaded as a plain script with the console's own dashboard-charts.js, so no frontend build is needed. The
 * configuration is plain JSON; the script adds tooltips (with intervals and n), interval bands kept out of the
 * legend, event markers and the marks of suppressed points (each dataset may carry a {@code suppressed} array of
 * texts, one per point, null where the value is shown).
 */
class ChartCanvas extends Div {

    static final String CHART_JS = "/webjars/chart.js/4.5.1/dist/chart.umd.min.js";
    static final String DASHBOARD_JS = "/dashboard-charts.js";
    static final ObjectMapper JSON = new ObjectMapper();

    private String config;
    private boolean pending;

    ChartCanvas(String id) {
        setId(id);
        addClassName("dashboard-chart");
        getElement().appendChild(new Element("canvas"));
    }

    /** Both scripts, in order; Vaadin loads each once per page however often it is asked. */
    static void loadScripts(UI ui) {
        ui.getPage().addJavaScript(CHART_JS);
        ui.getPage().addJavaScript(DASHBOARD_JS);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void show(Map<String, Object> configuration) {
        config = json(configuration);
        renderBeforeNextResponse();
    }

    /** One render per response, however often the data and the attach ask for it. */
    private void renderBeforeNextResponse() {
        if (pending) {
            return;
        }
        pending = true;
        getElement().getNode().runWhenAttached(ui -> ui.beforeClientResponse(this, context -> {
            pending = false;
            render();
        }));
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
        loadScripts(attachEvent.getUI());
        if (config != null) {
            renderBeforeNextResponse();
        }
    }

    private void render() {
        getElement().executeJs("return window.kakehashiCharts.chart(this, JSON.parse($0))", config);
    }
}
