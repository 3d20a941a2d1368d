/**
 * The calendar through the real web application, on both databases: the public JSON route
 * (`GET /api/v1/elections/calendrier`) and its 400s in the API's error shape, the generated
 * `/api/v1/elections/scrutin` beside it, and the page `/elections/calendrier` (permission
 * `elections.calendrier`; the scrutins of the user's collectivité when they may list them).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { syncPermissionVocabulary } from '../../../framework/src/access/vocabulary.ts';
import { frameworkMigrations } from '../../../framework/src/db/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient } from '../../../framework/test/support/http.ts';
import { createTestRuntime, createUsers, grant } from '../../../framework/test/support/runtime.ts';
import { elections } from '../src/index.ts';

const PASSWORD = 'Calendrier-Electoral-2026';
const HTML = { Accept: 'text/html' };

const DONNEES_SQL = `
insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 3);
insert into elections.scrutin (libelle, type, date_tour1, date_tour2, om_collectivite) values
  ('Municipales 2026', 'municipales', '2026-03-15', '2026-03-22', 1),
  ('Européennes 2024', 'europeennes', '2024-06-09', null, 1),
  ('Municipales d’Autreville', 'municipales', '2026-03-15', '2026-03-22', 3);
-- Only UTILISATEUR and above list the scrutins in this test (the migration gives it to CONSULTATION).
delete from om.om_droit where libelle in ('elections.scrutin_tab', 'elections.scrutin_consulter', 'elections.scrutin');
`;

const MUNICIPALES_2026 = {
  premier_tour: '2026-03-15',
  second_tour: '2026-03-22',
  date_limite_inscription: '2026-02-06',
  commission_controle: { debut: '2026-02-19', fin: '2026-02-22' },
  tableau_inscriptions_radiations: { au_plus_tot: '2026-02-20', au_plus_tard: '2026-02-23' },
  date_limite_l30: '2026-03-05',
};

describeEachDatabase(
  'elections : calendrier électoral par l’API et la page',
  (database) => {
    let app: Hono<AppEnv>;
    const client = () => new TestClient(app);
    const signedIn = async (login: string) => {
      const browser = client();
      assert.equal((await browser.login(login, PASSWORD)).status, 200);
      return browser;
    };
    const page = async (browser: TestClient, path: string) => browser.request('GET', path, { headers: HTML });

    before(async () => {
      await database().asOwner(DONNEES_SQL, 'elections');
      const runtime = await createTestRuntime(database());
      elections.register(runtime.registry);
      runtime.registry.linkIncomingReferences();
      await syncPermissionVocabulary(runtime.db.kysely, runtime.registry, elections.permissions ?? []);
      app = createApp(runtime);
      // Migration 0004 gives the calendar to CONSULTATION, hence to everyone: taken back here so
      // that the 403 of a profile without it is tested.
      const [granted] = await database().ownerQuery<{ n: number }>(
        `select count(*)::int as n from om.om_droit d join om.om_profil p using (om_profil) where d.libelle = 'elections.calendrier' and p.libelle = 'CONSULTATION'`,
      );
      assert.equal(granted?.n, 1, 'the migration grants the calendar to CONSULTATION');
      await database().asOwner(`delete from om.om_droit where libelle = 'elections.calendrier' and om_profil = (select om_profil from om.om_profil where libelle = 'CONSULTATION')`);
      await grant(database(), 'UTILISATEUR LIMITÉ', ['elections.calendrier']);
      await grant(database(), 'UTILISATEUR', ['elections.scrutin_tab']);
      await createUsers(database(), [
        { login: 'lecteur', password: PASSWORD, profil: 'CONSULTATION', collectivite: 1 },
        { login: 'limite', password: PASSWORD, profil: 'UTILISATEUR LIMITÉ', collectivite: 1 },
        { login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'agent3', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 3 },
      ]);
    });

    test('GET /api/v1/elections/calendrier is public and answers the calendar of the first round', async () => {
      const answer = await client().get('/api/v1/elections/calendrier?premier_tour=2026-03-15');
      assert.equal(answer.status, 200, answer.text);
      const { cas_l30: cas, ...dates } = answer.body;
      assert.deepEqual(dates, MUNICIPALES_2026);
      assert.deepEqual(cas.map((entry: { code: string }) => entry.code), ['L30_1', 'L30_2', 'L30_2BIS', 'L30_3', 'L30_4', 'L30_5']);
      for (const entry of cas) assert.deepEqual(Object.keys(entry).sort(), ['article', 'code', 'libelle']);
      const withSecond = await (await signedIn('lecteur')).get('/api/v1/elections/calendrier?premier_tour=2024-06-30&second_tour=2024-07-07');
      assert.equal(withSecond.status, 200);
      assert.equal(withSecond.body.second_tour, '2024-07-07');
      assert.equal(withSecond.body.date_limite_inscription, '2024-05-24');
      const described = (await (await signedIn('lecteur')).get('/api/v1/openapi.json')).body.paths['/api/v1/elections/calendrier'].get;
      assert.equal(described.summary, 'Calendrier électoral d’un scrutin');
      assert.deepEqual(described.security, []);
      assert.deepEqual(described.parameters.map((parameter: { name: string; required: boolean }) => [parameter.name, parameter.required]), [['premier_tour', true], ['second_tour', false]]);
    });

    test('a missing or malformed date is a 400 with a French message, in the API’s error shape', async () => {
      const cases: [string, RegExp][] = [
        ['', /Le paramètre « premier_tour » est obligatoire/],
        ['?premier_tour=', /Le paramètre « premier_tour » est obligatoire/],
        ['?premier_tour=15/03/2026', /« 15\/03\/2026 » n’est pas une date au format AAAA-MM-JJ/],
        ['?premier_tour=2026-02-30', /La date « 2026-02-30 » n’existe pas/],
        ['?premier_tour=2026-03-15&second_tour=2026-03-01', /Le second tour \(1er mars 2026\) doit avoir lieu après le premier tour \(15 mars 2026\)/],
        ["?premier_tour=2026-03-15'%20or%201=1", /n’est pas une date au format AAAA-MM-JJ/],
      ];
      for (const [query, message] of cases) {
        const answer = await client().get(`/api/v1/elections/calendrier${query}`);
        assert.equal(answer.status, 400, query);
        assert.deepEqual(Object.keys(answer.body.error).sort(), ['code', 'message', 'request_id'], query);
        assert.equal(answer.body.error.code, 'bad_request');
        assert.match(answer.body.error.message, message, query);
      }
    });

    test('the generated API of the scrutin table keeps working beside the calendar', async () => {
      const agent = await signedIn('agent');
      const listed = await agent.get('/api/v1/elections/scrutin?sort=date_tour1');
      assert.equal(listed.status, 200, listed.text);
      assert.deepEqual(listed.body.data.map((row: { libelle: string }) => row.libelle), ['Européennes 2024', 'Municipales 2026']);
      assert.equal((await client().get('/api/v1/elections/scrutin')).status, 401);
    });

    test('the page: login first, 403 without elections.calendrier, the form and the scrutins of the collectivité', async () => {
      const anonymous = await page(client(), '/elections/calendrier');
      assert.equal(anonymous.status, 303);
      assert.equal(anonymous.headers.get('location'), '/login?came_from=%2Felections%2Fcalendrier');
      assert.equal((await page(await signedIn('lecteur'), '/elections/calendrier')).status, 403);

      const agent = await page(await signedIn('agent'), '/elections/calendrier');
      assert.equal(agent.status, 200, agent.text);
      assert.match(agent.text, /<title>Calendrier électoral — Commun<\/title>/);
      assert.match(agent.text, /<h1>Calendrier électoral<\/h1>/);
      assert.match(agent.text, /<a href="\/elections\/calendrier"[^>]*>Calendrier électoral<\/a>/, 'its menu entry');
      assert.match(agent.text, /<label for="calendrier-premier-tour">Date du premier tour<\/label>/);
      assert.doesNotMatch(agent.text, /id="calendrier-resultat"/, 'no calendar before a date is given');
      assert.match(agent.text, />Municipales 2026<\/a><\/th><td>15\/03\/2026<\/td><td>22\/03\/2026<\/td><td>06\/02\/2026<\/td><td>19\/02\/2026 – 22\/02\/2026<\/td><td>05\/03\/2026<\/td>/);
      assert.match(agent.text, />Européennes 2024<\/a><\/th><td>09\/06\/2024<\/td><td>16\/06\/2024<\/td><td>03\/05\/2024<\/td>/);
      assert.doesNotMatch(agent.text, /Autreville/);
      const autreville = await page(await signedIn('agent3'), '/elections/calendrier');
      assert.match(autreville.text, /Municipales d’Autreville/);
      assert.doesNotMatch(autreville.text, /Européennes 2024/);

      const limite = await page(await signedIn('limite'), '/elections/calendrier');
      assert.equal(limite.status, 200);
      assert.doesNotMatch(limite.text, /Scrutins enregistrés/, 'no scrutins for a user who may not list them');
    });

    test('the page computes the calendar of the dates typed (JJ/MM/AAAA), and says what is wrong with a bad one', async () => {
      const agent = await signedIn('limite');
      const computed = await page(agent, '/elections/calendrier?premier_tour=15%2F03%2F2026');
      assert.equal(computed.status, 200);
      assert.match(computed.text, /Date limite d’inscription<\/th><td>vendredi 06\/02\/2026<\/td>/);
      assert.match(computed.text, /Réunion de la commission de contrôle<\/th><td>du jeudi 19\/02\/2026 au dimanche 22\/02\/2026<\/td>/);
      assert.match(computed.text, /au titre de l’article L30<\/th><td>jeudi 05\/03\/2026<\/td>/);
      assert.match(computed.text, /Second tour<\/th><td>dimanche 22\/03\/2026<\/td>/);
      assert.match(computed.text, /Militaire renvoyé dans ses foyers.*\(art\. L30 2°\)/);
      assert.match(computed.text, /value="15\/03\/2026"/);
      const iso = await page(agent, '/elections/calendrier?premier_tour=2022-04-09&second_tour=23042022');
      assert.match(iso.text, /Date limite d’inscription<\/th><td>vendredi 04\/03\/2022<\/td>/);
      assert.match(iso.text, /Second tour<\/th><td>samedi 23\/04\/2022<\/td>/);
      const invalid = await page(agent, '/elections/calendrier?premier_tour=31%2F02%2F2026');
      assert.equal(invalid.status, 400);
      assert.match(invalid.text, /role="alert"><p class="message message-erreur">La date du premier tour « 31\/02\/2026 » n’est pas une date valide/);
      assert.match(invalid.text, /id="calendrier-premier-tour"[^>]*aria-invalid="true"/);
      assert.doesNotMatch(invalid.text, /id="calendrier-second-tour"[^>]*aria-invalid/);
      assert.doesNotMatch(invalid.text, /id="calendrier-resultat"/);
      const ancient = await page(agent, '/elections/calendrier?premier_tour=01%2F01%2F0999&second_tour=08%2F01%2F0999');
      assert.equal(ancient.status, 400);
      assert.match(ancient.text, /La date « 0999-01-01 » n’existe pas/);
      assert.match(ancient.text, /id="calendrier-premier-tour"[^>]*aria-invalid="true"/);
      const reversed = await page(agent, '/elections/calendrier?premier_tour=15%2F03%2F2026&second_tour=08%2F03%2F2026');
      assert.equal(reversed.status, 400);
      assert.match(reversed.text, /Le second tour \(8 mars 2026\) doit avoir lieu après le premier tour \(15 mars 2026\)/);
      assert.match(reversed.text, /id="calendrier-second-tour"[^>]*aria-invalid="true"/);
    });
  },
  { sources: [frameworkMigrations, elections.migrations] },
);
