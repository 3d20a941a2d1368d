// Listings: a click anywhere on a row opens its record (the row's first link, so that htmx or a
// new tab behave as for the link itself); after htmx swapped the results, the focus goes back to
// them when the element that had it is gone.
(function () {
  'use strict';

  var INTERACTIVE = 'a, button, input, select, textarea, label, summary';

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof Element) || target.closest(INTERACTIVE)) return;
    var row = target.closest('tr.listing-ligne-cliquable');
    if (!row) return;
    // Selecting text in a row is not a click on it.
    var selection = window.getSelection && window.getSelection();
    if (selection && String(selection).length > 0) return;
    var link = row.querySelector('a.listing-lien');
    if (!link) return;
    if (event.ctrlKey || event.metaKey || event.button === 1) {
      window.open(link.href, '_blank', 'noopener');
      return;
    }
    link.click();
  });

  document.addEventListener('htmx:afterSettle', function (event) {
    var detail = event.detail || {};
    var swapped = detail.target;
    var id = swapped && swapped.id;
    if (!id) return;
    var region = document.getElementById(id);
    if (!region || !region.classList.contains('listing-resultats')) return;
    var active = document.activeElement;
    if (!active || active === document.body || !document.body.contains(active)) region.focus();
  });
})();
