/**
 * The elector's form and its rules, through the record service and the screens: the birthplace
 * field that « Lieu de naissance » asks for (the others empty), the list a nationality allows, the
 * reason of a forced bureau; the commune of birth as an autocomplete naming the département (and
 * former communes), never a list of 37,000 options; another collectivité's electors out of reach.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { createRecord, getRecord, listRecords, ServiceError, type ReadDeps } from '../../../framework/src/records/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { grant } from '../../../framework/test/support/runtime.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient } from '../../../framework/test/support/http.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { actorsFor, AUTREVILLE_SQL, depsOf, electionsRuntime, loadElectionReferentials, objectOf, PASSWORD, SOURCES } from './support.ts';

const VOIES_SQL = `insert into elections.voie (code, libelle, code_postal, ville, om_collectivite) values
  ('NC1', 'NON COMMUNIQUÉE', '00100', 'Libreville', 1), ('V001', 'Rue de la République', '00100', 'Libreville', 1),
  ('NC1', 'NON COMMUNIQUÉE', '00300', 'Autreville', 3);`;

describeEachDatabase(
  'élections : la fiche de l’électeur et ses règles',
  (database) => {
    let runtime: TestRuntime;
    let deps: ReadDeps;
    let actors: Record<string, Actor>;
    let app: Hono<AppEnv>;
    let voie: number;
    const actor = (login: string): Actor => actors[login] ?? assert.fail(login);
    const electeur = () => objectOf(runtime, 'electeur');
    /** A valid elector of Libreville born in Ajaccio; `changes` make it wrong. */
    const valid = (changes: Record<string, unknown> = {}) => ({
      liste: 'LP',
      civilite: 'Mme',
      sexe: 'F',
      nom: 'Bérard',
      prenoms: 'Élise Marie',
      date_naissance: '12/03/1985',
      naissance_lieu: 'france',
      commune_naissance: '2A004',
      nationalite: 'FRA',
      voie,
      numero: 12,
      ...changes,
    });
    const refusal = async (values: Record<string, unknown>): Promise<Record<string, string>> => {
      try {
        await createRecord(deps, actor('agent'), electeur(), values);
      } catch (error) {
        if (error instanceof ServiceError) return error.fields;
        throw error;
      }
      return assert.fail('the elector should have been refused');
    };

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      await loadElectionReferentials(database());
      await database().asOwner(VOIES_SQL);
      voie = Number((await database().ownerQuery<{ voie: number }>(`select voie from elections.voie where code = 'V001'`))[0]?.voie);
      runtime = await electionsRuntime(database());
      deps = depsOf(runtime);
      app = createApp(runtime);
      // What ADMINISTRATEUR receives when the application is installed (not run by the test runtime).
      await grant(database(), 'ADMINISTRATEUR', ['elections.electeur']);
      actors = await actorsFor(database(), [
        // Electors are written directly by administrators only (corrections); agents go through movements.
        { login: 'agent', profil: 'ADMINISTRATEUR', collectivite: 1 },
        { login: 'agent3', profil: 'ADMINISTRATEUR', collectivite: 3 },
        { login: 'instructeur', profil: 'UTILISATEUR', collectivite: 1 },
      ]);
    });

    test('a valid elector is written, with its search name', async () => {
      const row = await createRecord(deps, actor('agent'), electeur(), valid());
      assert.equal(row.nom_recherche, 'BERARD');
      assert.equal(row.om_collectivite, 1);
    });

    test('an agent (UTILISATEUR) reads electors but changes them only through movements', async () => {
      const instructeur = actor('instructeur');
      for (const permission of ['elections.electeur_tab', 'elections.electeur_consulter', 'elections.electeur_demander_modification', 'elections.electeur_radier']) {
        assert.ok(instructeur.permissions.has(permission), permission);
      }
      await assert.rejects(createRecord(deps, instructeur, electeur(), valid()), { code: 'forbidden' });
    });

    test('the birthplace field matching « Lieu de naissance » is required, the others must stay empty', async () => {
      assert.match((await refusal(valid({ commune_naissance: '' }))).commune_naissance ?? '', /Choisissez la commune de naissance/);
      const abroad = await refusal(valid({ naissance_lieu: 'etranger' }));
      assert.match(abroad.pays_naissance ?? '', /Choisissez le pays de naissance/);
      assert.match(abroad.commune_naissance ?? '', /Laissez ce champ vide.*« À l’étranger »/);
      assert.match(abroad.libelle_lieu_naissance ?? '', /Saisissez la ville de naissance/);
      const algeria = await refusal(valid({ naissance_lieu: 'algerie', commune_naissance: '', pays_naissance: '99134', libelle_lieu_naissance: 'Oran' }));
      assert.match(algeria.departement_algerie ?? '', /ancien département d’Algérie/);
      assert.match(algeria.pays_naissance ?? '', /Laissez ce champ vide/);
      const born = await createRecord(deps, actor('agent'), electeur(), valid({ naissance_lieu: 'algerie', commune_naissance: '', departement_algerie: '92352', libelle_lieu_naissance: 'Oran' }));
      assert.equal(born.departement_algerie, '92352');
      const former = await createRecord(deps, actor('agent'), electeur(), valid({ commune_naissance: '01340' }));
      assert.equal(former.commune_naissance, '01340', 'a former commune is a valid birthplace');
    });

    test('the list follows the nationality, a forced bureau needs its reason, no birth in the future', async () => {
      assert.match((await refusal(valid({ nationalite: 'ESP' }))).liste ?? '', /liste principale est réservée/);
      assert.match((await refusal(valid({ liste: 'LCE', nationalite: 'DZA' }))).nationalite ?? '', /« Algérienne » n’y donne pas droit/);
      const europeen = await createRecord(deps, actor('agent'), electeur(), valid({ liste: 'LCM', nationalite: 'ESP', naissance_lieu: 'etranger', commune_naissance: '', pays_naissance: '99134', libelle_lieu_naissance: 'Séville' }));
      assert.equal(europeen.liste, 'LCM');
      assert.match((await refusal(valid({ bureau_force: true }))).motif_bureau_force ?? '', /Donnez le motif/);
      assert.match((await refusal(valid({ date_naissance: '2099-01-01' }))).date_naissance ?? '', /postérieure à aujourd’hui/);
    });

    test('another collectivité’s electors are out of reach', async () => {
      const [libreville] = (await listRecords(deps, actor('agent'), electeur(), { count: 'none' })).rows;
      assert.ok(libreville);
      assert.equal((await listRecords(deps, actor('agent3'), electeur(), { count: 'none' })).rows.length, 0);
      await assert.rejects(getRecord(deps, actor('agent3'), electeur(), String(libreville.electeur)), (error: unknown) => error instanceof ServiceError && error.status === 404);
    });

    test('the form: openElec’s groups, the commune of birth by autocomplete naming its département', async () => {
      const client = new TestClient(app);
      assert.equal((await client.login('agent', PASSWORD)).status, 200);
      const form = await client.request('GET', '/elections/electeur/new', { headers: { Accept: 'text/html' } });
      assert.equal(form.status, 200, form.text.slice(0, 500));
      for (const legend of ['État civil', 'Naissance', 'Nationalité', 'Adresse dans la commune', 'Contact', 'Bureau', 'Observations']) {
        assert.match(form.text, new RegExp(`<legend[^>]*>${legend}</legend>|<summary[^>]*>${legend}</summary>`), legend);
      }
      assert.ok(form.text.length < 300_000, `the form is ${form.text.length} characters: no list of every commune`);
      assert.doesNotMatch(form.text, /Ajaccio/);
      const suggestions = async (field: string, q: string) => {
        const response = await client.get(`/choix/elections/electeur/${field}?q=${encodeURIComponent(q)}`);
        assert.equal(response.status, 200, response.text);
        return (response.body.options as { value: string; label: string }[]).map((option) => `${option.value} ${option.label}`);
      };
      const saintMartin = await suggestions('commune_naissance', 'Saint-Martin-d');
      assert.ok(saintMartin.length > 5);
      assert.ok(saintMartin.every((line) => /\(\w{2,3}(, ancienne commune)?\)$/.test(line)), saintMartin.join(' | '));
      assert.deepEqual(await suggestions('commune_naissance', 'Saint-Bois'), ['01340 Saint-Bois (01, ancienne commune)'], 'former communes are offered');
      assert.ok((await suggestions('commune_naissance', '2A004')).includes('2A004 Ajaccio (2A)'), 'by INSEE code too');
      assert.ok((await suggestions('pays_naissance', 'Tchéco')).some((line) => line.startsWith('99115 ')), 'a country that no longer exists');
      const [first] = (await listRecords(deps, actor('agent'), electeur(), { count: 'none' })).rows;
      const sheet = await client.request('GET', `/elections/electeur/${String(first?.electeur)}`, { headers: { Accept: 'text/html' } });
      assert.equal(sheet.status, 200);
      assert.match(sheet.text, /Ajaccio|Saint-Bois|Oran|Séville/, 'the birthplace by its name');
    });

    test('the menu: electors and movements under « Élections », the settings under their headings', async () => {
      const client = new TestClient(app);
      assert.equal((await client.login('agent', PASSWORD)).status, 200);
      const home = (await client.request('GET', '/', { headers: { Accept: 'text/html' } })).text;
      for (const text of ['Élections', 'Électeurs', 'Mouvements', 'Découpage', 'Bureaux de vote', 'Voies', 'Tables de références', 'Communes', 'Métier', 'Types de mouvement']) {
        assert.match(home, new RegExp(`>\\s*${text}\\s*<`), text);
      }
      const listing = (await client.request('GET', '/elections/electeur', { headers: { Accept: 'text/html' } })).text;
      assert.match(listing, /<h1[^>]*>\s*Électeurs/);
    });
  },
  { sources: SOURCES },
);
