/**
 * The seats of a stored election (`repartitionDeLElection`), the API route
 * `POST /api/v1/resultats/repartition-sieges` (anonymous, signed in, each 422) and the page
 * `/resultats/sieges/:election`, through the real web application on both databases.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { readAs } from '../../../framework/src/db/tenant-context.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient } from '../../../framework/test/support/http.ts';
import { grant } from '../../../framework/test/support/runtime.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { repartitionDeLElection } from '../src/sieges/index.ts';
import { DONNEES_SIEGES_SQL } from './sieges-donnees.ts';
import { actorsFor, PASSWORD, resultatsRuntime, SOURCES } from './support.ts';

const HTML = { Accept: 'text/html' };
const ROUTE = '/api/v1/resultats/repartition-sieges';
const candidats = (n: number) => Array.from({ length: n }, (_, index) => ({ rang: index + 1, date_naissance: '1961-05-02' }));
const EXEMPLE = {
  sieges: 29,
  tour: 1,
  exprimes: 10000,
  listes: [
    { liste: 'A', voix: 5200, candidats: candidats(29) },
    { liste: 'B', voix: 3000, candidats: candidats(29) },
    { liste: 'C', voix: 1500, candidats: candidats(29) },
    { liste: 'D', voix: 300, candidats: candidats(29) },
  ],
};

describeEachDatabase(
  'résultats : répartition des sièges (élection enregistrée, API, page)',
  (database) => {
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    let agent: Actor;
    const client = () => new TestClient(app);
    const signedIn = async (login: string) => {
      const browser = client();
      assert.equal((await browser.login(login, PASSWORD)).status, 200);
      return browser;
    };

    before(async () => {
      await database().asOwner(DONNEES_SIEGES_SQL);
      runtime = await resultatsRuntime(database());
      app = createApp(runtime);
      await grant(database(), 'UTILISATEUR', ['resultats.election_consulter']);
      await database().asOwner(`delete from om.om_droit where libelle like 'resultats.%' and om_profil = (select om_profil from om.om_profil where libelle = 'CONSULTATION')`);
      const actors = await actorsFor(database(), PASSWORD, [
        { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'lecteur', profil: 'CONSULTATION', collectivite: 1 },
      ]);
      agent = actors['agent'] as Actor;
    });

    test('repartitionDeLElection: validated bureaux only, municipal and communautaire seats, the elected in list order, provisional', async () => {
      const repartition = await readAs(runtime.db.kysely, agent, (db) => repartitionDeLElection(db, 1));
      assert.ok(repartition);
      assert.equal(repartition.mode, 'liste');
      assert.equal(repartition.exprimes, 10000);
      assert.deepEqual(repartition.bureaux, { total: 3, comptes: 2 });
      assert.equal(repartition.provisoire, true);
      assert.equal(repartition.second_tour, false);
      assert.equal(repartition.erreur, null);
      assert.deepEqual(
        repartition.candidatures.map((candidature) => [candidature.libelle, candidature.voix, candidature.sieges, candidature.prime, candidature.sieges_communautaires]),
        [
          ['Liste A', 5200, 23, 15, 8],
          ['Liste B', 3000, 4, 0, 1],
          ['Liste C', 1500, 2, 0, 0],
          ['Liste D', 300, 0, 0, 0],
        ],
      );
      const [a, b] = repartition.candidatures;
      assert.equal(a?.elus.length, 23);
      assert.equal(a?.elus[0], 'Prénom1 NOMA1');
      assert.equal(a?.elus[22], 'Prénom23 NOMA23');
      assert.deepEqual(b?.elus, ['Prénom1 NOMB1', 'Prénom2 NOMB2', 'Prénom3 NOMB3', 'Prénom4 NOMB4']);
      assert.deepEqual(b?.elus_communautaires, ['Prénom1 NOMB1']);
      assert.equal(a?.elus_communautaires.at(-1), 'Prénom8 NOMA8');
      assert.equal(await readAs(runtime.db.kysely, agent, (db) => repartitionDeLElection(db, 999)), undefined);
      const europeennes = await readAs(runtime.db.kysely, agent, (db) => repartitionDeLElection(db, 2));
      assert.equal(europeennes?.mode, 'aucune');
      assert.ok(europeennes?.candidatures.every((candidature) => candidature.sieges === 0));
    });

    test('the API: anonymous (a plain JSON POST, no session nor token) and signed in, the issue’s example in the input’s order', async () => {
      const reponse = await client().request('POST', ROUTE, { json: EXEMPLE, csrf: false });
      assert.equal(reponse.status, 200, reponse.text);
      assert.deepEqual(reponse.body, {
        second_tour: false,
        listes: [
          { liste: 'A', sieges: 23 },
          { liste: 'B', sieges: 4 },
          { liste: 'C', sieges: 2 },
          { liste: 'D', sieges: 0 },
        ],
      });
      // A form post (what another site could send) still needs the CSRF token.
      assert.equal((await client().request('POST', ROUTE, { form: { sieges: '29' }, csrf: false })).status, 403);

      const session = await signedIn('lecteur');
      const second = await session.request('POST', ROUTE, { json: { ...EXEMPLE, listes: EXEMPLE.listes.map((liste) => (liste.liste === 'A' ? { ...liste, voix: 4900 } : liste)) } });
      assert.equal(second.status, 200, second.text);
      assert.deepEqual(second.body, { second_tour: true, listes: ['A', 'B', 'C', 'D'].map((liste) => ({ liste, sieges: 0 })) });

      const moins1000 = await session.request('POST', ROUTE, {
        json: {
          type: 'municipales_moins_1000',
          sieges: 3,
          tour: 1,
          exprimes: 150,
          inscrits: 400,
          listes: [
            { liste: 'Alice Martin', voix: 120, date_naissance: '1960-01-01' },
            { liste: 'Bruno Petit', voix: 95, date_naissance: '1961-01-01' },
          ],
        },
      });
      assert.equal(moins1000.status, 200, moins1000.text);
      assert.deepEqual(moins1000.body, { second_tour: true, sieges_restants: 2, listes: [{ liste: 'Alice Martin', sieges: 1 }, { liste: 'Bruno Petit', sieges: 0 }] });

      const documentation = (await session.get('/api/v1/openapi.json')).body.paths[ROUTE].post;
      assert.equal(documentation.summary, 'Répartition des sièges d’un conseil municipal');
      assert.match(documentation.description, /art\. L262/);
    });

    test('the API refuses inconsistent input with a 422 and a French message', async () => {
      const session = await signedIn('lecteur');
      const premiere = EXEMPLE.listes[0] as (typeof EXEMPLE.listes)[number];
      const cas: [string, Record<string, unknown>, RegExp][] = [
        ['Σ voix > exprimés', { ...EXEMPLE, exprimes: 9000 }, /La somme des voix des listes \(10000\) dépasse le nombre de suffrages exprimés \(9000\)/],
        ['voix négatives', { ...EXEMPLE, listes: [{ ...premiere, voix: -5 }] }, /Le champ « listes\[0\]\.voix » doit être un nombre entier d’au moins 0 \(reçu : -5\)/],
        ['exprimés négatifs', { ...EXEMPLE, exprimes: -1 }, /Le champ « exprimes » doit être un nombre entier d’au moins 0/],
        ['listes en double', { ...EXEMPLE, listes: [premiere, { ...premiere, voix: 100 }] }, /La liste « A » figure deux fois/],
        ['tour 3', { ...EXEMPLE, tour: 3 }, /Le champ « tour » doit valoir 1 ou 2 \(reçu : 3\)/],
        ['sieges 0', { ...EXEMPLE, sieges: 0 }, /Le champ « sieges » doit être un nombre entier d’au moins 1/],
        ['sans sieges', { tour: 1, exprimes: 10, listes: [] }, /Le champ « sieges » est obligatoire/],
        ['sans listes', { sieges: 29, tour: 1, exprimes: 10000 }, /Le champ « listes » est obligatoire/],
        ['sans candidats', { ...EXEMPLE, listes: [{ liste: 'A', voix: 5200 }] }, /Le champ « listes\[0\]\.candidats » est obligatoire/],
        ['date invalide', { ...EXEMPLE, listes: [{ ...premiere, candidats: [{ rang: 1, date_naissance: '1961-02-30' }] }] }, /« listes\[0\]\.candidats\[0\]\.date_naissance » \("1961-02-30"\) n’est pas une date valide/],
        ['date absente', { ...EXEMPLE, listes: [{ ...premiere, candidats: [{ rang: 1 }] }] }, /« listes\[0\]\.candidats\[0\]\.date_naissance » est obligatoire/],
        ['rang en double', { ...EXEMPLE, listes: [{ ...premiere, candidats: [{ rang: 1, date_naissance: '1961-05-02' }, { rang: 1, date_naissance: '1962-05-02' }] }] }, /Le rang 1 figure deux fois/],
        ['type inconnu', { ...EXEMPLE, type: 'legislatives' }, /Le type « legislatives » n’a pas de répartition de sièges/],
        ['inscrits absents (< 1 000)', { ...EXEMPLE, type: 'municipales_moins_1000' }, /Le champ « inscrits » est obligatoire/],
      ];
      for (const [nom, corps, message] of cas) {
        const reponse = await session.request('POST', ROUTE, { json: corps });
        assert.equal(reponse.status, 422, `${nom}: ${reponse.text}`);
        assert.match(reponse.body.error.message, message, nom);
      }
    });

    test('the page: login first, 403 without resultats.election_consulter, the table and « provisoire »', async () => {
      const anonyme = await client().request('GET', '/resultats/sieges/1', { headers: HTML });
      assert.equal(anonyme.status, 303);
      assert.equal((await (await signedIn('lecteur')).request('GET', '/resultats/sieges/1', { headers: HTML })).status, 403);
      const session = await signedIn('agent');
      const page = await session.request('GET', '/resultats/sieges/1', { headers: HTML });
      assert.equal(page.status, 200, page.text);
      assert.match(page.text, /<h1>Répartition des sièges — Municipales 2026<\/h1>/);
      assert.match(page.text, /Répartition provisoire : 2 bureaux sur 3 validés\./);
      assert.match(page.text, /<th scope="row">Liste A<\/th><td>5\u202f200<\/td><td>52,00 %<\/td><td>23 \(dont 15 de prime majoritaire\)<\/td><td>8<\/td><td><ol class="elus"><li>Prénom1 NOMA1<\/li>/);
      assert.match(page.text, /<th scope="row">Liste D<\/th><td>300<\/td><td>3,00 %<\/td><td>0<\/td><td>0<\/td><td>—<\/td><td>—<\/td>/);
      assert.match(page.text, /<th scope="col">Sièges communautaires<\/th>/);
      assert.match(page.text, /Tour 1 — 29 sièges au conseil municipal et 9 sièges de conseillers communautaires\. Suffrages exprimés comptés : 10\u202f000\./);
      const inconnue = await session.request('GET', '/resultats/sieges/999', { headers: HTML });
      assert.equal(inconnue.status, 404);
      assert.match(inconnue.text, /<h1>Page introuvable<\/h1>/);
      assert.equal((await session.request('GET', '/resultats/sieges/abc', { headers: HTML })).status, 404);
    });
  },
  { sources: SOURCES },
);
