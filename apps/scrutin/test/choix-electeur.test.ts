/**
 * « Choisir dans la liste électorale »: with the élections application, an elector found by name and
 * birth date becomes a personne (address from the list, commune and département of the collectivité),
 * reused when chosen again, then staffed; Autreville's electors never show. Without it, the page says
 * to type the person in.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { createRecord } from '../../../framework/src/records/index.ts';
import { loadActor } from '../../../framework/src/access/load-actor.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { actorsFor, AUTREVILLE_SQL, depsOf, PASSWORD, scrutinEtElectionsRuntime, scrutinObject, scrutinRuntime, SOURCES, SOURCES_AVEC_ELECTIONS } from './support.ts';

const flat = (text: string) => text.replace(/\s+/g, ' ');

const ELECTEURS_SQL = `
  insert into elections.voie (code, libelle, code_postal, ville, om_collectivite) values
    ('V001', 'RUE DES LILAS', '00100', 'Libreville', 1), ('V001', 'RUE HAUTE', '00300', 'Autreville', 3);
  insert into elections.electeur (liste, civilite, sexe, nom, prenoms, date_naissance, naissance_lieu, pays_naissance, libelle_lieu_naissance,
      nationalite, voie, numero, complement, telephone, om_collectivite) values
    ('LP', 'Mme', 'F', 'DUPONT', 'Jeanne Marie', '1961-05-02', 'etranger', '99134', 'Madrid', 'FRA', (select voie from elections.voie where om_collectivite = 1), 3, 'Bâtiment A', '0556000001', 1),
    ('LP', 'M.', 'M', 'DUPONT', 'Pierre', '1990-01-01', 'etranger', '99134', 'Séville', 'FRA', (select voie from elections.voie where om_collectivite = 1), 5, null, null, 1),
    ('LP', 'M.', 'M', 'DUPONTEL', 'Albert', '1970-02-03', 'etranger', '99134', 'Madrid', 'FRA', (select voie from elections.voie where om_collectivite = 3), 1, null, null, 3);
  insert into scrutin.bureau (code, libelle, om_collectivite) values ('1', 'Hôtel de ville', 1);
  insert into scrutin.scrutin (libelle, type, date_scrutin, tour, departement, om_collectivite) values ('Municipales 2026', 'municipales', '2026-03-15', 1, '33', 1);`;

describeEachDatabase(
  'composition des bureaux : choisir une personne dans la liste électorale',
  (database) => {
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    const signIn = async (login: string): Promise<Browser> => {
      const browser = new Browser(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 303, `${login} signs in`);
      return browser;
    };

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      runtime = await scrutinEtElectionsRuntime(database());
      await database().asOwner(ELECTEURS_SQL);
      app = createApp(runtime);
      await actorsFor(database(), PASSWORD, [{ login: 'agent', profil: 'UTILISATEUR', collectivite: 1 }]);
    });

    test('search by name and birth date, choose, and the personne is made from the elector', async () => {
      const agent = await signIn('agent');
      const all = flat(await (await agent.get('/scrutin/choisir-electeur?nom=dupont', { Accept: 'text/html' })).text());
      assert.match(all, /DUPONT Jeanne Marie<\/th><td>02\/05\/1961<\/td><td>3 RUE DES LILAS<\/td>/);
      assert.match(all, /DUPONT Pierre/);
      assert.doesNotMatch(all, /DUPONTEL/, 'Autreville’s electors never show');
      const page = await agent.get('/scrutin/choisir-electeur?nom=Dupont&date_naissance=02/05/1961', { Accept: 'text/html' });
      const html = flat(await page.text());
      assert.doesNotMatch(html, /Pierre/);
      const electeur = /name="electeur" value="(\d+)"/.exec(html)?.[1] ?? assert.fail(html);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? assert.fail('csrf');
      const chosen = await agent.postForm('/scrutin/choisir-electeur', { _csrf: csrf, electeur });
      assert.equal(chosen.status, 303);
      const location = chosen.headers.get('location') ?? '';
      assert.match(location, /^\/scrutin\/personne\/\d+$/);
      const [personne] = await database().ownerQuery<Record<string, unknown>>(
        `select nom, prenom, to_char(date_naissance, 'YYYY-MM-DD') as date_naissance, adresse, telephone, commune_inscription, departement_inscription, electeur, om_collectivite from scrutin.personne`,
      );
      assert.deepEqual({ ...personne }, {
        nom: 'DUPONT',
        prenom: 'Jeanne Marie',
        date_naissance: '1961-05-02',
        adresse: '3 RUE DES LILAS, Bâtiment A, 00100 Libreville',
        telephone: '0556000001',
        commune_inscription: 'Libreville',
        departement_inscription: '33',
        electeur: Number(electeur),
        om_collectivite: 1,
      });
      // Chosen again: the same personne, nothing added.
      const again = await agent.postForm('/scrutin/choisir-electeur', { _csrf: csrf, electeur });
      assert.equal(again.headers.get('location'), location);
      const [{ n } = { n: 0 }] = await database().ownerQuery<{ n: number }>('select count(*)::int as n from scrutin.personne');
      assert.equal(n, 1);
      // An elector of the département may preside.
      const [user] = await database().ownerQuery<{ om_utilisateur: number }>(`select om_utilisateur from om.om_utilisateur where login = 'agent'`);
      const actor = (await loadActor(database().db.kysely, Number(user?.om_utilisateur))) ?? assert.fail('actor');
      const [keys] = await database().ownerQuery<{ scrutin: number; bureau: number }>('select (select scrutin from scrutin.scrutin) as scrutin, (select bureau from scrutin.bureau) as bureau');
      const created = await createRecord(depsOf(runtime), actor, scrutinObject(runtime, 'affectation'), {
        scrutin: keys?.scrutin, bureau: keys?.bureau, personne: location.split('/').pop(), fonction: 'president',
      });
      assert.equal(created['fonction'], 'president');
    });

    test('an elector of another collectivité cannot be chosen; a bad date is said in French', async () => {
      const agent = await signIn('agent');
      const [other] = await database().ownerQuery<{ electeur: number }>(`select electeur from elections.electeur where om_collectivite = 3`);
      const csrf = await agent.formToken('/scrutin/choisir-electeur');
      const refused = await agent.postForm('/scrutin/choisir-electeur', { _csrf: csrf, electeur: String(other?.electeur) }, { Accept: 'text/html' });
      assert.equal(refused.status, 404);
      assert.match(await refused.text(), /Page introuvable/, 'as any record of another collectivité');
      const [{ n } = { n: -1 }] = await database().ownerQuery<{ n: number }>('select count(*)::int as n from scrutin.personne');
      assert.equal(n, 1, 'nothing added');
      const bad = await agent.get('/scrutin/choisir-electeur?nom=Dupont&date_naissance=31/02/1961', { Accept: 'text/html' });
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /La date de naissance « 31\/02\/1961 » n’est pas une date valide : écrivez-la JJ\/MM\/AAAA/);
    });
  },
  { sources: SOURCES_AVEC_ELECTIONS },
);

describeEachDatabase(
  'composition des bureaux : sans l’application « Élections »',
  (database) => {
    test('the page says to type the person in', async () => {
      const runtime = await scrutinRuntime(database());
      const app = createApp(runtime);
      await actorsFor(database(), PASSWORD, [{ login: 'agent', profil: 'UTILISATEUR', collectivite: 1 }]);
      const browser = new Browser(app);
      await browser.login('agent', PASSWORD);
      const html = flat(await (await browser.get('/scrutin/choisir-electeur?nom=Dupont', { Accept: 'text/html' })).text());
      assert.match(html, /L’application « Élections » n’est pas servie ou vous n’avez pas le droit d’en consulter les électeurs : saisissez la personne dans/);
    });
  },
  { sources: SOURCES },
);
