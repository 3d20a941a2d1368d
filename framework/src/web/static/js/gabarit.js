// The template editor of états and lettres types is a larger script: loaded only when a page (or
// a sub-form swapped in by htmx) has a template field, from the address the field names. Once
// loaded, the editor enhances the fields itself (and those of later swaps).
(function () {
  'use strict';

  var loading = false;

  function load(root) {
    if (loading || !root.querySelector) return;
    var field = root.querySelector('textarea.gabarit-source[data-gabarit-script]');
    if (!field) return;
    var address = field.getAttribute('data-gabarit-script') || '';
    if (address.indexOf('/static/') !== 0) return;
    loading = true;
    var script = document.createElement('script');
    script.src = address;
    document.head.appendChild(script);
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
