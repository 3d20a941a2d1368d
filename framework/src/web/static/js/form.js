// Forms, sub-form tabs and file fields: progressive enhancements of pages that work without them.
// - a submitted form's buttons are disabled (no double submit);
// - the error summary takes the focus, so that screen readers read it first;
// - date fields get a calendar button (the browser's date picker) and accept JJMMAAAA;
// - autocomplete fields follow the WAI-ARIA combobox pattern (list of suggestions, arrows, Enter, Escape);
// - sub-form tabs follow the WAI-ARIA tabs pattern (arrows, Home, End).
// Texts come from the page (data-* attributes written from the message catalogue).
(function () {
  'use strict';

  // ---- submit once ------------------------------------------------------------------------------

  var SUBMITTING = 'data-envoi-en-cours';

  document.addEventListener(
    'submit',
    function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-envoi')) return;
      if (form.hasAttribute(SUBMITTING)) {
        event.preventDefault();
        return;
      }
      form.setAttribute(SUBMITTING, '');
      form.setAttribute('aria-busy', 'true');
      // After the browser (or htmx) has read the form: a disabled button is not sent.
      setTimeout(function () {
        form.querySelectorAll('button[type="submit"], button:not([type])').forEach(function (button) {
          button.disabled = true;
          button.setAttribute('data-texte', button.textContent || '');
          button.textContent = form.getAttribute('data-envoi');
        });
      }, 0);
    },
    true,
  );

  function release(form) {
    form.removeAttribute(SUBMITTING);
    form.removeAttribute('aria-busy');
    form.querySelectorAll('button[data-texte]').forEach(function (button) {
      button.disabled = false;
      button.textContent = button.getAttribute('data-texte');
      button.removeAttribute('data-texte');
    });
  }

  // Back to a page from the browser's history: its forms may be sent again (the server tells duplicates).
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[' + SUBMITTING + ']').forEach(release);
  });
  document.addEventListener('htmx:afterRequest', function (event) {
    var form = event.target && event.target.closest ? event.target.closest('form[' + SUBMITTING + ']') : null;
    if (form && document.contains(form)) release(form);
  });

  // ---- error summary ----------------------------------------------------------------------------

  function focusErrors(root) {
    var summary = root.querySelector ? root.querySelector('.resume-erreurs') : null;
    if (summary) summary.focus();
  }

  // ---- dates ------------------------------------------------------------------------------------

  function pad(number) {
    return (number < 10 ? '0' : '') + number;
  }

  function isoFromFrench(text) {
    var match = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/.exec(text.trim()) || /^(\d{2})(\d{2})(\d{4})$/.exec(text.trim());
    return match ? match[3] + '-' + pad(Number(match[2])) + '-' + pad(Number(match[1])) : '';
  }

  function frenchFromIso(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    return match ? match[3] + '/' + match[2] + '/' + match[1] : '';
  }

  function enhanceDate(input) {
    if (input.hasAttribute('data-calendrier-pret')) return;
    input.setAttribute('data-calendrier-pret', '');
    var native = document.createElement('input');
    native.type = 'date';
    native.tabIndex = -1;
    native.className = 'calendrier-natif';
    native.setAttribute('aria-hidden', 'true');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'bouton-calendrier';
    // A short name (« Calendrier »), described by the field it fills: the field's label stays the
    // only one naming the field.
    button.textContent = input.getAttribute('data-calendrier-court');
    var description = document.createElement('span');
    description.className = 'visuellement-cache';
    description.id = input.id + '-calendrier';
    description.textContent = input.getAttribute('data-calendrier');
    button.setAttribute('aria-describedby', description.id);
    input.insertAdjacentElement('afterend', description);
    input.insertAdjacentElement('afterend', native);
    input.insertAdjacentElement('afterend', button);
    button.addEventListener('click', function () {
      native.value = isoFromFrench(input.value);
      try {
        native.showPicker();
      } catch (error) {
        native.focus();
      }
    });
    native.addEventListener('change', function () {
      if (native.value) {
        input.value = frenchFromIso(native.value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      input.focus();
    });
    // JJMMAAAA typed: shown as JJ/MM/AAAA (the server accepts both).
    input.addEventListener('blur', function () {
      var match = /^(\d{2})(\d{2})(\d{4})$/.exec(input.value.trim());
      if (match) input.value = match[1] + '/' + match[2] + '/' + match[3];
    });
  }

  // ---- autocomplete (combobox) ------------------------------------------------------------------

  var timers = new WeakMap();

  function parts(input) {
    var box = input.closest('.autocompletion');
    return {
      box: box,
      hidden: box.querySelector('.autocompletion-valeur'),
      list: box.querySelector('.autocompletion-liste'),
      status: box.querySelector('.autocompletion-etat'),
    };
  }

  function close(input) {
    var p = parts(input);
    p.list.hidden = true;
    p.list.innerHTML = '';
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function choose(input, option) {
    var p = parts(input);
    p.hidden.value = option.getAttribute('data-value');
    input.value = option.textContent;
    input.setAttribute('data-choisi', input.value);
    close(input);
  }

  function activate(input, index) {
    var p = parts(input);
    var options = p.list.querySelectorAll('[role="option"]');
    if (options.length === 0) return;
    var next = (index + options.length) % options.length;
    options.forEach(function (option, position) {
      option.setAttribute('aria-selected', position === next ? 'true' : 'false');
    });
    input.setAttribute('aria-activedescendant', options[next].id);
    options[next].scrollIntoView({ block: 'nearest' });
  }

  function activeIndex(input) {
    var p = parts(input);
    var options = Array.prototype.slice.call(p.list.querySelectorAll('[role="option"]'));
    return options.findIndex(function (option) {
      return option.getAttribute('aria-selected') === 'true';
    });
  }

  function show(input, options) {
    var p = parts(input);
    p.list.innerHTML = '';
    options.forEach(function (choice, index) {
      var item = document.createElement('li');
      item.setAttribute('role', 'option');
      item.id = p.list.id + '-' + index;
      item.setAttribute('data-value', choice.value);
      item.setAttribute('aria-selected', 'false');
      item.textContent = choice.label;
      p.list.appendChild(item);
    });
    p.list.hidden = options.length === 0;
    input.setAttribute('aria-expanded', options.length > 0 ? 'true' : 'false');
    input.removeAttribute('aria-activedescendant');
    p.status.textContent =
      options.length === 0 ? p.box.getAttribute('data-aucun') : p.box.getAttribute('data-resultats').replace('{count}', String(options.length));
  }

  function suggest(input) {
    var p = parts(input);
    var q = input.value.trim();
    if (input.getAttribute('data-choisi') !== input.value) p.hidden.value = '';
    if (q.length < 2) {
      close(input);
      return;
    }
    fetch(p.box.getAttribute('data-suggestions') + '?q=' + encodeURIComponent(q), {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    })
      .then(function (response) {
        return response.ok ? response.json() : { options: [] };
      })
      .then(function (body) {
        if (input.value.trim() === q) show(input, body.options || []);
      })
      .catch(function () {
        close(input);
      });
  }

  document.addEventListener('input', function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.classList.contains('autocompletion-saisie')) return;
    clearTimeout(timers.get(input));
    timers.set(
      input,
      setTimeout(function () {
        suggest(input);
      }, 250),
    );
  });

  document.addEventListener('keydown', function (event) {
    var input = event.target;
    if (input instanceof HTMLInputElement && input.classList.contains('autocompletion-saisie')) {
      var open = input.getAttribute('aria-expanded') === 'true';
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        if (open) activate(input, activeIndex(input) + 1);
        else suggest(input);
      } else if (event.key === 'ArrowUp' && open) {
        event.preventDefault();
        activate(input, activeIndex(input) - 1);
      } else if (event.key === 'Enter' && open) {
        var options = parts(input).list.querySelectorAll('[role="option"]');
        var index = activeIndex(input);
        if (index >= 0) {
          event.preventDefault();
          choose(input, options[index]);
        }
      } else if (event.key === 'Escape') {
        if (open) {
          event.preventDefault();
          close(input);
        } else {
          input.value = '';
          parts(input).hidden.value = '';
        }
      }
      return;
    }
    tabsKeydown(event);
  });

  document.addEventListener('mousedown', function (event) {
    var option = event.target instanceof Element ? event.target.closest('.autocompletion-liste [role="option"]') : null;
    if (!option) return;
    event.preventDefault();
    choose(option.closest('.autocompletion').querySelector('.autocompletion-saisie'), option);
  });

  document.addEventListener('focusout', function (event) {
    var input = event.target;
    if (input instanceof HTMLInputElement && input.classList.contains('autocompletion-saisie')) {
      setTimeout(function () {
        if (document.activeElement !== input) close(input);
      }, 150);
    }
  });

  // ---- sub-form tabs ----------------------------------------------------------------------------

  function select(tab) {
    var list = tab.closest('[role="tablist"]');
    list.querySelectorAll('[role="tab"]').forEach(function (other) {
      var selected = other === tab;
      other.setAttribute('aria-selected', selected ? 'true' : 'false');
      other.tabIndex = selected ? 0 : -1;
    });
    var panel = document.getElementById(tab.getAttribute('aria-controls'));
    if (panel) panel.setAttribute('aria-labelledby', tab.id);
  }

  function tabsKeydown(event) {
    var tab = event.target instanceof Element ? event.target.closest('[role="tab"]') : null;
    if (!tab) return;
    var tabs = Array.prototype.slice.call(tab.closest('[role="tablist"]').querySelectorAll('[role="tab"]:not([aria-disabled="true"])'));
    var index = tabs.indexOf(tab);
    var next = null;
    if (event.key === 'ArrowRight') next = tabs[(index + 1) % tabs.length];
    else if (event.key === 'ArrowLeft') next = tabs[(index - 1 + tabs.length) % tabs.length];
    else if (event.key === 'Home') next = tabs[0];
    else if (event.key === 'End') next = tabs[tabs.length - 1];
    else if (event.key === ' ') {
      event.preventDefault();
      tab.click();
      return;
    }
    if (!next) return;
    event.preventDefault();
    next.focus();
    next.click();
  }

  document.addEventListener('click', function (event) {
    var tab = event.target instanceof Element ? event.target.closest('[role="tab"]') : null;
    if (!tab) return;
    if (tab.getAttribute('aria-disabled') === 'true') {
      event.preventDefault();
      return;
    }
    select(tab);
  });

  // A refusal inside a tab (403, 404…): its page's title and message replace the panel's content.
  document.addEventListener('htmx:responseError', function (event) {
    var target = event.detail && event.detail.target;
    if (!target || !target.classList || !target.classList.contains('panneau-onglet')) return;
    var page = new DOMParser().parseFromString(event.detail.xhr.responseText || '', 'text/html');
    var title = page.querySelector('main h1');
    var message = page.querySelector('main p');
    var box = document.createElement('div');
    box.setAttribute('role', 'alert');
    var text = document.createElement('p');
    text.className = 'message message-erreur';
    text.textContent = [title && title.textContent, message && message.textContent].filter(Boolean).join(' : ');
    box.appendChild(text);
    target.replaceChildren(box);
    target.focus();
  });

  // ---- set-up of new content --------------------------------------------------------------------

  function enhance(root) {
    if (!root || !root.querySelectorAll) return;
    root.querySelectorAll('input.date[data-calendrier]').forEach(enhanceDate);
  }

  document.addEventListener('DOMContentLoaded', function () {
    enhance(document);
    focusErrors(document);
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    var target = event.target;
    enhance(target);
    if (target.querySelector && target.querySelector('.resume-erreurs')) focusErrors(target);
    // A sub-form's answer (a form, a record, the list after a save): the panel takes the focus, so
    // that the user goes on from there; a tab keeps it (arrows move between tabs).
    else if (target.classList && target.classList.contains('panneau-onglet')) {
      // The element that made the request (`detail.elt` is the swapped content).
      var trigger = event.detail && event.detail.requestConfig ? event.detail.requestConfig.elt : null;
      var fromTab = trigger && trigger.getAttribute && trigger.getAttribute('role') === 'tab';
      // Searching, sorting, paging inside the tab: the focus stays where the user is.
      var fromPanel = trigger && trigger.closest && trigger.closest('form[role="search"], .listing-recherche, .listing-pagination, .listing-choix, thead');
      if (!fromTab && !fromPanel) target.focus();
    }
  });
})();
