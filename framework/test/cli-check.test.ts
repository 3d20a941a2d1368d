/**
 * `commun check` on an instance serving the registre alone (REGISTRE_INSTANCE: the check reads
 * every application's foreign keys the same way, and this instance opens fastest): nothing to
 * report on a clean database (exit 0); a row of Libreville naming Autreville's service, written
 * with the database's checks off as an older row would be, is listed with its table, key, column
 * and both collectivités (exit 1).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/connection.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases.ts';
import { copyMigratedInstance, REGISTRE_INSTANCE } from './support/instance-folder.ts';
import { COMMUN_NODE_FLAGS } from './support/node-flags.ts';

const COMMAND = fileURLToPath(new URL('../bin/commun.js', import.meta.url));

function commun(args: string[], env: Record<string, string>): { code: number | null; out: string } {
  const result = spawnSync(process.execPath, [...COMMUN_NODE_FLAGS, COMMAND, ...args], {
    cwd: REGISTRE_INSTANCE,
    env: { ...process.env, DATABASE_URL: '', COMMUN_ADMIN_PASSWORD: 'Mot-de-passe-Admin-2026', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

const BREAKING_ROW = `
insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
insert into registre.service (service, libelle, om_collectivite) values (501, 'Voirie d''Autreville', 3);
set session_replication_role = replica;
insert into registre.traitement (traitement, libelle, finalite, base_legale, service, om_collectivite) values (601, 'Voirie', 'Entretenir.', 3, 501, 1);
set session_replication_role = default;
`;

test('commun check --help prints its usage; an unknown option is refused', () => {
  const help = commun(['check', '--help'], {});
  assert.equal(help.code, 0, help.out);
  assert.match(help.out, /Usage : commun check/);
  const wrong = commun(['check', '--tout'], {});
  assert.equal(wrong.code, 1);
  assert.match(wrong.out, /Option inconnue : « --tout »/);
  assert.match(commun(['--help'], {}).out, /commun check/);
});

for (const kind of await databaseKinds()) {
  describe(`commun check [${kind === 'pglite' ? 'embarquée' : 'serveur'}]`, () => {
    const folder = mkdtempSync(join(tmpdir(), 'commun-check-'));
    let database: TestDatabase | undefined;
    let env: Record<string, string> = {};

    /** Runs SQL as the owner, the command having exited (the embedded folder is free). */
    async function asOwner(text: string): Promise<void> {
      if (database) return void (await database.ownerQuery(text));
      const owner = await openDatabase({ dataDir: join(folder, 'data') });
      try {
        await sql.raw(text).execute(owner.kysely);
      } finally {
        await owner.close();
      }
    }

    before(async () => {
      if (kind === 'pglite') {
        env = { COMMUN_DATA_DIR: join(folder, 'data') };
        await copyMigratedInstance(join(folder, 'data'), REGISTRE_INSTANCE);
      } else {
        database = await createTestDatabase('postgres');
        env = { DATABASE_URL: database.url ?? '' };
      }
    });

    after(async () => {
      await database?.close();
      rmSync(folder, { recursive: true, force: true });
    });

    test('a clean database: « Aucune référence entre collectivités. », exit 0', () => {
      const run = commun(['check'], env);
      assert.equal(run.code, 0, run.out);
      assert.match(run.out, /Aucune référence entre collectivités\./);
    });

    test('a row naming another collectivité’s row is listed, exit 1', async () => {
      await asOwner(BREAKING_ROW);
      const run = commun(['check'], env);
      assert.equal(run.code, 1, run.out);
      assert.match(run.out, /1 ligne désigne une ligne d’une autre collectivité :/);
      assert.match(
        run.out,
        /registre\.traitement \(clé 601\) de « Libreville » : « service » désigne une ligne de registre\.service de « Autreville » \(contrainte traitement_service_fkey\)\./,
      );
      assert.doesNotMatch(run.out, /\n\s+at /, 'no stack trace');
    });
  });
}
