/**
 * Issue 9 §1.2 on the register: a niveau-2 user could create a processing activity of Libreville
 * with a service of Autreville (or link it to Autreville's categories); Libreville's API then showed
 * the foreign id and Autreville could no longer delete its own row. Now the API answers 422 with a
 * French message on the field (no code of the register's own: the framework's rule), a niveau-1
 * user is told the reference does not exist, an import line doing it is rejected, the database
 * refuses it too, and Autreville keeps its rows free.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Hono } from 'hono';
import { sql } from 'kysely';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { writeAs } from '../../../framework/src/db/tenant-context.ts';
import { runImport, type ImportJob } from '../../../framework/src/imports/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient } from '../../../framework/test/support/http.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { actorsFor, AUTREVILLE_SQL, depsOf, objectOf, PASSWORD, registreRuntime, SOURCES } from './support.ts';

const DATA_SQL = `
insert into registre.service (service, libelle, om_collectivite) values (201, 'Urbanisme', 1), (202, 'Voirie d’Autreville', 3);
insert into registre.categorie_donnees (categorie_donnees, libelle, om_collectivite) values (301, 'État civil', 1), (302, 'Santé (Autreville)', 3);
insert into registre.traitement (traitement, libelle, finalite, base_legale, service, om_collectivite) values (401, 'Permis de construire', 'Instruire.', 3, 201, 1);
`;

const OTHER_SERVICE = '« Service » appartient à une autre collectivité que cet enregistrement.';

describeEachDatabase(
  'registre : une ligne d’une collectivité ne désigne que des lignes de sa collectivité',
  (database) => {
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    let actors: Record<string, Actor>;
    const folder = mkdtempSync(join(tmpdir(), 'commun-registre-refs-'));
    const signedIn = async (login: string): Promise<TestClient> => {
      const client = new TestClient(app);
      const response = await client.login(login, PASSWORD);
      assert.equal(response.status, 200, response.text);
      return client;
    };
    const count = async (table: string) => Number((await database().ownerQuery<{ n: number }>(`select count(*)::int as n from registre.${table}`))[0]?.n);
    const traitement = { libelle: 'Voirie', finalite: 'Entretenir les voies.', base_legale: 3 };

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      runtime = await registreRuntime(database());
      await database().asOwner(DATA_SQL);
      app = createApp(runtime);
      actors = await actorsFor(database(), [
        { login: 'syndic', profil: 'ADMINISTRATEUR', collectivite: 2 },
        { login: 'agent', profil: 'ADMINISTRATEUR', collectivite: 1 },
        { login: 'admin3', profil: 'ADMINISTRATEUR', collectivite: 3 },
      ]);
    });

    after(() => rmSync(folder, { recursive: true, force: true }));

    test('niveau 2: a processing activity of Libreville with a service of Autreville is refused (422), nothing written', async () => {
      const syndic = await signedIn('syndic');
      const before = await count('traitement');
      const response = await syndic.request('POST', '/api/v1/registre/traitement', { json: { ...traitement, service: 202, om_collectivite: 1 } });
      assert.equal(response.status, 422, response.text);
      assert.equal(response.body.error.fields.service, OTHER_SERVICE);
      assert.equal(await count('traitement'), before);
      const moved = await syndic.request('PATCH', '/api/v1/registre/traitement/401', { json: { om_collectivite: 3 } });
      assert.equal(moved.status, 422, moved.text);
      assert.equal(moved.body.error.fields.om_collectivite, OTHER_SERVICE);
      const serviceMoved = await syndic.request('PATCH', '/api/v1/registre/service/201', { json: { om_collectivite: 3 } });
      assert.equal(serviceMoved.status, 422, serviceMoved.text);
      assert.match(serviceMoved.body.error.message, /Des enregistrements de « Traitement » de sa collectivité actuelle désignent cet enregistrement/);
      assert.equal(serviceMoved.body.error.fields.om_collectivite, serviceMoved.body.error.message);
      const ok = await syndic.request('POST', '/api/v1/registre/traitement', { json: { ...traitement, service: 201, om_collectivite: 1 } });
      assert.equal(ok.status, 201, ok.text);
    });

    test('niveau 2: a link row to a category of Autreville is refused (422)', async () => {
      const syndic = await signedIn('syndic');
      const link = await syndic.request('POST', '/api/v1/registre/traitement_categorie_donnees', { json: { traitement: 401, categorie_donnees: 302, om_collectivite: 1 } });
      assert.equal(link.status, 422, link.text);
      assert.equal(link.body.error.fields.categorie_donnees, '« Catégorie de données » appartient à une autre collectivité que cet enregistrement.');
      // Of Autreville, the link names Libreville's processing activity instead.
      const theirs = await syndic.request('POST', '/api/v1/registre/traitement_categorie_donnees', { json: { traitement: 401, categorie_donnees: 302, om_collectivite: 3 } });
      assert.equal(theirs.status, 422, theirs.text);
      assert.equal(theirs.body.error.fields.traitement, '« Traitement » appartient à une autre collectivité que cet enregistrement.');
      assert.equal(await count('traitement_categorie_donnees'), 0);
      const mine = await syndic.request('POST', '/api/v1/registre/traitement_categorie_donnees', { json: { traitement: 401, categorie_donnees: 301, om_collectivite: 1 } });
      assert.equal(mine.status, 201, mine.text);
    });

    test('niveau 1: another town’s service by its id is a reference that does not exist (422), nothing revealed', async () => {
      const agent = await signedIn('agent');
      const response = await agent.request('POST', '/api/v1/registre/traitement', { json: { ...traitement, libelle: 'Voirie 2', service: 202 } });
      assert.equal(response.status, 422, response.text);
      assert.equal(response.body.error.fields.service, 'La valeur du champ « Service » ne correspond à aucun enregistrement disponible.');
      assert.doesNotMatch(response.text, /collectivit|Autreville/);
    });

    test('an import line naming another town’s service is rejected with the message; the others are imported', async () => {
      const spec = runtime.registry.imports.get('registre', 'traitement');
      assert.ok(spec);
      const path = join(folder, 'traitements.csv');
      // date_creation and date_maj (migration 0003) are kept by the database: left empty.
      const header = 'libelle;finalite;base_legale;service;responsable;date_revue_dpo;statut;donnees_sensibles;date_aipd;observations;date_creation;date_maj';
      const lines = ['Import 1;Finalité.;3;201;;;;Non;;;;', 'Import 2;Finalité.;3;202;;;;Non;;;;', 'Import 3;Finalité.;3;Urbanisme;;;;Non;;;;'];
      writeFileSync(path, [header, ...lines].join('\n'));
      // The niveau-2 user working for Libreville.
      const actor = { ...(actors.syndic as Actor), workingCollectivite: 1 };
      const job: ImportJob = { signal: new AbortController().signal, report: () => undefined, saveSummary: async () => undefined, resultPath: (name) => join(folder, name) };
      const request = { spec, object: objectOf(runtime, 'traitement'), path, separator: ';' as const, header: true, mode: 'ignorer' as const, simulation: false };
      const result = await runImport(depsOf(runtime), actor, request, job);
      assert.equal(result.counts.imported, 2);
      assert.deepEqual(result.firstRejects.map((reject) => [reject.line, reject.reasons.join(' ')]), [[3, OTHER_SERVICE]]);
      assert.equal(await count("traitement where libelle like 'Import %' and om_collectivite = 1"), 2);
    });

    test('the database refuses it as well, whatever bypasses the record service', async () => {
      const insert = sql`insert into registre.traitement (libelle, finalite, base_legale, service, om_collectivite) values ('Direct', 'SQL.', 3, 202, 1)`;
      await assert.rejects(writeAs(runtime.db.kysely, actors.syndic as Actor, (trx) => insert.execute(trx)), { code: '23C01' });
      await assert.rejects(writeAs(runtime.db.kysely, actors.agent as Actor, (trx) => insert.execute(trx)), { code: '23C03' });
      await assert.rejects(
        writeAs(runtime.db.kysely, actors.syndic as Actor, (trx) => sql`insert into registre.traitement_categorie_donnees (traitement, categorie_donnees, om_collectivite) values (401, 302, 1)`.execute(trx)),
        { code: '23C01' },
      );
      assert.equal(await count("traitement where libelle = 'Direct'"), 0);
    });

    test('Autreville deletes its own service and category: nothing of Libreville holds them', async () => {
      const admin3 = await signedIn('admin3');
      assert.equal((await admin3.request('DELETE', '/api/v1/registre/service/202')).status, 204);
      assert.equal((await admin3.request('DELETE', '/api/v1/registre/categorie_donnees/302')).status, 204);
    });
  },
  { sources: SOURCES },
);
