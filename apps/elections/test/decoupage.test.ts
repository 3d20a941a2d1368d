/**
 * The découpage part of issue 11 §2, on both databases: a `decoupage` row in error refused by a
 * Veto (form, API, import all go through the records service), the control page, the voies of a
 * Base Adresse Locale file, and the redécoupage (simulation figures, application as BR movements,
 * twice without effect the second time).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { readAs } from '../../../framework/src/db/tenant-context.ts';
import { createRecord, ServiceError, updateRecord, type ReadDeps } from '../../../framework/src/records/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient } from '../../../framework/test/support/http.ts';
import { grant, type TestRuntime } from '../../../framework/test/support/runtime.ts';
import { simulate } from '../src/decoupage/redecoupage.ts';
import { DECOUPAGE_SQL, SEQUENCES_SQL } from './decoupage-fixture.ts';
import { actorsFor, AUTREVILLE_SQL, depsOf, electionsRuntime, objectOf, PASSWORD, SOURCES } from './support.ts';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const HTML = { Accept: 'text/html' };

/** A multipart POST as a browser sends the upload form (the CSRF token in its header). */
async function upload(app: Hono<AppEnv>, client: TestClient, path: string, file: { name: string; content: Buffer } | undefined, fields: Record<string, string> = {}) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  if (file) body.set('fichier', new File([new Uint8Array(file.content)], file.name, { type: 'text/csv' }));
  const headers: Record<string, string> = { Accept: 'text/html', Cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
  if (client.csrf) headers['X-CSRF-Token'] = client.csrf;
  const response = await app.request(path, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}

describeEachDatabase(
  'élections : découpage — contrôles, page de contrôle, import BAL, redécoupage',
  (database) => {
    let runtime: TestRuntime;
    let deps: ReadDeps;
    let actors: Record<string, Actor>;
    let app: Hono<AppEnv>;
    const actor = (login: string): Actor => actors[login] ?? assert.fail(login);
    const signedIn = async (login: string) => {
      const client = new TestClient(app);
      assert.equal((await client.login(login, PASSWORD)).status, 200);
      return client;
    };
    const page = (client: TestClient, path: string) => client.request('GET', path, { headers: HTML });
    const count = async (query: string) => Number((await database().ownerQuery<{ n: number }>(query))[0]?.n);
    const refusal = async (work: () => Promise<unknown>): Promise<ServiceError> => {
      try {
        await work();
      } catch (error) {
        if (error instanceof ServiceError) return error;
        throw error;
      }
      return assert.fail('the write should have been refused');
    };

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      await database().asOwner(DECOUPAGE_SQL + SEQUENCES_SQL);
      runtime = await electionsRuntime(database());
      deps = depsOf(runtime);
      app = createApp(runtime);
      await grant(database(), 'SUPER UTILISATEUR', ['elections.decoupage_controle', 'elections.voie_import_bal', 'elections.redecoupage', 'elections.redecoupage_appliquer']);
      await grant(database(), 'UTILISATEUR', ['elections.redecoupage']);
      actors = await actorsFor(database(), [
        { login: 'chef', profil: 'SUPER UTILISATEUR', collectivite: 1 },
        { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'lecteur', profil: 'CONSULTATION', collectivite: 1 },
        { login: 'chef3', profil: 'SUPER UTILISATEUR', collectivite: 3 },
      ]);
    });

    test('a decoupage row in error is refused by a Veto naming its fields, and nothing is written', async () => {
      const decoupage = objectOf(runtime, 'decoupage');
      const before = await count('select count(*)::integer as n from elections.decoupage');
      const overlap = await refusal(() => createRecord(deps, actor('chef'), decoupage, { voie: 1, bureau: 3, premier_pair: 40, dernier_pair: 60 }));
      assert.match(overlap.message, /Le découpage n’est pas enregistré/);
      assert.match(overlap.fields['premier_pair'] ?? '', /Les numéros pairs 40 à 50 de la voie « Rue A » sont attribués aux bureaux B1 et B3\./);
      assert.match(overlap.fields['dernier_pair'] ?? '', /Les numéros pairs 52 à 60 de la voie « Rue A » sont attribués aux bureaux B2 et B3\./);
      assert.equal(overlap.fields['premier_impair'], undefined);

      const parity = await refusal(() => createRecord(deps, actor('chef'), decoupage, { voie: 3, bureau: 3, premier_impair: 2, dernier_impair: 9 }));
      assert.match(parity.fields['premier_impair'] ?? '', /Le premier numéro impair du bureau B3 sur la voie « Impasse C » est 2, un numéro pair\./);

      const order = await refusal(() => createRecord(deps, actor('chef'), decoupage, { voie: 3, bureau: 3, premier_pair: 20, dernier_pair: 10 }));
      assert.ok(order.fields['premier_pair'] || order.fields['dernier_pair'], JSON.stringify(order));
      assert.equal(await count('select count(*)::integer as n from elections.decoupage'), before, 'nothing written');

      // A gap is not an error: numbers 101 to 149 of Rue A's odd side go to no bureau.
      const gap = await createRecord(deps, actor('chef'), decoupage, { voie: 1, bureau: 3, premier_impair: 151, dernier_impair: 201 });
      // Its own row is not an overlap of itself; moving it onto bureau 1's numbers is.
      await updateRecord(deps, actor('chef'), decoupage, String(gap['decoupage']), { dernier_impair: 251 }, { partial: true });
      const moved = await refusal(() => updateRecord(deps, actor('chef'), decoupage, String(gap['decoupage']), { premier_impair: 99 }, { partial: true }));
      assert.match(moved.fields['premier_impair'] ?? '', /Le numéro impair 99 de la voie « Rue A » est attribué aux bureaux B1 et B3\./);
      assert.equal(await count(`select dernier_impair as n from elections.decoupage where decoupage = ${Number(gap['decoupage'])}`), 251);
      await database().asOwner(`delete from elections.decoupage where decoupage = ${Number(gap['decoupage'])}`);
    });

    test('the API answers the Veto as a 422 with the fields', async () => {
      const chef = await signedIn('chef');
      const answer = await chef.request('POST', '/api/v1/elections/decoupage', { json: { voie: 2, bureau: 3, premier_impair: 19, dernier_impair: 27 } });
      assert.equal(answer.status, 422, answer.text);
      assert.match(answer.body.error.fields.premier_impair, /Les numéros impairs 19 à 21 de la voie « Rue B » sont attribués aux bureaux B2 et B3\./);
    });

    test('the control page: errors and gaps per voie, voies without découpage, electors outside any range', async () => {
      assert.equal((await page(await signedIn('agent'), '/elections/decoupage-controle')).status, 403);
      const chef = await page(await signedIn('chef'), '/elections/decoupage-controle');
      assert.equal(chef.status, 200, chef.text);
      assert.match(chef.text, /<h1>Contrôle du découpage<\/h1>/);
      assert.match(chef.text, /<a href="\/elections\/decoupage-controle"[^>]*>Contrôle du découpage<\/a>/, 'its menu entry');
      assert.match(chef.text, /<caption[^>]*>1 voie sur 2 dont le découpage est à revoir<\/caption>/);
      assert.match(chef.text, /<a href="\/elections\/voie\/2">Rue B \(V2\)<\/a><\/th><td><ul><li>Les numéros impairs 91 à 99 de la voie « Rue B » sont attribués aux bureaux B2 et B1\.<\/li><\/ul><\/td><td><ul><li>Le numéro impair 23 de la voie « Rue B » n’est attribué à aucun bureau\.<\/li><\/ul>/);
      assert.doesNotMatch(chef.text, /Rue A \(V1\)/, 'a voie without issue is not listed');
      assert.match(chef.text, /<caption>2 voies ne sont rattachées à aucun bureau<\/caption>/);
      assert.match(chef.text, /<td>V3<\/td><th scope="row"><a href="\/elections\/voie\/3">Impasse C<\/a><\/th>/);
      assert.match(chef.text, /<caption>2 électeurs dont l’adresse n’est couverte par aucune plage<\/caption>/);
      assert.match(chef.text, /Rue B \(V2\)<\/a><\/th><td>1<\/td>/);
      assert.match(chef.text, /Impasse C \(V3\)<\/a><\/th><td>1<\/td>/);
      assert.doesNotMatch(chef.text, /Autreville/, 'the other collectivité’s voies stay out');
    });

    test('BAL import: an invalid file is refused with its errors in French and nothing is written', async () => {
      const chef = await signedIn('chef');
      const voies = await count('select count(*)::integer as n from elections.voie');
      const form = await page(chef, '/elections/voies-bal');
      assert.equal(form.status, 200);
      assert.match(form.text, /enctype="multipart\/form-data"/);
      assert.match(form.text, /<label for="bal-fichier">Fichier BAL \(CSV\) \*<\/label>/);
      const invalid = await upload(app, chef, '/elections/voies-bal', { name: 'bal-invalide.csv', content: readFileSync(new URL('bal-invalide.csv', FIXTURES)) });
      assert.equal(invalid.status, 422, invalid.text);
      assert.match(invalid.text, /<li>Ligne 3 : Le champ voie_nom ne doit pas être vide \(colonne « voie_nom »\)\.<\/li>/);
      assert.match(invalid.text, /<li>Ligne 4 : La valeur du champ numéro doit être un nombre entier \(colonne « numero »\)\.<\/li>/);
      const columns = await upload(app, chef, '/elections/voies-bal', { name: 'autre.csv', content: Buffer.from('voie;num\nRue X;1\n') });
      assert.equal(columns.status, 422);
      assert.match(columns.text, /La colonne obligatoire « voie_nom » est absente\./);
      const none = await upload(app, chef, '/elections/voies-bal', undefined);
      assert.equal(none.status, 400);
      assert.match(none.text, /Choisissez le fichier BAL \(CSV\) à importer\./);
      const postal = await upload(app, chef, '/elections/voies-bal', { name: 'bal-valide.csv', content: readFileSync(new URL('bal-valide.csv', FIXTURES)) }, { code_postal: '3100' });
      assert.equal(postal.status, 400);
      assert.match(postal.text, /Le code postal « 3100 » doit avoir 5 chiffres\./);
      assert.equal(await count('select count(*)::integer as n from elections.voie'), voies);
      const noToken = await app.request('/elections/voies-bal', { method: 'POST', headers: { Accept: 'text/html', Cookie: [...chef.cookies].map(([n, v]) => `${n}=${v}`).join('; ') }, body: new FormData() });
      assert.equal(noToken.status, 403, 'the CSRF token is checked');
      assert.equal((await page(await signedIn('agent'), '/elections/voies-bal')).status, 403);
    });

    test('BAL import: the voies not there are created (generated code), the others unchanged; a second import changes nothing', async () => {
      const chef = await signedIn('chef');
      const content = readFileSync(new URL('bal-valide.csv', FIXTURES));
      const first = await upload(app, chef, '/elections/voies-bal', { name: 'bal-valide.csv', content }, { code_postal: '31000' });
      assert.equal(first.status, 200, first.text);
      assert.match(first.text, /Import terminé : 2 voie\(s\) créée\(s\), 1 inchangée\(s\), 4 adresse\(s\) localisée\(s\)\./);
      assert.match(first.text, /<td>V4<\/td><th scope="row">Rue de la République<\/th><td>2<\/td>/);
      const created = await database().ownerQuery<{ code: string; libelle: string; code_postal: string; ville: string; om_collectivite: number }>(
        `select code, libelle, code_postal, ville, om_collectivite from elections.voie where voie > 9 order by code`,
      );
      assert.deepEqual(created.map((row) => [row.code, row.libelle, row.code_postal, row.ville, Number(row.om_collectivite)]), [
        ['1', 'Allée des Tilleuls', '31000', 'Toulouse', 1],
        ['2', 'Chemin du Moulin', '31000', 'Toulouse', 1],
      ]);
      assert.equal(await count(`select count(*)::integer as n from om.om_audit where application = 'elections' and objet = 'voie' and action = 'import'`), 1, 'created through the records service (audited)');
      const second = await upload(app, chef, '/elections/voies-bal', { name: 'bal-valide.csv', content });
      assert.match(second.text, /Import terminé : 0 voie\(s\) créée\(s\), 3 inchangée\(s\), 4 adresse\(s\) localisée\(s\)\./);
      const points = await database().ownerQuery<{ voie_cle: string; numero: number; suffixe: string | null; longitude: number; om_collectivite: number }>(
        `select voie_cle, numero, suffixe, longitude, om_collectivite from om.om_sig_adresse order by voie_cle, numero`,
      );
      assert.deepEqual(
        points.map((row) => [row.voie_cle, Number(row.numero), row.suffixe, Number(row.longitude), Number(row.om_collectivite)]),
        [
          ['allee des tilleuls', 3, 'bis', 1.4452, 1],
          ['allee des tilleuls', 5, null, 1.4453, 1],
          ['rue de la republique', 1, null, 1.4442, 1],
          ['rue de la republique', 2, null, 1.4443, 1],
        ],
        'a second import replaces the points instead of adding them',
      );
    });

    test('« Localiser » a bureau from its voie and number: the address point, an estimate between neighbours, the voie, or not found', async () => {
      const chef = await signedIn('chef');
      const voieId = async (libelle: string) =>
        Number((await database().ownerQuery<{ voie: number }>(`select voie from elections.voie where libelle = '${libelle}' and om_collectivite = 1`))[0]?.voie);
      const tilleuls = await voieId('Allée des Tilleuls');
      const localiser = async (query: string, client = chef) => {
        const answer = await client.request('GET', `/elections/bureau/localiser?${query}`, { headers: { Accept: 'application/json' } });
        return { status: answer.status, body: answer.body as { x?: number; y?: number; srid?: number; precision?: string; message: string } };
      };
      const exact = await localiser(`voie=${tilleuls}&numero_voie=5`);
      assert.equal(exact.status, 200, exact.body.message);
      assert.deepEqual([exact.body.x, exact.body.y, exact.body.srid, exact.body.precision], [1.4453, 43.6056, 4326, 'adresse']);
      assert.equal(exact.body.message, 'Point placé à l’adresse « 5 Allée des Tilleuls ». Vérifiez-le sur la carte, puis enregistrez.');
      const between = await localiser(`voie=${tilleuls}&numero_voie=4`);
      assert.equal(between.body.precision, 'voie', 'no even number on that side: the middle of the voie');
      assert.ok(Math.abs((between.body.x ?? 0) - 1.44525) < 1e-9);
      await database().asOwner(`insert into om.om_sig_adresse (om_collectivite, voie_nom, voie_cle, numero, longitude, latitude) values (1, 'Allée des Tilleuls', 'allee des tilleuls', 9, 1.4457, 43.6060)`);
      const estimated = await localiser(`voie=${tilleuls}&numero_voie=7`);
      assert.equal(estimated.body.precision, 'interpolee');
      assert.ok(Math.abs((estimated.body.x ?? 0) - 1.4455) < 1e-9 && Math.abs((estimated.body.y ?? 0) - 43.6058) < 1e-9, JSON.stringify(estimated.body));
      const moulin = await voieId('Chemin du Moulin');
      const none = await localiser(`voie=${moulin}&numero_voie=1`);
      assert.deepEqual([none.status, none.body.x], [200, undefined]);
      assert.match(none.body.message, /^Adresse introuvable/);
      const empty = await localiser('');
      assert.deepEqual([empty.status, empty.body.x], [200, undefined]);
      assert.match(empty.body.message, /Saisissez d’abord l’adresse/);
      const elsewhere = await localiser(`voie=${tilleuls}&numero_voie=5`, await signedIn('chef3'));
      assert.deepEqual([elsewhere.body.x, elsewhere.body.message], [undefined, none.body.message], 'another town neither sees the voie nor the addresses');
      const form = await page(chef, '/elections/bureau/new');
      assert.match(form.text, /data-carte-localiser="\/elections\/bureau\/localiser"/);
      assert.match(form.text, /Localiser d’après l’adresse/);
    });

    test('BAL import without generated codes takes the code of the interoperability key', async () => {
      await database().asOwner(`insert into om.om_parametre (libelle, valeur, om_collectivite) values ('option_code_voie_auto', 'false', 3)`);
      const chef3 = await signedIn('chef3');
      const answer = await upload(app, chef3, '/elections/voies-bal', { name: 'bal-valide.csv', content: readFileSync(new URL('bal-valide.csv', FIXTURES)) });
      assert.equal(answer.status, 200, answer.text);
      assert.match(answer.text, /3 voie\(s\) créée\(s\), 0 inchangée\(s\)/);
      const codes = await database().ownerQuery<{ code: string }>(`select code from elections.voie where om_collectivite = 3 and voie > 9 order by code`);
      assert.deepEqual(codes.map((row) => row.code), ['0001', '0002', '0003']);
    });

    test('the simulation: per bureau before, forced, after, in, out; the share forced; the electors outside', async () => {
      const { simulation } = await readAs(runtime.db.kysely, actor('chef'), simulate);
      assert.deepEqual(simulation.bureaux, [
        { bureau: 1, avant: 4, force: 1, apres: 3, entrants: 0, sortants: 1 },
        { bureau: 2, avant: 1, force: 0, apres: 3, entrants: 2, sortants: 0 },
        { bureau: 3, avant: 0, force: 0, apres: 0, entrants: 0, sortants: 0 },
      ]);
      assert.equal(simulation.totaux.electeurs, 6, 'Autreville’s elector is not counted');
      assert.deepEqual(simulation.modifications.map((change) => [change.electeur, change.ancien_bureau, change.nouveau_bureau]), [[2, 1, 2], [6, null, 2]]);
      assert.deepEqual(simulation.horsDecoupage.map((electeur) => electeur.electeur), [4, 5]);

      const agent = await page(await signedIn('agent'), '/elections/redecoupage');
      assert.equal(agent.status, 200, agent.text);
      assert.match(agent.text, /6 électeur\(s\) ; 2 à changer de bureau ; 1 en bureau forcé \(16,7 %\) ; 2 hors découpage\./);
      assert.match(agent.text, /<th scope="row">B1 Mairie<\/th><td>4<\/td><td>1<\/td><td>3<\/td><td>0<\/td><td>1<\/td>/);
      assert.match(agent.text, /<th scope="row">B2 École<\/th><td>1<\/td><td>0<\/td><td>3<\/td><td>2<\/td><td>0<\/td>/);
      assert.doesNotMatch(agent.text, />Appliquer</, 'no button without elections.redecoupage_appliquer');
      assert.equal((await page(await signedIn('lecteur'), '/elections/redecoupage')).status, 403);
    });

    test('applying creates accepted BR movements and moves the electors, in one go; twice changes nothing', async () => {
      const agent = await signedIn('agent');
      assert.equal((await agent.request('POST', '/elections/redecoupage/appliquer', { form: {}, headers: HTML })).status, 403);
      const chef = await signedIn('chef');
      const shown = await page(chef, '/elections/redecoupage');
      assert.match(shown.text, /<button type="submit" aria-describedby="redecoupage-aide">Appliquer<\/button>/);
      assert.equal((await chef.request('POST', '/elections/redecoupage/appliquer', { form: {}, headers: HTML, csrf: false })).status, 403, 'CSRF');
      const applied = await chef.request('POST', '/elections/redecoupage/appliquer', { form: {}, headers: HTML });
      assert.equal(applied.status, 303, applied.text);
      assert.equal(applied.headers.get('location'), '/elections/redecoupage');
      const after = await page(chef, '/elections/redecoupage');
      assert.match(after.text, /2 électeur\(s\) ont changé de bureau : 2 mouvement\(s\) « BR » créé\(s\) et acceptés\./);
      const movements = await database().ownerQuery<{ electeur: number; type_mouvement: string; etat: string; bureau: number; ancien_bureau: number | null; nom: string; om_collectivite: number }>(
        `select electeur, type_mouvement, etat, bureau, ancien_bureau, nom, om_collectivite from elections.mouvement order by electeur`,
      );
      assert.deepEqual(movements.map((row) => [Number(row.electeur), row.type_mouvement, row.etat, Number(row.bureau), row.ancien_bureau === null ? null : Number(row.ancien_bureau), row.nom, Number(row.om_collectivite)]), [
        [2, 'BR', 'accepte', 2, 1, 'Deux', 1],
        [6, 'BR', 'accepte', 2, null, 'Six', 1],
      ]);
      const bureaux = await database().ownerQuery<{ electeur: number; bureau: number | null }>(`select electeur, bureau from elections.electeur order by electeur`);
      assert.deepEqual(bureaux.map((row) => [Number(row.electeur), row.bureau === null ? null : Number(row.bureau)]), [[1, 1], [2, 2], [3, 1], [4, 1], [5, 2], [6, 2], [9, 9]]);
      const numbers = await database().ownerQuery<{ bureau: number; numeros: number[]; n: number }>(
        `select bureau, array_agg(numero_bureau order by numero_bureau) as numeros, count(*)::int as n from elections.electeur where om_collectivite = 1 group by bureau`,
      );
      for (const { bureau, numeros, n } of numbers) {
        assert.deepEqual(numeros.map(Number), Array.from({ length: n }, (_, index) => index + 1), `bureau ${bureau} numbered 1 to ${n} again`);
      }
      assert.match(after.text, /6 électeur\(s\) ; 0 à changer de bureau/);
      assert.match(after.text, /<button type="submit" aria-describedby="redecoupage-aide" disabled="">Appliquer<\/button>|disabled/);

      const again = await chef.request('POST', '/elections/redecoupage/appliquer', { form: {}, headers: HTML });
      assert.equal(again.status, 303);
      assert.match((await page(chef, '/elections/redecoupage')).text, /Aucun électeur n’avait à changer de bureau\./);
      assert.equal(await count('select count(*)::integer as n from elections.mouvement'), 2, 'no movement the second time');
      assert.equal(await count(`select count(*)::integer as n from om.om_audit where objet = 'mouvement' and action = 'redecoupage'`), 1, 'one audit entry');
    });
  },
  { sources: SOURCES },
);
