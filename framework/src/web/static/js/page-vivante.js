// Live pages (guide « Pages vivantes »): each `[data-page-vivante]` asks the same-site JSON of its
// `data-source` every `data-intervalle` seconds (10 by default, ±10 % so that many screens opened
// together do not ask together) with the last ETag (a 304 costs nothing), then, inside it:
// - writes each `[data-valeur="path.in.json"]` with its `data-format` (nombre, pourcent, texte or
//   booleen, the last two through `data-textes`), as the server wrote it; `data-classes` (JSON, the
//   value's key → a class) switches a class with the value;
// - redraws each `canvas[data-graphique]` (JSON: type bar|pie|line, labels or a path to them,
//   couleurs, libelle, valeurs: the path of the values such as `candidatures.*.voix`) with Chart.js,
//   loaded from `data-chart-src` (a file of this site: the CSP allows it);
// - says in its `[aria-live=polite]` element that the page changed: its `data-annonce`, where
//   `{path}` is a value of the JSON and `{heure}` the time, or « Mis à jour à HH:MM »;
// - writes the time of the last check in `[data-verifie]`;
// - reloads the page when the value at the path `data-structure` is no longer the one the page was
//   built with (`data-structure-valeur`, else the first answer's).
// Without JavaScript the page has its own « Actualiser » link.
(function () {
  'use strict';

  var INTERVALLE_PAR_DEFAUT = 10;
  var PALETTE = ['#0b4f8a', '#c2410c', '#1a7f3c', '#6b3fa0', '#a15c00', '#0e7490', '#b42318', '#4a4a4a'];
  var NOMBRE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
  var POURCENT = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  /** The value at a dotted path; `*` takes every element of an array (`candidatures.*.voix`). */
  function valeurDe(donnees, chemin) {
    var cles = String(chemin).split('.');
    function suivre(objet, position) {
      if (position === cles.length) return objet;
      if (objet === null || objet === undefined) return undefined;
      if (cles[position] === '*') {
        return Array.isArray(objet) ? objet.map(function (element) { return suivre(element, position + 1); }) : undefined;
      }
      return suivre(objet[cles[position]], position + 1);
    }
    return suivre(donnees, 0);
  }

  function lireJson(element, attribut) {
    try {
      return JSON.parse(element.getAttribute(attribut) || '{}');
    } catch (erreur) {
      return {};
    }
  }

  function cleDe(format, valeur) {
    return format === 'booleen' ? (valeur ? 'vrai' : 'faux') : String(valeur);
  }

  function texte(element, valeur) {
    var format = element.getAttribute('data-format') || 'nombre';
    if (format === 'texte' || format === 'booleen') return lireJson(element, 'data-textes')[cleDe(format, valeur)] || '';
    if (valeur === null || valeur === undefined || typeof valeur !== 'number') return '—';
    return format === 'pourcent' ? POURCENT.format(valeur) + '\u00a0%' : NOMBRE.format(valeur);
  }

  function changerClasse(element, valeur) {
    var classes = lireJson(element, 'data-classes');
    var voulue = classes[cleDe(element.getAttribute('data-format'), valeur)];
    Object.keys(classes).forEach(function (cle) {
      if (classes[cle] !== voulue) element.classList.remove(classes[cle]);
    });
    if (voulue) element.classList.add(voulue);
  }

  function ecrire(racine, donnees) {
    var change = false;
    racine.querySelectorAll('[data-valeur]').forEach(function (element) {
      var valeur = valeurDe(donnees, element.getAttribute('data-valeur'));
      var nouveau = texte(element, valeur);
      if (element.textContent !== nouveau) {
        element.textContent = nouveau;
        change = true;
      }
      if (element.hasAttribute('data-classes')) changerClasse(element, valeur);
    });
    return change;
  }

  function dessiner(canvas, donnees) {
    if (typeof window.Chart !== 'function') return;
    var description = lireJson(canvas, 'data-graphique');
    var valeurs = valeurDe(donnees, description.valeurs) || [];
    if (canvas.graphiqueVivant) {
      canvas.graphiqueVivant.data.datasets[0].data = valeurs;
      canvas.graphiqueVivant.update();
      return;
    }
    var labels = typeof description.labels === 'string' ? valeurDe(donnees, description.labels) || [] : description.labels || [];
    var couleurs = labels.map(function (_, index) {
      return (description.couleurs && description.couleurs[index]) || PALETTE[index % PALETTE.length];
    });
    var ligne = description.type === 'line';
    var camembert = description.type === 'pie';
    // Marked as drawn first: the dashboard's script leaves a drawn canvas alone.
    canvas.setAttribute('data-dessine', 'oui');
    canvas.graphiqueVivant = new window.Chart(canvas, {
      type: ligne || camembert ? description.type : 'bar',
      data: {
        labels: labels,
        datasets: [{
          label: description.libelle || '',
          data: valeurs,
          backgroundColor: ligne ? couleurs[0] : couleurs,
          borderColor: ligne ? couleurs[0] : camembert ? '#ffffff' : couleurs,
          borderWidth: 2,
          fill: false,
          tension: 0
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: camembert } },
        scales: camembert ? {} : { y: { beginAtZero: true, ticks: { precision: 0, font: { size: 16 } } }, x: { ticks: { font: { size: 16 } } } }
      }
    });
  }

  function heure(avecSecondes) {
    var options = { hour: '2-digit', minute: '2-digit' };
    if (avecSecondes) options.second = '2-digit';
    return new Date().toLocaleTimeString('fr-FR', options);
  }

  function annoncer(racine, donnees) {
    var region = racine.querySelector('[aria-live="polite"]');
    if (!region) return;
    var modele = region.getAttribute('data-annonce');
    region.textContent = modele
      ? modele.replace(/\{([^{}]+)\}/g, function (_, chemin) {
          if (chemin === 'heure') return heure(false);
          var valeur = valeurDe(donnees, chemin);
          return typeof valeur === 'number' ? NOMBRE.format(valeur) : valeur === null || valeur === undefined ? '' : String(valeur);
        })
      : 'Mis à jour à ' + heure(false);
  }

  function chargerChart(racine, ensuite) {
    var source = racine.getAttribute('data-chart-src');
    if (typeof window.Chart === 'function' || !source || !racine.querySelector('canvas[data-graphique]')) return ensuite();
    var script = document.createElement('script');
    script.src = source;
    script.addEventListener('load', ensuite);
    // Without the chart, the figures are still followed.
    script.addEventListener('error', ensuite);
    document.head.appendChild(script);
    return undefined;
  }

  function suivre(racine) {
    var source = racine.getAttribute('data-source');
    var secondes = Number(racine.getAttribute('data-intervalle')) || INTERVALLE_PAR_DEFAUT;
    var cheminStructure = racine.getAttribute('data-structure');
    var structure = racine.hasAttribute('data-structure-valeur') ? racine.getAttribute('data-structure-valeur') : undefined;
    // A value as the attribute writes it: a text as is, anything else in JSON.
    function enTexte(valeur) {
      return typeof valeur === 'string' ? valeur : JSON.stringify(valeur);
    }
    var etag = null;
    var premiere = true;

    function planifier() {
      window.setTimeout(interroger, secondes * 1000 * (0.9 + Math.random() * 0.2));
    }

    function recevoir(donnees) {
      if (cheminStructure) {
        var actuelle = enTexte(valeurDe(donnees, cheminStructure));
        if (structure === undefined) structure = actuelle;
        else if (actuelle !== structure) {
          window.location.reload();
          return;
        }
      }
      var change = ecrire(racine, donnees);
      racine.querySelectorAll('canvas[data-graphique]').forEach(function (canvas) { dessiner(canvas, donnees); });
      if (change && !premiere) annoncer(racine, donnees);
      premiere = false;
    }

    function interroger() {
      var entetes = { Accept: 'application/json' };
      if (etag) entetes['If-None-Match'] = etag;
      window
        .fetch(source, { headers: entetes, credentials: 'omit', cache: 'no-store' })
        .then(function (reponse) {
          racine.querySelectorAll('[data-verifie]').forEach(function (element) { element.textContent = ' — vérifié à ' + heure(true); });
          if (reponse.status === 304 || !reponse.ok) return null;
          etag = reponse.headers.get('ETag');
          return reponse.json();
        })
        .then(function (donnees) {
          if (donnees) recevoir(donnees);
        })
        .catch(function () {
          // The network may come back: the next poll tries again.
        })
        .then(planifier);
    }

    chargerChart(racine, interroger);
  }

  function demarrer() {
    if (typeof window.fetch !== 'function') return;
    document.querySelectorAll('[data-page-vivante][data-source]').forEach(suivre);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', demarrer);
  else demarrer();
})();
