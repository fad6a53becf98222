/*
 * The dashboard's charts, drawn with chart.js (loaded from its webjar before this file is used). A plain script,
 * not a module: the console keeps Vaadin's pre-compiled bundle, so nothing here may need a frontend build.
 *
 * kakehashiCharts.grid(host, payload): the nine small multiples at once, one chart per canvas under host; one call
 *   per load keeps the tab to a single round trip. Resolves when every chart has drawn and leaves the
 *   performance mark 'kakehashi:grid-drawn' (the browser test reads it).
 * kakehashiCharts.chart(host, cfg): one detailed chart (tooltips, interval bands, markers) on host's canvas.
 */
window.kakehashiCharts = window.kakehashiCharts || (function () {
  const HQ = '#0072B2', JAPAN = '#D55E00', ACTION = '#CC3D8F'; // Okabe–Ito blue and vermillion: told apart with any colour vision

  const whenReady = () => new Promise(resolve => {
    if (window.Chart) { resolve(); return; }
    const t = setInterval(() => { if (window.Chart) { clearInterval(t); resolve(); } }, 20);
  });

  /* Dashed vertical lines at events (engagement start, timeline events), labelled unless the chart is small. */
  const markers = {
    id: 'kkhMarkers',
    afterDatasetsDraw(chart, args, opts) {
      if (!opts || !opts.markers || !opts.markers.length) { return; }
      const g = chart.ctx, area = chart.chartArea, x = chart.scales.x;
      opts.markers.forEach((m, i) => {
        const px = x.getPixelForValue(m.position);
        if (!(px >= area.left - 1 && px <= area.right + 1)) { return; }
        g.save();
        const action = m.kind && m.kind.indexOf('ACTION_') === 0;
        // Actions in their own colour (reddish purple), a start long-dashed and an end dotted.
        g.strokeStyle = action ? ACTION : (m.kind === 'ENGAGEMENT_START' ? '#1b7f3b' : '#555');
        g.lineWidth = opts.compact ? (action ? 1.4 : 1) : (action ? 2 : 1.5);
        g.setLineDash(action ? (m.kind === 'ACTION_START' ? [6, 3] : [2, 2]) : [3, 3]);
        g.beginPath(); g.moveTo(px, area.top); g.lineTo(px, area.bottom); g.stroke();
        if (!opts.compact) {
          g.setLineDash([]);
          g.fillStyle = g.strokeStyle; g.font = '11px sans-serif';
          g.textAlign = px > area.right - 120 ? 'right' : 'left';
          g.fillText((action ? (m.kind === 'ACTION_START' ? '\u25B6 ' : '\u25A0 ') : '\u25BC ') + m.label, px + (g.textAlign === 'right' ? -4 : 4), area.top + 11 + (i % 3) * 13);
        }
        g.restore();
      });
    }
  };

  /* A horizontal line: the zero of the gap chart, or the high-risk level of a small multiple. */
  const rule = {
    id: 'kkhRule',
    beforeDatasetsDraw(chart, args, opts) {
      if (!opts || opts.value == null) { return; }
      const g = chart.ctx, area = chart.chartArea, py = chart.scales.y.getPixelForValue(opts.value);
      if (py < area.top || py > area.bottom) { return; }
      g.save();
      g.strokeStyle = opts.color || '#333'; g.lineWidth = opts.width || 1; g.setLineDash(opts.dash || []);
      g.beginPath(); g.moveTo(area.left, py); g.lineTo(area.right, py); g.stroke();
      g.restore();
    }
  };

  /*
   * Suppressed points are marked, never drawn as values: a dashed line with its reason on a detailed chart, a small
   * hollow ring on the axis of a small multiple (the legend above the grid says what it means).
   */
  const suppressedMarks = {
    id: 'kkhSuppressed',
    afterDatasetsDraw(chart, args, opts) {
      const g = chart.ctx, area = chart.chartArea, x = chart.scales.x;
      const compact = opts && opts.compact;
      chart.data.datasets.forEach((ds, di) => {
        if (!ds.suppressed || !chart.isDatasetVisible(di)) { return; }
        ds.suppressed.forEach((text, i) => {
          if (!text) { return; }
          const px = x.getPixelForValue(i);
          g.save();
          g.strokeStyle = ds.borderColor; g.fillStyle = ds.borderColor;
          if (compact) {
            g.lineWidth = 1.2;
            g.beginPath(); g.arc(px, area.bottom - 4 - di * 7, 2.6, 0, 2 * Math.PI); g.stroke();
          } else {
            g.setLineDash([4, 4]); g.lineWidth = 1.5;
            g.beginPath(); g.moveTo(px, area.top); g.lineTo(px, area.bottom); g.stroke();
            g.setLineDash([]); g.font = '11px sans-serif';
            g.textAlign = px > area.right - 70 ? 'right' : (px < area.left + 70 ? 'left' : 'center');
            g.fillText('\u2298 ' + ((ds.suppressedShort && ds.suppressedShort[i]) || text),
              px + (g.textAlign === 'right' ? -3 : (g.textAlign === 'left' ? 3 : 0)), area.bottom - 6 - di * 13);
          }
          g.restore();
        });
      });
    }
  };

  const fmt = (v, percent) => v == null ? '' : (percent ? v.toFixed(0) + '%' : v.toFixed(1));

  function small(canvas, payload, cell) {
    const old = Chart.getChart(canvas);
    if (old) { old.destroy(); }
    const line = (label, colour, data, suppressed) => ({
      label, data, suppressed, borderColor: colour, backgroundColor: colour, borderWidth: 1.6, pointRadius: 1.4,
      pointHoverRadius: 1.4, spanGaps: false, tension: 0.25
    });
    const japan = line(payload.names.japan, JAPAN, cell.japan, cell.japanSuppressed);
    // The gap shaded between the sides: orange where Japan reports more risk than HQ, blue where less.
    japan.fill = { target: 0, above: 'rgba(213,94,0,0.22)', below: 'rgba(0,114,178,0.22)' };
    return new Chart(canvas, {
      type: 'line',
      data: { labels: payload.labels, isoDates: payload.isoDates, datasets: [
        line(payload.names.hq, HQ, cell.hq, cell.hqSuppressed), japan] },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false, events: [],
        layout: { padding: { top: 2, right: 4 } },
        plugins: {
          legend: { display: false }, tooltip: { enabled: false },
          kkhMarkers: { markers: cell.markers || payload.markers, compact: true },
          kkhRule: { value: payload.highRisk, color: 'rgba(0,0,0,0.35)', dash: [2, 3] },
          kkhSuppressed: { compact: true }
        },
        scales: {
          x: { ticks: { maxTicksLimit: 3, maxRotation: 0, autoSkipPadding: 12, font: { size: 9 } }, grid: { display: false } },
          y: { min: 0, max: 100, ticks: { stepSize: 50, font: { size: 9 } }, grid: { color: 'rgba(0,0,0,0.06)' } }
        }
      },
      plugins: [markers, rule, suppressedMarks]
    });
  }

  return {
    grid(host, payload) {
      performance.mark('kakehashi:grid-called');
      return whenReady().then(() => {
        performance.mark('kakehashi:grid-ready');
        const canvases = host.querySelectorAll('canvas');
        payload.cells.forEach((cell, i) => { if (canvases[i]) { small(canvases[i], payload, cell); } });
        host.dataset.drawn = String(payload.cells.length);
        performance.mark('kakehashi:grid-drawn');
        return payload.cells.length;
      });
    },

    chart(host, cfg) {
      return whenReady().then(() => {
        const canvas = host.querySelector('canvas');
        const old = Chart.getChart(canvas);
        if (old) { old.destroy(); }
        cfg.options = cfg.options || {};
        const plugins = cfg.options.plugins = cfg.options.plugins || {};
        plugins.legend = plugins.legend || {};
        // Interval bands are datasets of their own: kept out of the legend and the tooltip.
        plugins.legend.labels = { filter: (item, data) => !data.datasets[item.datasetIndex].band };
        plugins.tooltip = {
          filter: ctx => !ctx.dataset.band,
          callbacks: { label: ctx => {
            const ds = ctx.dataset, i = ctx.dataIndex;
            const s = ds.suppressed && ds.suppressed[i];
            if (s) { return ds.label + ': ' + s; }
            let text = ds.label + ': ' + fmt(ctx.parsed.y, cfg.percent);
            if (ds.ciLow && ds.ciLow[i] != null && ds.ciHigh[i] != null) {
              text += ' (' + (cfg.ciLabel || '95%') + ' ' + ds.ciLow[i].toFixed(1) + '\u2013' + ds.ciHigh[i].toFixed(1) + ')';
            }
            if (ds.n && ds.n[i] != null) { text += ', n = ' + ds.n[i]; }
            return text;
          } }
        };
        cfg.plugins = [markers, rule, suppressedMarks];
        new Chart(canvas, cfg);
        return true;
      });
    }
  };
})();
