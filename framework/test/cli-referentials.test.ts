/**
 * `commun referentiels` on the instance of the repository: its usage, a refused option, an
 * application without referentials named, and a reload of the elections' communes on a new
 * embedded folder (the start loaded them; the command loads them again and says how many rows).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { copyMigratedInstance } from './support/instance-folder.ts';
import { COMMUN_NODE_FLAGS } from './support/node-flags.ts';

const COMMAND = fileURLToPath(new URL('../bin/commun.js', import.meta.url));
/** The instance of the repository (`commun.config.ts`: the registre and elections applications). */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'commun-referentiels-'));

function commun(args: string[]): { code: number | null; out: string } {
  const result = spawnSync(process.execPath, [...COMMUN_NODE_FLAGS, COMMAND, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', COMMUN_DATA_DIR: dataDir, COMMUN_ADMIN_PASSWORD: 'Mot-de-passe-Admin-2026', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

// The folder as the first start leaves it (communes loaded): this file is about the command, not the first start.
before(() => copyMigratedInstance(dataDir));
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('commun referentiels --help, an unknown option, an application without referentials', () => {
  const help = commun(['referentiels', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /^Usage : commun referentiels \[--app <nom>\]/);
  const unknown = commun(['referentiels', '--tout']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.out, /Option inconnue : « --tout »/);
  const registre = commun(['referentiels', '--app', 'registre']);
  assert.equal(registre.code, 1);
  assert.match(registre.out, /Aucune application « registre » n’a de référentiel\. Applications qui en ont : elections\./);
});

test('commun referentiels --app elections reloads the communes of a database', () => {
  const reload = commun(['referentiels', '--app', 'elections']);
  assert.equal(reload.code, 0, reload.out);
  assert.match(reload.out, /Référentiels rechargés :\n {2}elections \/ decoupage-administratif \(version 6\.0\.0 \(chargeur \d+\)\) : 3\d{4} lignes en \d+,\d s/);
});
