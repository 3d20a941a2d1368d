/**
 * `commun import`: the command's options, counts, reject file and exit codes, with its progress on
 * stderr; and kill -9 in the middle of an import, on both databases: « tout ou rien » leaves
 * nothing, « ignorer » leaves whole batches only, and the job's row says exactly which lines were
 * written (the embedded data folder opens again: the dead process's lock is taken over).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/connection.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases.ts';
import { copyMigratedInstance } from './support/instance-folder.ts';
import { SERVICES_CSV, writeTraitements } from './support/registre-csv.ts';
import { COMMUN_NODE_FLAGS } from './support/node-flags.ts';

const COMMAND = fileURLToPath(new URL('../bin/commun.js', import.meta.url));
/** The instance of the repository (`commun.config.ts`: the registre application). */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BASE_ENV = { COMMUN_ADMIN_PASSWORD: 'Mot-de-passe-Admin-2026', LOG_LEVEL: 'silent', COMMUN_PROGRESS_MS: '100' };

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

function commun(args: string[], env: Record<string, string>): Run {
  const result = spawnSync(process.execPath, [...COMMUN_NODE_FLAGS, COMMAND, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', ...BASE_ENV, ...env }, encoding: 'utf8', timeout: 180_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/**
 * Starts an import and kills it (SIGKILL) once its progress passes `killAt` lines; resolves with
 * the progress seen. Fails if the import ends before.
 */
function importKilled(args: string[], env: Record<string, string>, killAt: number): Promise<{ done: number; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...COMMUN_NODE_FLAGS, COMMAND, 'import', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', ...BASE_ENV, ...env } });
    let err = '';
    let killed = false;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
      const done = Math.max(0, ...[...err.matchAll(/Import : (\d+) ligne/g)].map((match) => Number(match[1])));
      if (!killed && done >= killAt) {
        killed = true;
        child.kill('SIGKILL');
        child.once('exit', () => resolve({ done, err }));
      }
    });
    child.once('exit', (code) => {
      if (!killed) reject(new Error(`the import ended (${code}) before being killed:\n${err}`));
    });
  });
}

interface JobRow {
  etat: string;
  bilan: { mode: string; lastLine: number; imported: number; writtenRanges: [number, number][] } | null;
}

const kinds = await databaseKinds();
/** The arguments' checks do not depend on the database: they run on one kind, the faster one when there are two. */
const argumentsKind = kinds.includes('postgres') ? 'postgres' : 'pglite';

