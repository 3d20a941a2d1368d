/**
 * The page `/resultats/analyse` on both databases: the elections of the collectivité to choose,
 * participation, abstention, blancs and nuls per election and per bureau (validated bureaux only),
 * and a nuance's or a candidature's score across elections.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient } from '../../../framework/test/support/http.ts';
import { grant } from '../../../framework/test/support/runtime.ts';
import { DONNEES_SIEGES_SQL } from './sieges-donnees.ts';
import { actorsFor, PASSWORD, resultatsRuntime, SOURCES } from './support.ts';

const HTML = { Accept: 'text/html' };

describeEachDatabase(
  'résultats : analyse et comparaisons entre élections',
  (database) => {
    let app: Hono<AppEnv>;
    const page = async (login: string, path: string) => {
      const browser = new TestClient(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 200);
      return browser.request('GET', path, { headers: HTML });
    };

    before(async () => {
      await database().asOwner(`insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
        select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 3);`);
      await database().asOwner(DONNEES_SIEGES_SQL);
      await database().asOwner(`insert into resultats.election (election, libelle, type, date_scrutin, tour, om_collectivite) values (3, 'Législatives d’Autreville', 'legislatives', '2024-06-30', 1, 3)`);
      const runtime = await resultatsRuntime(database());
      app = createApp(runtime);
      await grant(database(), 'UTILISATEUR', ['resultats.election_consulter']);
      await database().asOwner(`delete from om.om_droit where libelle like 'resultats.%' and om_profil = (select om_profil from om.om_profil where libelle = 'CONSULTATION')`);
      await actorsFor(database(), PASSWORD, [
        { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'lecteur', profil: 'CONSULTATION', collectivite: 1 },
      ]);
    });

    test('the choice: the collectivité’s elections only, the menu entry, 403 without the permission', async () => {
      assert.equal((await page('lecteur', '/resultats/analyse')).status, 403);
      const choix = await page('agent', '/resultats/analyse');
      assert.equal(choix.status, 200, choix.text);
      assert.match(choix.text, /<h1>Analyse des résultats<\/h1>/);
      assert.match(choix.text, /<a href="\/resultats\/analyse"[^>]*>Analyse<\/a>/);
      assert.match(choix.text, /<legend>Élections à comparer<\/legend>/);
      assert.match(choix.text, /<input type="checkbox" id="analyse-election-1" name="election" value="1"\/><label for="analyse-election-1">Municipales 2026 \(15\/03\/2026, tour 1\)<\/label>/);
      assert.match(choix.text, /Européennes 2024 \(09\/06\/2024, tour 1\)/);
      assert.doesNotMatch(choix.text, /Autreville/);
      assert.doesNotMatch(choix.text, /id="analyse-elections"/);
      const aucune = await page('agent', '/resultats/analyse?election=abc');
      assert.match(aucune.text, /Cochez au moins une élection pour la comparer\./);
    });

    test('rates per election and per bureau side by side, oldest first; bureaux not validated left out', async () => {
      const comparaison = await page('agent', '/resultats/analyse?election=1&election=2&election=3');
      assert.equal(comparaison.status, 200, comparaison.text);
      assert.match(comparaison.text, /<input type="checkbox" id="analyse-election-1" name="election" value="1" checked=""\/>/);
      // Européennes 2024: B1 only (4 500 of 9 000); municipales: B1 and B2 (10 300 of 15 000), B3 not validated.
      assert.match(
        comparaison.text,
        /<th scope="row">Européennes 2024 \(09\/06\/2024, tour 1\)<\/th><td>1 sur 2<\/td><td>9\u202f000<\/td><td>4\u202f500<\/td><td>50,00 %<\/td><td>50,00 %<\/td><td>2,00 %<\/td><td>1,33 %<\/td><\/tr><tr><th scope="row">Municipales 2026 \(15\/03\/2026, tour 1\)<\/th><td>2 sur 3<\/td><td>15\u202f000<\/td><td>10\u202f300<\/td><td>68,67 %<\/td><td>31,33 %<\/td><td>1,55 %<\/td><td>1,36 %<\/td>/,
      );
      assert.doesNotMatch(comparaison.text, /Législatives d’Autreville/);
      assert.match(comparaison.text, /<caption>Participation \(votants \/ inscrits\) par bureau<\/caption>/);
      assert.match(comparaison.text, /<th scope="row">B1 — Mairie<\/th><td>50,00 %<\/td><td>68,89 %<\/td>/);
      assert.match(comparaison.text, /<th scope="row">B2 — École Jules-Ferry<\/th><td>—<\/td><td>68,33 %<\/td>/);
      assert.match(comparaison.text, /<th scope="row">B3 — Gymnase<\/th><td>—<\/td><td>—<\/td>/);
      assert.match(comparaison.text, /id="analyse-bureaux-nuls"/);
      assert.doesNotMatch(comparaison.text, /id="analyse-scores"/);
      assert.match(comparaison.text, /<option value="nuance:LUG">LUG<\/option>/);
    });

    test('a nuance’s score across elections, and a candidature’s', async () => {
      const nuance = await page('agent', '/resultats/analyse?election=1&election=2&suivi=nuance%3ALUG');
      assert.match(nuance.text, /<caption>Score de la nuance « LUG »<\/caption>/);
      assert.match(nuance.text, /<th scope="row">Européennes 2024 \(09\/06\/2024, tour 1\)<\/th><td>Liste X<\/td><td>1\u202f350<\/td><td>31,03 %<\/td>/);
      assert.match(nuance.text, /<th scope="row">Municipales 2026 \(15\/03\/2026, tour 1\)<\/th><td>Liste A<\/td><td>5\u202f200<\/td><td>52,00 %<\/td>/);
      assert.match(nuance.text, /<option value="nuance:LUG" selected="">LUG<\/option>/);
      const liste = await page('agent', '/resultats/analyse?election=1&election=2&suivi=libelle%3AListe%20B');
      assert.match(liste.text, /<td>absente<\/td><td>0<\/td><td>—<\/td>/);
      assert.match(liste.text, /<td>Liste B<\/td><td>3\u202f000<\/td><td>30,00 %<\/td>/);
    });
  },
  { sources: SOURCES },
);
