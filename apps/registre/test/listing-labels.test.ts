/**
 * The register's listing of processing activities read through its foreign keys' labels: sorting
 * on « Service » or « Base légale » orders by the label shown (both ways, empty last, page after
 * page, in the record service, the API and the listing page), and the simple search finds a row by
 * those labels, never by the label of a row of another collectivité.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { listRecords, type ListRequest, type ReadDeps } from '../../../framework/src/records/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient } from '../../../framework/test/support/http.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { actorsFor, AUTREVILLE_SQL, depsOf, objectOf, PASSWORD, registreRuntime, SOURCES } from './support.ts';

// Legal bases of the migration: 1 Consentement, 2 Exécution d'un contrat, 3 Obligation légale,
// 4 Sauvegarde des intérêts vitaux, 5 Mission d'intérêt public, 6 Intérêts légitimes.
// T06 (key 99) points at a service of Autreville: out of reach in Libreville, its label is not shown,
// not searched and sorts as empty.
const DATA_SQL = `
insert into registre.service (service, libelle, om_collectivite) values
  (101, 'Urbanisme', 1), (102, 'État civil', 1), (103, 'Action sociale', 1), (104, 'Zénith', 3);
insert into registre.traitement (libelle, finalite, base_legale, service, om_collectivite) values
  ('T01', 'Permis.', 3, 101, 1),
  ('T02', 'Actes.', 6, 102, 1),
  ('T03', 'Aides.', 5, 103, 1),
  ('T04', 'Lettre.', 1, null, 1),
  ('T05', 'Contrats.', 2, 101, 1),
  ('T07', 'Autreville.', 3, 104, 3);
-- The database refuses it now: written with its checks off, as a row older than them would be.
set session_replication_role = replica;
insert into registre.traitement (traitement, libelle, finalite, base_legale, service, om_collectivite) values
  (99, 'T06', 'Ancien.', 4, 104, 1);
set session_replication_role = default;
`;

describeEachDatabase(
  'registre : listes triées et cherchées par les libellés des clés étrangères',
  (database) => {
    let runtime: TestRuntime;
    let deps: ReadDeps;
    let actors: Record<string, Actor>;
    let app: Hono<AppEnv>;
    const actor = (login: string): Actor => {
      const found = actors[login];
      if (!found) throw new Error(login);
      return found;
    };
    const libelles = async (request: ListRequest, login = 'agent') =>
      (await listRecords(deps, actor(login), objectOf(runtime, 'traitement'), request)).rows.map((row) => row.libelle);
    /** Every page of `perPage` rows, one after the other. */
    const paged = async (sort: string, perPage: number) => {
      const seen: unknown[] = [];
      for (let page = 1; page <= 10; page++) {
        const rows = await libelles({ sort, perPage, page, count: 'none' });
        seen.push(...rows);
        if (rows.length < perPage) break;
      }
      return seen;
    };

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      runtime = await registreRuntime(database());
      await database().asOwner(DATA_SQL);
      deps = depsOf(runtime);
      app = createApp(runtime);
      actors = await actorsFor(database(), [
        { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'syndic', profil: 'ADMINISTRATEUR', collectivite: 2 },
      ]);
    });

    test('sorting on a foreign key orders by the label shown, both ways, empty last, page after page', async () => {
      const byService = ['T03', 'T02', 'T01', 'T05', 'T04', 'T06'];
      assert.deepEqual(await libelles({ sort: 'service' }), byService, 'Action sociale, État civil, Urbanisme, then no label');
      assert.deepEqual(await paged('service', 2), byService, 'the same order across pages');
      const byServiceDescending = ['T01', 'T05', 'T02', 'T03', 'T04', 'T06'];
      assert.deepEqual(await libelles({ sort: '-service' }), byServiceDescending, 'descending: rows without a label still last');
      assert.deepEqual(await paged('-service', 4), byServiceDescending);
      const byBase = ['T04', 'T05', 'T02', 'T03', 'T01', 'T06'];
      assert.deepEqual(await paged('base_legale', 1), byBase, 'Consentement, Exécution, Intérêts, Mission, Obligation, Sauvegarde');
      assert.deepEqual(await paged('-base_legale,libelle', 5), [...byBase].reverse());
      assert.deepEqual(await libelles({ sort: 'service', q: 't0*' }), byService, 'with a search, the same order');
    });

    test('the API and the listing page sort the same way', async () => {
      const client = new TestClient(app);
      assert.equal((await client.login('agent', PASSWORD)).status, 200);
      const api = async (query: string) => {
        const response = await client.get(`/api/v1/registre/traitement?${query}`);
        assert.equal(response.status, 200, response.text);
        return (response.body.data as { libelle: string; service__label: string | null }[]).map((row) => row.libelle);
      };
      assert.deepEqual([...(await api('sort=-base_legale&per_page=4&page=1')), ...(await api('sort=-base_legale&per_page=4&page=2'))], [
        'T06', 'T01', 'T03', 'T02', 'T05', 'T04',
      ]);
      const html = (await client.request('GET', '/registre/traitement?sort=service', { headers: { Accept: 'text/html' } })).text;
      const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
      const rows = [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => /<a [^>]*>([^<]*)<\/a>/.exec(row[1] ?? '')?.[1]);
      assert.deepEqual(rows, ['T03', 'T02', 'T01', 'T05', 'T04', 'T06']);
      assert.doesNotMatch(html, /Zénith/, 'the label of another collectivité’s service is not shown');
    });

    test('the simple search finds a row by its foreign keys’ labels, never by a label out of reach', async () => {
      assert.deepEqual(await libelles({ q: 'URBANISME', sort: 'libelle' }), ['T01', 'T05'], 'accents and case ignored');
      assert.deepEqual(await libelles({ q: 'etat civil' }), ['T02']);
      assert.deepEqual(await libelles({ q: 'interet*' }), ['T02'], '`*`: the label begins so (Intérêts légitimes)');
      assert.deepEqual(await libelles({ q: 'interet', sort: 'libelle' }), ['T02', 'T03', 'T06'], 'anywhere in the label');
      assert.deepEqual(await libelles({ q: 'zenith' }), [], 'Autreville’s service is not Libreville’s to search');
      assert.deepEqual(await libelles({ q: 'urbanisme', col: 'libelle' }), [], 'a column chosen: that column only');
      assert.deepEqual(await libelles({ q: 'libreville' }), [], 'a niveau-1 user’s own collectivité is on every row: not searched');
      // A niveau-2 user sees every collectivité: Autreville's service and its name are theirs to search.
      assert.deepEqual(await libelles({ q: 'zenith', sort: 'libelle' }, 'syndic'), ['T06', 'T07']);
      assert.deepEqual(await libelles({ q: 'autreville', sort: 'libelle' }, 'syndic'), ['T07'], 'by the collectivité’s name');
    });
  },
  { sources: SOURCES },
);
