// The main menu on a narrow screen: folded behind its « Menu » button (aria-expanded says its
// state); without this script the menu simply stays unfolded. The « Aller au menu » skip link
// unfolds it.
(function () {
  'use strict';

  function toggle(nav, open) {
    var button = nav.querySelector('.menu-bascule');
    nav.classList.toggle('menu-ouvert', open);
    if (button) button.setAttribute('aria-expanded', open ? 'true' : 'false');
  }

  function setUp(nav) {
    var button = nav.querySelector('.menu-bascule');
    if (!button || nav.classList.contains('menu-repliable')) return;
    nav.classList.add('menu-repliable');
    button.hidden = false;
  }

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var button = target.closest('.menu-bascule');
    if (button) {
      var nav = button.closest('nav.menu');
      if (nav) toggle(nav, !nav.classList.contains('menu-ouvert'));
      return;
    }
    var skip = target.closest('a.lien-evitement[href="#menu"]');
    if (skip) {
      var menu = document.getElementById('menu');
      if (menu) toggle(menu, true);
    }
  });

  function init() {
    document.querySelectorAll('nav.menu').forEach(setUp);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
