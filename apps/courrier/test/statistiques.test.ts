/**
 * « Statistiques du courrier » on both databases, on the hand-made year of `editionsDonnees`: the
 * exact figures per service, nature and catégorie with the total (on time, late — answered after
 * the due date or open past it —, average delay, open tasks), the CSV's exact lines, the page
 * (tables with captions, chart, French errors on the period), the PDF of the état
 * `courrier_statistiques`, and a confidential mail of another service never counted for urba.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { readAs } from '../../../framework/src/db/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { pdfPages } from '../../../framework/test/support/pdf-text.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { imprimerEdition } from '../src/editions/impression.ts';
import { lirePeriode } from '../src/editions/periode.ts';
import { csvStatistiques } from '../src/editions/statistiques-csv.ts';
import { statistiquesCourrier, type LigneStatistique } from '../src/editions/statistiques.ts';
import { courrierRuntime, editionsDonnees, organisation, PASSWORD, SOURCES, type Organisation } from './support.ts';

const ANNEE_2025 = { du: '2025-01-01', au: '2025-12-31' };
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** libellé, reçus, réponse souhaitée, répondus, à temps, en retard, délai moyen, tâches ouvertes. */
const figures = (ligne: LigneStatistique) => [ligne.libelle, ligne.recus, ligne.reponseSouhaitee, ligne.repondus, ligne.aTemps, ligne.enRetard, ligne.delaiMoyen, ligne.tachesOuvertes];

test('the period: required, valid, in order, 366 days at most; French messages on their fields', () => {
  assert.deepEqual(lirePeriode({ du: '01/01/2025', au: '2025-12-31' }), { ok: true, valeur: { du: '2025-01-01', au: '2025-12-31' } });
  assert.deepEqual(lirePeriode({ du: '01/01/2024', au: '31/12/2024' }), { ok: true, valeur: { du: '2024-01-01', au: '2024-12-31' } }, '366 days of a leap year');
  assert.deepEqual(lirePeriode({ du: '', au: '31/02/2025' }), {
    ok: false,
    erreurs: { du: 'Le champ « Du » est obligatoire.', au: '« 31/02/2025 » n’est pas une date valide (JJ/MM/AAAA).' },
  });
  assert.deepEqual(lirePeriode({ du: '02/01/2025', au: '01/01/2025' }), { ok: false, erreurs: { au: 'La date de fin précède la date de début.' } });
  assert.deepEqual(lirePeriode({ du: '01/01/2025', au: '02/01/2026' }), { ok: false, erreurs: { au: 'La période ne peut dépasser 366 jours : choisissez des dates plus proches.' } });
});

