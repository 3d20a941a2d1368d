/**
 * The instance's wiring: `commun migrate` reads ./commun.config.ts and migrates the register with
 * the framework (the one real migration of the repository's six-application instance the CLI
 * tests run, on each database kind; without commun.config.ts, the framework alone:
 * framework/test/cli.test.ts); a first start loads Libreville's demo register (as `npm start` on a
 * new folder).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../../framework/src/access/actor.ts';
import { bootstrap, type Started } from '../../../framework/src/bootstrap.ts';
import { readAs, type DatabaseKind } from '../../../framework/src/db/index.ts';
import { loadConfig } from '../../../framework/src/config/index.ts';
import { commun, emptyServerDatabase, type CommandResult, type EmptyServerDatabase } from '../../../framework/test/support/commun-process.ts';
import { databaseKinds } from '../../../framework/test/support/databases.ts';
import { COLLECTIVITE, TRAITEMENTS } from '../demo/libreville.ts';
import { registre } from '../src/index.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const folders: string[] = [];
const serverDatabases: EmptyServerDatabase[] = [];
const kinds = await databaseKinds();

function newFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

after(async () => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  for (const database of serverDatabases) await database.drop();
});

/** Runs `commun` in the repository's folder, on a new database of this kind. */
async function repositoryInstanceOn(kind: DatabaseKind): Promise<(args: string[]) => Promise<CommandResult>> {
  let env: Record<string, string>;
  if (kind === 'pglite') env = { COMMUN_DATA_DIR: newFolder('commun-registre-') };
  else {
    const database = await emptyServerDatabase('instance');
    serverDatabases.push(database);
    env = { DATABASE_URL: database.url };
  }
  // Six applications, PostGIS, the communes: minutes on a busy machine's embedded database.
  return (args) => commun(args, { cwd: ROOT, env, timeoutMs: 300_000 });
}

// The migrations run in child processes, the demo's start in this one: side by side.
describe('the repository instance', { concurrency: true }, () => {
  for (const kind of kinds) {
    test(`commun migrate applies the applications of ./commun.config.ts [${kind === 'pglite' ? 'embarquée' : 'serveur'}]`, async () => {
      const run = await repositoryInstanceOn(kind);
      const first = await run(['migrate']);
      assert.equal(first.code, 0, first.out);
      assert.match(first.out, /registre\/0001_registre\.sql/);
      assert.match(first.out, /mot de passe « [^»]{12,} »/);
      // A second migration on the server only, where it costs two seconds (eight on the embedded database).
      if (kind === 'pglite') return;
      const second = await run(['migrate']);
      assert.equal(second.code, 0, second.out);
      assert.match(second.out, /La base est à jour/);
      assert.doesNotMatch(second.out, /mot de passe/);
    });
  }

  test('the first start of a new database loads the demo register, a later start does not load it again', async () => {
    const dataDir = newFolder('commun-registre-demo-');
    const config = { ...loadConfig({}), dataDir, databaseUrl: undefined, demo: true, logLevel: 'silent' as const, adminPassword: 'Admin-Registre-2026' };
    const countIn = async (started: Started) =>
      readAs(started.runtime.db.kysely, SYSTEM_ACTOR, async (db) =>
        Number((await sql<{ n: number | string }>`select count(*) as n from registre.traitement where om_collectivite = 1`.execute(db)).rows[0]?.n),
      );
    const first = await bootstrap(config, [registre]);
    try {
      assert.ok(first.applied.includes('registre/0001_registre.sql'));
      assert.equal(await countIn(first), TRAITEMENTS.length);
      // What the register's documents print at once (issue 10 §10): Libreville's details and the demo logo.
      const demo = await readAs(first.runtime.db.kysely, SYSTEM_ACTOR, async (db) =>
        (await sql<{ siret: string | null; dpo_nom: string | null; logos: number | string }>`select c.siret, c.dpo_nom,
          (select count(*) from om.om_logo l where l.om_collectivite = c.om_collectivite and l.id = 'logo' and l.actif) as logos
          from om.om_collectivite c where c.om_collectivite = 1`.execute(db)).rows[0],
      );
      assert.deepEqual({ ...demo, logos: Number(demo?.logos) }, { siret: COLLECTIVITE.siret, dpo_nom: COLLECTIVITE.dpo_nom, logos: 1 });
    } finally {
      await first.runtime.db.close();
    }
    const second = await bootstrap(config, [registre]);
    try {
      assert.deepEqual(second.applied, []);
      assert.equal(await countIn(second), TRAITEMENTS.length);
    } finally {
      await second.runtime.db.close();
    }
  });
});
