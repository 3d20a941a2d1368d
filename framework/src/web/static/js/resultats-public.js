// The live public results page (apps/resultats/src/public): every 10 s (jittered) it asks the
// JSON endpoint of `data-source` with the last ETag (a 304 costs nothing), then writes each
// `[data-valeur]` figure in place (same French formatting as the server), redraws the bar chart
// and says politely in the live region that results changed. When the data no longer fits the page
// (`data-structure`: a bureau or tranche added) the page is reloaded. Chart.js is loaded from
// `data-chart-src` (a file of this site: the CSP allows it). Without JavaScript the page has its
// « Actualiser » link.
(function () {
  'use strict';

  var INTERVALLE_MS = 10000;
  var PALETTE = ['#0b4f8a', '#c2410c', '#1a7f3c', '#6b3fa0', '#a15c00', '#0e7490', '#b42318', '#4a4a4a'];
  var NOMBRE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
  var POURCENT = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  function valeurDe(donnees, chemin) {
    return chemin.split('.').reduce(function (objet, cle) {
      return objet === null || objet === undefined ? undefined : objet[cle];
    }, donnees);
  }

  function texte(element, valeur) {
    var format = element.getAttribute('data-format');
    if (format === 'texte' || format === 'booleen') {
      var textes = JSON.parse(element.getAttribute('data-textes') || '{}');
      var cle = format === 'booleen' ? (valeur ? 'vrai' : 'faux') : String(valeur);
      return textes[cle] || '';
    }
    if (valeur === null || valeur === undefined) return '—';
    return format === 'pourcent' ? POURCENT.format(valeur) + '\u00a0%' : NOMBRE.format(valeur);
  }

  function couleurs(graphique) {
    return graphique.couleurs.map(function (couleur, index) {
      return couleur || PALETTE[index % PALETTE.length];
    });
  }

  function dessiner(racine, donnees) {
    var canvas = racine.querySelector('canvas[data-graphique-resultats]');
    if (!canvas || typeof window.Chart !== 'function') return;
    var valeurs = donnees.candidatures.map(function (candidature) { return candidature.voix; });
    if (racine.graphiqueResultats) {
      racine.graphiqueResultats.data.datasets[0].data = valeurs;
      racine.graphiqueResultats.update();
      return;
    }
    var graphique = JSON.parse(canvas.getAttribute('data-graphique-resultats') || '{}');
    racine.graphiqueResultats = new window.Chart(canvas, {
      type: 'bar',
      data: { labels: graphique.labels, datasets: [{ label: 'Voix', data: valeurs, backgroundColor: couleurs(graphique) }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0, font: { size: 16 } } }, x: { ticks: { font: { size: 16 } } } }
      }
    });
  }

  function chargerChart(racine, ensuite) {
    if (typeof window.Chart === 'function') return ensuite();
    var source = racine.getAttribute('data-chart-src');
    if (!source) return undefined;
    var script = document.createElement('script');
    script.src = source;
    script.addEventListener('load', ensuite);
    // Without the chart, the figures are still followed.
    script.addEventListener('error', ensuite);
    document.head.appendChild(script);
    return undefined;
  }

  function appliquer(racine, donnees) {
    var change = false;
    racine.querySelectorAll('[data-valeur]').forEach(function (element) {
      var nouveau = texte(element, valeurDe(donnees, element.getAttribute('data-valeur')));
      if (element.textContent !== nouveau) {
        element.textContent = nouveau;
        change = true;
      }
    });
    var statut = racine.querySelector('[data-valeur="statut"]');
    if (statut) statut.className = 'resultats-public-statut resultats-public-statut-' + donnees.statut;
    dessiner(racine, donnees);
    return change;
  }

  function annoncer(racine, donnees) {
    var annonce = racine.querySelector('#resultats-public-annonce');
    if (!annonce) return;
    annonce.textContent = (annonce.getAttribute('data-texte') || '')
      .replace('{depouilles}', NOMBRE.format(donnees.bureaux.depouilles))
      .replace('{total}', NOMBRE.format(donnees.bureaux.total));
  }

  function structure(donnees) {
    return [donnees.candidatures.length, donnees.parBureau.length, donnees.participation.length, donnees.avecSieges ? 1 : 0].join('-');
  }

  function heure() {
    return new Date().toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  function suivre(racine) {
    var source = racine.getAttribute('data-source');
    var verification = racine.querySelector('.resultats-public-verification');
    var etag = null;
    var premiere = true;

    function planifier() {
      // Jittered so that many screens opened together do not ask together.
      window.setTimeout(interroger, INTERVALLE_MS * (0.9 + Math.random() * 0.2));
    }

    function interroger() {
      var entetes = { Accept: 'application/json' };
      if (etag) entetes['If-None-Match'] = etag;
      window
        .fetch(source, { headers: entetes, credentials: 'omit', cache: 'no-store' })
        .then(function (reponse) {
          if (verification) verification.textContent = ' — vérifié à ' + heure();
          if (reponse.status === 304 || !reponse.ok) return null;
          etag = reponse.headers.get('ETag');
          return reponse.json();
        })
        .then(function (donnees) {
          if (!donnees) return;
          if (structure(donnees) !== racine.getAttribute('data-structure')) {
            window.location.reload();
            return;
          }
          var change = appliquer(racine, donnees);
          if (change && !premiere) annoncer(racine, donnees);
          premiere = false;
        })
        .catch(function () {
          // The network may come back: the next poll tries again.
        })
        .then(planifier);
    }

    chargerChart(racine, function () {
      interroger();
    });
    if (typeof window.Chart !== 'function' && !racine.getAttribute('data-chart-src')) interroger();
  }

  function demarrer() {
    var racine = document.getElementById('resultats-public');
    if (racine && typeof window.fetch === 'function') suivre(racine);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', demarrer);
  else demarrer();
})();
