// The maps (carte.js, OpenLayers) are a larger script and its stylesheet: loaded only when a page
// (or a part swapped in by htmx) has a map element, from the addresses the element names. Once
// loaded, the bundle sets up the maps itself (and those of later swaps).
(function () {
  'use strict';

  var loading = false;

  function load(root) {
    if (loading || !root.querySelector) return;
    var element = root.querySelector('[data-carte][data-carte-script]');
    if (!element) return;
    var script = element.getAttribute('data-carte-script') || '';
    var style = element.getAttribute('data-carte-style') || '';
    if (script.indexOf('/static/') !== 0) return;
    loading = true;
    if (style.indexOf('/static/') === 0) {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = style;
      document.head.appendChild(link);
    }
    var tag = document.createElement('script');
    tag.src = script;
    document.head.appendChild(tag);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () {
      load(document);
    });
  } else {
    load(document);
  }
  document.addEventListener('htmx:afterSwap', function (event) {
    load(event.target);
  });
})();
