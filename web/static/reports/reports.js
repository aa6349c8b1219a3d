// Draws every report chart from the JSON in its canvas's data-chart attribute (a file, not
// inline script, so the pages work under the site's CSP "default-src 'self'").
'use strict';
(function () {
  const palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2',
    '#7f7f7f', '#bcbd22', '#17becf'];
  function draw(canvas) {
    const data = JSON.parse(canvas.dataset.chart);
    const stacked = data.type === 'stacked';
    // The "issues" series of a median/p90 chart is for the table; the lines show durations.
    const series = data.type === 'line' && data.series.length > 2
      ? data.series.filter((s) => s.name !== 'issues') : data.series;
    new window.Chart(canvas, {
      type: stacked ? 'bar' : data.type,
      data: {
        labels: data.labels,
        datasets: series.map((s, i) => ({
          label: s.name,
          data: s.values,
          backgroundColor: palette[i % palette.length],
          borderColor: palette[i % palette.length],
          spanGaps: true,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { stacked },
          y: { stacked, beginAtZero: true, title: { display: true, text: data.unit } },
        },
      },
    });
  }
  document.addEventListener('DOMContentLoaded', () => {
    if (!window.Chart) return; // the tables below the charts still carry every figure
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
  });
}());
