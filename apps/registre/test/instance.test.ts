/**
 * The instance's wiring: `commun migrate` reads ./commun.config.ts and migrates the register with
 * the framework; a first start loads Libreville's demo register (as `npm start` on a new folder).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../../framework/src/access/actor.ts';
import { bootstrap, type Started } from '../../../framework/src/bootstrap.ts';
import { readAs } from '../../../framework/src/db/index.ts';
import { loadConfig } from '../../../framework/src/config/index.ts';
import { COLLECTIVITE, TRAITEMENTS } from '../demo/libreville.ts';
import { registre } from '../src/index.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const COMMAND = join(ROOT, 'framework/bin/commun.js');
const folders: string[] = [];

function migrateIn(cwd: string): { code: number | null; out: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'commun-registre-'));
  folders.push(dataDir);
  const result = spawnSync(process.execPath, [COMMAND, 'migrate'], {
    cwd,
    env: { ...process.env, COMMUN_DATA_DIR: dataDir, DATABASE_URL: '', COMMUN_ADMIN_PASSWORD: 'Admin-Registre-2026', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

test('commun migrate applies the applications of ./commun.config.ts, and only the framework without it', () => {
  const withConfig = migrateIn(ROOT);
  assert.equal(withConfig.code, 0, withConfig.out);
  assert.match(withConfig.out, /registre\/0001_registre\.sql/);
  const elsewhere = mkdtempSync(join(tmpdir(), 'commun-sans-config-'));
  folders.push(elsewhere);
  const without = migrateIn(elsewhere);
  assert.equal(without.code, 0, without.out);
  assert.match(without.out, /om\/0001_framework\.sql/);
  // Only the framework's own migrations (`om/…`): no application's.
  assert.doesNotMatch(without.out, /^ {2}(?!om\/)\S+\/\d{4}_/m);
});

test('the first start of a new database loads the demo register, a later start does not load it again', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'commun-registre-demo-'));
  folders.push(dataDir);
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
