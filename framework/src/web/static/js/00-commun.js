// Scripts of the screens: each file of this folder is an independent IIFE, concatenated in name order
// into /static/commun.js (no inline script: the Content-Security-Policy forbids it).
(function () {
  'use strict';
  window.Commun = window.Commun || {};
})();
