// The dashboard's charts: each `canvas[data-graphique]` is drawn with Chart.js (loaded by the
// pages that have a chart) from the JSON of its attribute; the same data is in the table beside
// it (the text alternative). Charts swapped in by htmx are drawn too.
(function () {
  'use strict';

  // Colours with at least 3:1 against white (non-text contrast), in a stable order.
  var PALETTE = ['#0b4f8a', '#c2410c', '#1a7f3c', '#6b3fa0', '#a15c00', '#0e7490', '#b42318', '#4a4a4a'];

  function draw(canvas) {
    if (canvas.getAttribute('data-dessine') === 'oui' || typeof window.Chart !== 'function') return;
    var data;
    try {
      data = JSON.parse(canvas.getAttribute('data-graphique') || '');
    } catch (error) {
      return;
    }
    var pie = data.type === 'pie';
    var datasets = data.series.map(function (series, index) {
      var colour = PALETTE[index % PALETTE.length];
      return {
        label: series.label,
        data: series.values,
        backgroundColor: pie ? data.labels.map(function (_, position) { return PALETTE[position % PALETTE.length]; }) : colour,
        borderColor: pie ? '#ffffff' : colour,
        borderWidth: 2,
        fill: false,
        tension: 0
      };
    });
    new window.Chart(canvas, {
      type: data.type,
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: pie || datasets.length > 1 } },
        scales: pie ? {} : { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
    canvas.setAttribute('data-dessine', 'oui');
  }

  function drawAll(root) {
    (root || document).querySelectorAll('canvas[data-graphique]').forEach(draw);
  }

  document.addEventListener('htmx:afterSwap', function (event) {
    drawAll(event.target instanceof Element ? event.target : document);
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { drawAll(); });
  else drawAll();
})();
