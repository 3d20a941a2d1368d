/**
 * « Appliquer » the redécoupage as a background job (issue 11 §2) from a threshold of electors to
 * move on, followed in « Mes traitements »; below it, at once. The same electors moved and the same
 * BR movements either way. The threshold is lowered through registerDecoupage's option.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { syncPermissionVocabulary } from '../../../framework/src/access/vocabulary.ts';
import { registerGenerated } from '../../../framework/src/application.ts';
import { jobRunnerOf } from '../../../framework/src/jobs/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient } from '../../../framework/test/support/http.ts';
import { createTestRuntime, grant, type TestRuntime } from '../../../framework/test/support/runtime.ts';
import * as generated from '../gen/index.ts';
import { registerDecoupage } from '../src/decoupage/routes.ts';
import { REDECOUPAGE_JOB_THRESHOLD } from '../src/decoupage/redecoupage-job.ts';
import { elections } from '../src/index.ts';
import { overrides } from '../src/objects/index.ts';
import { DECOUPAGE_SQL, SEQUENCES_SQL } from './decoupage-fixture.ts';
import { actorsFor, AUTREVILLE_SQL, electionsRuntime, PASSWORD, SOURCES } from './support.ts';

const HTML = { Accept: 'text/html' };

describeEachDatabase(
  'élections : redécoupage appliqué en traitement au-delà d’un seuil, directement en deçà',
  (database) => {
    let jobRuntime: TestRuntime;
    let jobApp: Hono<AppEnv>;
    let directApp: Hono<AppEnv>;
    const signedIn = async (app: Hono<AppEnv>, login: string) => {
      const client = new TestClient(app);
      assert.equal((await client.login(login, PASSWORD)).status, 200);
      return client;
    };
    /** The electors' bureaux and the BR movements, without their generated keys. */
    const outcome = async () => ({
      bureaux: (await database().ownerQuery<{ electeur: number; bureau: number | null }>('select electeur, bureau from elections.electeur order by electeur'))
        .map((row) => [Number(row.electeur), row.bureau === null ? null : Number(row.bureau)]),
      mouvements: (await database().ownerQuery<{ electeur: number; etat: string; bureau: number; ancien_bureau: number | null; nom: string }>(
        `select electeur, etat, bureau, ancien_bureau, nom from elections.mouvement where type_mouvement = 'BR' order by electeur`,
      )).map((row) => [Number(row.electeur), row.etat, Number(row.bureau), row.ancien_bureau === null ? null : Number(row.ancien_bureau), row.nom]),
      audits: Number((await database().ownerQuery<{ n: number }>(`select count(*)::integer as n from om.om_audit where objet = 'mouvement' and action = 'redecoupage'`))[0]?.n),
    });
    const EXPECTED = {
      bureaux: [[1, 1], [2, 2], [3, 1], [4, 1], [5, 2], [6, 2], [9, 9]],
      mouvements: [[2, 'accepte', 2, 1, 'Deux'], [6, 'accepte', 2, null, 'Six']],
      audits: 1,
    };
    const reset = () => database().asOwner(`
      delete from elections.mouvement where type_mouvement = 'BR';
      delete from om.om_audit where objet = 'mouvement' and action = 'redecoupage';
      update elections.electeur set bureau = 1 where electeur = 2;
      update elections.electeur set bureau = null where electeur = 6;
    `);

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      await database().asOwner(DECOUPAGE_SQL + SEQUENCES_SQL);
      const direct = await electionsRuntime(database());
      directApp = createApp(direct);
      // The same application, its « Appliquer » a job from 2 electors to move on.
      jobRuntime = await createTestRuntime(database(), { config: { dataDir: mkdtempSync(join(tmpdir(), 'commun-redecoupage-')) } });
      registerGenerated(jobRuntime.registry, generated, overrides);
      registerDecoupage(jobRuntime.registry, { jobThreshold: 2 });
      jobRuntime.registry.linkIncomingReferences();
      await syncPermissionVocabulary(jobRuntime.db.kysely, jobRuntime.registry, elections.permissions ?? []);
      jobApp = createApp(jobRuntime);
      await grant(database(), 'SUPER UTILISATEUR', ['elections.redecoupage', 'elections.redecoupage_appliquer']);
      await actorsFor(database(), [{ login: 'chef', profil: 'SUPER UTILISATEUR', collectivite: 1 }]);
    });

    test('the threshold of the shipped application', () => {
      assert.equal(REDECOUPAGE_JOB_THRESHOLD, 500);
    });

    test('from the threshold on: a job, « Mes traitements » follows it, the electors moved in one transaction', async () => {
      await reset();
      const chef = await signedIn(jobApp, 'chef');
      const started = await chef.request('POST', '/elections/redecoupage/appliquer', { form: {}, headers: HTML });
      assert.equal(started.status, 303, started.text);
      assert.equal(started.headers.get('location'), '/traitements');
      const [row] = await database().ownerQuery<{ id: string }>(`select om_traitement::text as id from om.om_traitement where type = 'elections.redecoupage'`);
      assert.ok(row, 'the job is a row');
      await jobRunnerOf(jobRuntime).settled(row.id);
      const list = await chef.request('GET', '/traitements', { headers: HTML });
      assert.match(list.text, /Redécoupage lancé en traitement : 2 électeur\(s\) à changer de bureau/);
      assert.match(list.text, /Traitement « Redécoupage des électeurs »/);
      assert.match(list.text, /Terminé/);
      const [job] = await database().ownerQuery<{ etat: string; avancement: number; total: number }>(`select etat, avancement, total from om.om_traitement where om_traitement = '${row.id}'`);
      assert.deepEqual([job?.etat, Number(job?.avancement), Number(job?.total)], ['termine', 2, 2]);
      assert.deepEqual(await outcome(), EXPECTED);
    });

    test('below the threshold: at once, the same result', async () => {
      await reset();
      const chef = await signedIn(directApp, 'chef');
      const applied = await chef.request('POST', '/elections/redecoupage/appliquer', { form: {}, headers: HTML });
      assert.equal(applied.status, 303, applied.text);
      assert.equal(applied.headers.get('location'), '/elections/redecoupage');
      assert.deepEqual(await outcome(), EXPECTED);
    });

    test('nothing to move: no job, at once', async () => {
      const chef = await signedIn(jobApp, 'chef');
      const jobs = async () => Number((await database().ownerQuery<{ n: number }>('select count(*)::integer as n from om.om_traitement'))[0]?.n);
      const before = await jobs();
      const again = await chef.request('POST', '/elections/redecoupage/appliquer', { form: {}, headers: HTML });
      assert.equal(again.headers.get('location'), '/elections/redecoupage');
      assert.equal(await jobs(), before);
      assert.deepEqual(await outcome(), EXPECTED);
    });
  },
  { sources: SOURCES },
);