for (const kind of kinds) {
  describe(`commun import [${kind === 'pglite' ? 'embarquée' : 'serveur'}]`, () => {
    const folder = mkdtempSync(join(tmpdir(), 'commun-import-cli-'));
    let database: TestDatabase | undefined;
    let env: Record<string, string> = {};
    /** Lines per batch of the command on this database (run.ts). */
    const batch = kind === 'pglite' ? 100 : 2000;

    /** Reads the database as its owner, the command having exited. */
    async function query<T>(text: string): Promise<T[]> {
      if (database) return database.ownerQuery<T>(text);
      const owner = await openDatabase({ dataDir: join(folder, 'data') });
      try {
        return (await sql.raw(text).execute(owner.kysely)).rows as T[];
      } finally {
        await owner.close();
      }
    }

    const traitements = async () => Number((await query<{ n: number }>('select count(*)::int as n from registre.traitement'))[0]?.n);
    const lastJob = async () => (await query<JobRow>(`select etat, bilan from om.om_traitement where type = 'import' order by cree_le desc limit 1`))[0];

    before(async () => {
      if (kind === 'pglite') {
        env = { COMMUN_DATA_DIR: join(folder, 'data') };
        // What `commun migrate` makes of a new folder (cli.test.ts runs that one), copied.
        await copyMigratedInstance(join(folder, 'data'));
      } else {
        database = await createTestDatabase('postgres');
        env = { DATABASE_URL: database.url ?? '', COMMUN_DATA_DIR: join(folder, 'data') };
        const migrated = commun(['migrate'], env);
        assert.equal(migrated.code, 0, migrated.out + migrated.err);
      }
      writeFileSync(join(folder, 'services.csv'), SERVICES_CSV);
      const services = commun(['import', 'registre.service', join(folder, 'services.csv')], env);
      assert.equal(services.code, 0, services.out + services.err);
    });

    after(async () => {
      await database?.close();
      rmSync(folder, { recursive: true, force: true });
    });

    if (kind === argumentsKind) test('--help prints the usage; a wrong import, user, mode or file is refused in French (exit 1)', () => {
      const help = commun(['import', '--help'], env);
      assert.equal(help.code, 0);
      assert.match(help.out, /Usage : commun import <application>\.<table> <fichier\.csv>/);
      assert.match(help.out, /--mode tout-ou-rien\|ignorer/);
      const file = join(folder, 'services.csv');
      for (const [args, message] of [
        [['registre.inconnu', file], /Aucun import « registre\.inconnu »/],
        [['registre.traitement', file, '--utilisateur', 'personne'], /Aucun utilisateur « personne »/],
        [['registre.traitement', file, '--mode', 'parfois'], /Mode inconnu « parfois »/],
        [['registre.traitement', join(folder, 'absent.csv')], /Le fichier « .*absent\.csv » est introuvable\./],
      ] as const) {
        const run = commun(['import', ...args], env);
        assert.equal(run.code, 1, run.out + run.err);
        assert.match(run.out + run.err, message);
        assert.doesNotMatch(run.out + run.err, /\n\s+at /, 'no stack trace');
      }
    });

    test('an import with rejected lines: counts, reject file, progress on stderr, exit 2; « tout ou rien » imports nothing', async () => {
      const path = join(folder, 'petit.csv');
      await writeTraitements(path, 30, { prefix: 'Petit', badEvery: 10 });
      const before = await traitements();
      const refused = commun(['import', 'registre.traitement', path], env);
      assert.equal(refused.code, 2, refused.out + refused.err);
      assert.match(refused.out, /Rien n’a été importé : des lignes sont en erreur/);
      assert.match(refused.out, /rejetées : 3 ;/);
      assert.equal(await traitements(), before);

      const kept = commun(['import', 'registre.traitement', path, '--mode', 'ignorer'], env);
      assert.equal(kept.code, 2, kept.out + kept.err);
      assert.match(kept.out, /Lignes lues : 31 ; en-tête : 1 ; importées : 27 ; mises à jour : 0 ; rejetées : 3 ; vides : 0\./);
      assert.match(kept.err, /Import : 0 ligne\(s\) sur 31 \(0 %\)/);
      assert.match(kept.err, /Traitement n° [0-9a-f-]{36}/);
      const rejects = /Lignes rejetées \(avec leur motif\) : (.+)$/m.exec(kept.out)?.[1] ?? '';
      assert.ok(existsSync(rejects), rejects);
      const lines = readFileSync(rejects, 'utf8').split('\n');
      assert.equal(lines.length, 1 + 3 + 1);
      assert.match(lines[1] ?? '', /^Petit n° 10;.*aucun enregistrement de « [^»]+ » n’a pour clé ou pour libellé « Base inconnue »/);
      assert.equal(await traitements(), before + 27);

      const simulated = commun(['import', 'registre.traitement', path, '--simulation', '--mode', 'ignorer'], env);
      assert.equal(simulated.code, 2);
      assert.match(simulated.out, /Simulation terminée/);
      assert.equal(await traitements(), before + 27);

      const updated = commun(['import', 'registre.traitement', path, '--mode', 'ignorer', '--mise-a-jour', 'libelle'], env);
      assert.match(updated.out, /importées : 0 ; mises à jour : 27 ; rejetées : 3/);
    });

    test('kill -9 during « ignorer »: whole batches only, and the job row says which lines were written', async () => {
      const lines = kind === 'pglite' ? 4000 : 40_000;
      const path = join(folder, 'gros-ignorer.csv');
      await writeTraitements(path, lines, { prefix: 'Ignorer' });
      const before = await traitements();
      const { done } = await importKilled(['registre.traitement', path, '--mode', 'ignorer'], env, batch * 2);
      assert.ok(done >= batch * 2);
      const written = (await traitements()) - before;
      assert.ok(written > 0 && written < lines, `${written} rows written`);
      assert.equal(written % batch, 0, `${written} rows: whole batches of ${batch}`);
      const job = await lastJob();
      assert.ok(job?.bilan, 'the summary was saved with the batches');
      assert.equal(job.bilan.imported, written);
      assert.deepEqual(job.bilan.writtenRanges, [[2, written + 1]], 'the written lines, after the header');
      assert.equal(job.bilan.lastLine, written + 1);
      // The next start marks it « interrompu » (and opens the embedded folder the dead process held).
      const restarted = commun(['migrate'], env);
      assert.equal(restarted.code, 0, restarted.out + restarted.err);
      assert.equal((await lastJob())?.etat, 'interrompu');
    });

    test('kill -9 during « tout ou rien »: nothing is written', async () => {
      const lines = kind === 'pglite' ? 3000 : 40_000;
      const path = join(folder, 'gros-tout.csv');
      await writeTraitements(path, lines, { prefix: 'Tout' });
      const before = await traitements();
      // On the embedded database, the progress counts the check, then the writing (past `lines`).
      const killAt = kind === 'pglite' ? lines + batch * 2 : batch * 3;
      await importKilled(['registre.traitement', path, '--mode', 'tout-ou-rien'], env, killAt);
      assert.equal(await traitements(), before);
      const restarted = commun(['migrate'], env);
      assert.equal(restarted.code, 0, restarted.out + restarted.err);
      const job = await lastJob();
      assert.equal(job?.etat, 'interrompu');
      assert.equal(job?.bilan ?? null, null, 'no summary: nothing was committed');
      assert.equal(await traitements(), before);
    });
  });
}
