import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases.ts';
import { COMMUN_NODE_FLAGS } from './support/node-flags.ts';

const COMMAND = fileURLToPath(new URL('../bin/commun.js', import.meta.url));

function commun(args: string[], env: Record<string, string>, cwd?: string): { code: number | null; out: string } {
  const result = spawnSync(process.execPath, [...COMMUN_NODE_FLAGS, COMMAND, ...args], {
    cwd,
    env: { ...process.env, COMMUN_ADMIN_PASSWORD: '', DATABASE_URL: '', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

test('commun --help lists the commands; an unknown command fails', () => {
  const help = commun(['--help'], {});
  assert.equal(help.code, 0);
  for (const word of ['start', 'migrate', 'user add', 'user password', 'gen', 'commun new <nom>']) assert.ok(help.out.includes(word), word);
  const newHelp = commun(['new', '--help'], {});
  assert.equal(newHelp.code, 0);
  assert.match(newHelp.out, /^Usage : commun new <nom>/);
  const unknown = commun(['danser'], {});
  assert.equal(unknown.code, 1);
  assert.match(unknown.out, /Commande inconnue/);
});

for (const kind of await databaseKinds()) {
  describe(`commun migrate and user [${kind === 'pglite' ? 'embarquée' : 'serveur'}]`, () => {
    const folder = mkdtempSync(join(tmpdir(), 'commun-cli-'));
    // The embedded database is created from nothing in a folder without commun.config.ts: the
    // framework alone (a first migration of every application of the repository's instance,
    // PostGIS and demo data included, is apps/registre/test/instance.test.ts's subject).
    const cwd = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'commun-cli-instance-')) : undefined;
    let database: TestDatabase | undefined;
    const env = async (): Promise<Record<string, string>> => {
      if (kind === 'pglite') return { COMMUN_DATA_DIR: folder };
      database ??= await createTestDatabase('postgres');
      return { DATABASE_URL: database.url ?? '' };
    };
    after(async () => {
      rmSync(folder, { recursive: true, force: true });
      if (cwd) rmSync(cwd, { recursive: true, force: true });
      await database?.close();
    });

    test('migrate creates the database and prints the admin password once', async () => {
      const first = commun(['migrate'], await env(), cwd);
      assert.equal(first.code, 0, first.out);
      assert.match(first.out, /mot de passe « [^»]{12,} »/);
      const second = commun(['migrate'], await env(), cwd);
      assert.equal(second.code, 0, second.out);
      assert.match(second.out, /La base est à jour/);
      assert.doesNotMatch(second.out, /mot de passe/);
    });

    test('user add checks the input; user password generates a strong password', async () => {
      const weak = commun(['user', 'add', 'marie', '--nom', 'Marie', '--email', 'marie@libreville.fr', '--password', 'court'], await env(), cwd);
      assert.equal(weak.code, 1);
      assert.match(weak.out, /au moins 12 caractères/);
      const added = commun(['user', 'add', 'marie', '--nom', 'Marie Curie', '--email', 'marie@libreville.fr', '--profil', 'CONSULTATION', '--password', 'Radium-Polonium-1898'], await env(), cwd);
      assert.equal(added.code, 0, added.out);
      const again = commun(['user', 'add', 'marie', '--nom', 'Marie', '--email', 'marie@libreville.fr', '--password', 'Radium-Polonium-1898'], await env(), cwd);
      assert.equal(again.code, 1);
      assert.match(again.out, /existe déjà/);
      const changed = commun(['user', 'password', 'marie'], await env(), cwd);
      assert.equal(changed.code, 0, changed.out);
      assert.match(changed.out, /Nouveau mot de passe : \S{12,}/);
      const missing = commun(['user', 'password', 'personne'], await env(), cwd);
      assert.equal(missing.code, 1);
      assert.match(missing.out, /Aucun utilisateur/);
    });
  });
}
