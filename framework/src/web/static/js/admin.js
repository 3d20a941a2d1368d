// Administration screens: the « Copier le jeton » button of « Mes jetons d’API ». Without script
// (or clipboard access) the token stays selectable in its read-only field.
(function () {
  'use strict';

  function announce(text) {
    var status = document.getElementById('copie-etat');
    if (status) status.textContent = text;
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    var button = target instanceof Element ? target.closest('button[data-copier]') : null;
    if (!button) return;
    var field = document.getElementById(button.getAttribute('data-copier') || '');
    if (!field) return;
    field.focus();
    field.select();
    var message = button.getAttribute('data-copie-message') || '';
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(
        function () { announce(message); },
        function () { /* the field stays selected: Ctrl+C works */ }
      );
    } else if (document.execCommand && document.execCommand('copy')) {
      announce(message);
    }
  });
})();