describeEachDatabase(
  'courrier : statistiques par service, nature et catégorie',
  (database) => {
    let org: Organisation;
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    const signIn = async (login: string): Promise<Browser> => {
      const browser = new Browser(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 303, `${login} signs in`);
      return browser;
    };
    const statistiques = (login: keyof Organisation['actors'], periode = ANNEE_2025) =>
      readAs(database().db.kysely, org.actors[login], (db) => statistiquesCourrier(db, periode));

    before(async () => {
      org = await organisation(database());
      runtime = await courrierRuntime(database());
      app = createApp(runtime);
      await editionsDonnees(database(), org);
    });

    test('per service, nature and catégorie, with the total: the exact figures (chef does not see the confidential mail)', async () => {
      const lues = await statistiques('chef');
      assert.deepEqual(lues.parService.map(figures), [
        ['État civil', 1, 1, 0, 0, 1, null, 2],
        ['Urbanisme', 3, 2, 2, 1, 1, 9.5, 0],
        ['Voirie', 1, 1, 0, 0, 0, null, 1],
      ]);
      assert.deepEqual(figures(lues.total), ['Total', 5, 4, 2, 1, 2, 9.5, 3]);
      assert.deepEqual(lues.parNature.map(figures), [
        ['Courriel', 1, 0, 0, 0, 0, null, 0],
        ['Lettre', 3, 3, 1, 1, 1, 4, 3],
        ['Lettre recommandée A/R', 1, 1, 1, 0, 1, 15, 0],
      ]);
      assert.deepEqual(lues.parCategorie.map(figures), [
        ['Information', 2, 2, 0, 0, 1, null, 3],
        ['Réclamation', 2, 2, 2, 1, 1, 9.5, 0],
        ['Sans catégorie', 1, 0, 0, 0, 0, null, 0],
      ]);
      const mars = await statistiques('chef', { du: '2025-03-01', au: '2025-03-31' });
      assert.deepEqual(figures(mars.total), ['Total', 2, 2, 2, 1, 1, 9.5, 0], 'only March’s arrivals');
    });

    test('a confidential mail of ÉTAT CIVIL is counted for its service only, never for urba', async () => {
      assert.equal((await statistiques('urba')).total.recus, 5);
      assert.deepEqual((await statistiques('urba')).parService.find((ligne) => ligne.libelle === 'État civil')?.recus, 1);
      const etat = await statistiques('etat');
      assert.deepEqual(figures(etat.parService.find((ligne) => ligne.libelle === 'État civil') as LigneStatistique), ['État civil', 2, 2, 1, 1, 1, 1, 2]);
      assert.equal(etat.total.recus, 6);
    });

    test('the CSV: BOM, semicolons, decimal comma, one line per service, the total, natures and catégories', async () => {
      const expected = [
        'Regroupement;Libellé;Reçus;Réponse souhaitée;Répondus;À temps;En retard;Délai moyen (jours);Tâches ouvertes',
        'Service;État civil;1;1;0;0;1;;2',
        'Service;Urbanisme;3;2;2;1;1;9,5;0',
        'Service;Voirie;1;1;0;0;0;;1',
        'Total;Total;5;4;2;1;2;9,5;3',
        'Nature;Courriel;1;0;0;0;0;;0',
        'Nature;Lettre;3;3;1;1;1;4;3',
        'Nature;Lettre recommandée A/R;1;1;1;0;1;15;0',
        'Catégorie;Information;2;2;0;0;1;;3',
        'Catégorie;Réclamation;2;2;2;1;1;9,5;0',
        'Catégorie;Sans catégorie;1;0;0;0;0;;0',
      ];
      assert.equal(csvStatistiques(await statistiques('chef')), `\ufeff${expected.join('\r\n')}\r\n`);
      const chef = await signIn('chef');
      const response = await chef.get('/api/v1/courrier/editions/statistiques/csv?du=2025-01-01&au=2025-12-31');
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
      assert.equal(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()), `\ufeff${expected.join('\r\n')}\r\n`);
      const refused = await chef.get('/api/v1/courrier/editions/statistiques/csv?du=2025-12-31&au=2025-01-01');
      assert.equal(refused.status, 400);
      assert.equal(((await refused.json()) as { error: { message: string } }).error.message, 'La date de fin précède la date de début.');
    });

    test('the page: tables with captions, the chart, the links; the period’s errors in French; the right is needed', async () => {
      const chef = await signIn('chef');
      const page = await chef.get('/courrier/editions/statistiques?du=01/01/2025&au=31/12/2025', { Accept: 'text/html' });
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /<caption>Par service de traitement, du 01\/01\/2025 au 31\/12\/2025<\/caption>/);
      assert.match(html, /<th scope="row">Urbanisme<\/th><td class="nombre">3<\/td><td class="nombre">2<\/td><td class="nombre">2<\/td><td class="nombre">1<\/td><td class="nombre">1<\/td><td class="nombre">9,5<\/td><td class="nombre">0<\/td>/);
      assert.match(html, /<caption>Par nature<\/caption>/);
      assert.match(html, /<caption>Par catégorie<\/caption>/);
      assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby="graphique-courrier-titre"/);
      assert.match(html, /href="\/api\/v1\/courrier\/editions\/statistiques\/csv\?du=2025-01-01&amp;au=2025-12-31"/);
      assert.doesNotMatch(html, /style=/);
      const wrong = await chef.get('/courrier/editions/statistiques?du=32/01/2025&au=31/12/2025', { Accept: 'text/html' });
      assert.equal(wrong.status, 400);
      assert.match(await wrong.text(), /« 32\/01\/2025 » n’est pas une date valide \(JJ\/MM\/AAAA\)\./);
      const urba = await signIn('urba');
      assert.equal((await urba.get('/courrier/editions/statistiques', { Accept: 'text/html' })).status, 403, 'an agent does not hold courrier.statistiques');
      assert.equal((await urba.get('/api/v1/courrier/editions/statistiques/csv?du=2025-01-01&au=2025-12-31')).status, 403);
    });

    test('the PDF (état courrier_statistiques): title, collectivité, the three tables with the same figures', async () => {
      const pdf = await imprimerEdition(runtime, org.actors.chef, 'fr', { etat: 'courrier_statistiques', cle: '2025-01-01|2025-12-31', libelle: 'Statistiques', fichier: 'x.pdf' });
      const text = flat((await pdfPages(new Uint8Array(pdf))).join('\n'));
      assert.match(text, /Statistiques du courrier du 01\/01\/2025 au 31\/12\/2025/);
      assert.match(text, /Libreville/);
      assert.match(text, /Par service de traitement/);
      assert.match(text, /Urbanisme 3 2 2 1 1 9,5 0/);
      assert.match(text, /État civil 1 1 0 0 1 2/);
      assert.match(text, /Total 5 4 2 1 2 9,5 3/);
      assert.match(text, /Lettre recommandée A\/R 1 1 1 0 1 15,0 0/);
      assert.match(text, /Sans catégorie 1 0 0 0 0 0/);
      assert.doesNotMatch(text, /confidentiel/i);
    });
  },
  { sources: SOURCES },
);
