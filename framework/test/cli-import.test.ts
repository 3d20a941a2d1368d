/**
 * `commun import`: the command's options, counts, reject file and exit codes, with its progress on
 * stderr; and kill -9 in the middle of an import, on both databases: « tout ou rien » leaves
 * nothing, « ignorer » leaves whole batches only, and the job's row says exactly which lines were
 * written (the embedded data folder opens again: the dead process's lock is taken over).
 * The commands run on an instance serving the registre alone (REGISTRE_INSTANCE): the imports are
 * the registre's, and this instance opens fastest.
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
import { copyMigratedInstance, REGISTRE_INSTANCE } from './support/instance-folder.ts';
import { SERVICES_CSV, writeTraitements } from './support/registre-csv.ts';
import { COMMUN_NODE_FLAGS } from './support/node-flags.ts';

const COMMAND = fileURLToPath(new URL('../bin/commun.js', import.meta.url));
const BASE_ENV = { COMMUN_ADMIN_PASSWORD: 'Mot-de-passe-Admin-2026', LOG_LEVEL: 'silent', COMMUN_PROGRESS_MS: '100' };

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

function commun(args: string[], env: Record<string, string>): Run {
  const result = spawnSync(process.execPath, [...COMMUN_NODE_FLAGS, COMMAND, ...args], { cwd: REGISTRE_INSTANCE, env: { ...process.env, DATABASE_URL: '', ...BASE_ENV, ...env }, encoding: 'utf8', timeout: 180_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/**
 * Starts an import and kills it (SIGKILL) once its progress passes `killAt` lines; resolves with
 * the progress seen and the job's id. Fails if the import ends before.
 */
function importKilled(args: string[], env: Record<string, string>, killAt: number): Promise<{ done: number; job: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...COMMUN_NODE_FLAGS, COMMAND, 'import', ...args], { cwd: REGISTRE_INSTANCE, env: { ...process.env, DATABASE_URL: '', ...BASE_ENV, ...env } });
    let err = '';
    let killed = false;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
      const done = Math.max(0, ...[...err.matchAll(/Import : (\d+) ligne/g)].map((match) => Number(match[1])));
      if (!killed && done >= killAt) {
        killed = true;
        child.kill('SIGKILL');
        const job = /Traitement n° ([0-9a-f-]{36})/.exec(err)?.[1];
        child.once('exit', () => (job ? resolve({ done, job }) : reject(new Error(`no job id before the kill:\n${err}`))));
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

    /** Runs queries as the owner, the command having exited: the embedded folder is opened once for them all. */
    async function query<T extends unknown[]>(...texts: string[]): Promise<T> {
      const server = database;
      if (server) return Promise.all(texts.map((text) => server.ownerQuery(text))) as Promise<T>;
      const owner = await openDatabase({ dataDir: join(folder, 'data') });
      try {
        const results: unknown[] = [];
        for (const text of texts) results.push((await sql.raw(text).execute(owner.kysely)).rows);
        return results as T;
      } finally {
        await owner.close();
      }
    }

    /** The rows of `registre.traitement` a file wrote: each file names its rows with its own prefix. */
    const countOf = (prefix: string) => `select count(*)::int as n from registre.traitement where libelle like '${prefix} n° %'`;
    const jobOf = (id: string) => `select etat, bilan from om.om_traitement where om_traitement = '${id}'`;
    const traitements = async (prefix: string) => Number((await query<[{ n: number }[]]>(countOf(prefix)))[0][0]?.n);

    before(async () => {
      if (kind === 'pglite') {
        env = { COMMUN_DATA_DIR: join(folder, 'data') };
        // What `commun migrate` makes of a new folder (apps/registre/test/instance.test.ts runs that one), copied.
        await copyMigratedInstance(join(folder, 'data'), REGISTRE_INSTANCE);
      } else {
        database = await createTestDatabase('postgres');
        env = { DATABASE_URL: database.url ?? '', COMMUN_DATA_DIR: join(folder, 'data') };
      }
      // On the server, this first command also migrates the new database, as `commun migrate` would.
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
      const refused = commun(['import', 'registre.traitement', path], env);
      assert.equal(refused.code, 2, refused.out + refused.err);
      assert.match(refused.out, /Rien n’a été importé : des lignes sont en erreur/);
      assert.match(refused.out, /rejetées : 3 ;/);
      assert.equal(await traitements('Petit'), 0);

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
      assert.equal(await traitements('Petit'), 27);

      const simulated = commun(['import', 'registre.traitement', path, '--simulation', '--mode', 'ignorer'], env);
      assert.equal(simulated.code, 2);
      assert.match(simulated.out, /Simulation terminée/);
      assert.equal(await traitements('Petit'), 27);

      const updated = commun(['import', 'registre.traitement', path, '--mode', 'ignorer', '--mise-a-jour', 'libelle'], env);
      assert.match(updated.out, /importées : 0 ; mises à jour : 27 ; rejetées : 3/);
    });

    // One test for both kills, so that one restart (`commun migrate`) serves both: the second
    // import's own start is the restart after the first kill (it takes over the embedded folder's
    // lock and marks the first job « interrompu »).
    test('kill -9 during « ignorer »: whole batches only, the job row says which lines were written; during « tout ou rien »: nothing; the next start marks both « interrompu »', async () => {
      // Enough lines that the import is still writing when the kill lands (it is killed one batch in).
      const lines = kind === 'pglite' ? 1500 : 16_000;
      const ignorerPath = join(folder, 'gros-ignorer.csv');
      await writeTraitements(ignorerPath, lines, { prefix: 'Ignorer' });
      const ignorer = await importKilled(['registre.traitement', ignorerPath, '--mode', 'ignorer'], env, batch);
      assert.ok(ignorer.done >= batch);
      const [[count], [job]] = await query<[{ n: number }[], JobRow[]]>(countOf('Ignorer'), jobOf(ignorer.job));
      const written = Number(count?.n);
      assert.ok(written > 0 && written < lines, `${written} rows written`);
      assert.equal(written % batch, 0, `${written} rows: whole batches of ${batch}`);
      assert.ok(job?.bilan, 'the summary was saved with the batches');
      assert.equal(job.bilan.imported, written);
      assert.deepEqual(job.bilan.writtenRanges, [[2, written + 1]], 'the written lines, after the header');
      assert.equal(job.bilan.lastLine, written + 1);

      const toutPath = join(folder, 'gros-tout.csv');
      await writeTraitements(toutPath, lines, { prefix: 'Tout' });
      // On the embedded database, the progress counts the check, then the writing (past `lines`): killed one batch into the writing.
      const killAt = kind === 'pglite' ? lines + batch : batch;
      const tout = await importKilled(['registre.traitement', toutPath, '--mode', 'tout-ou-rien'], env, killAt);
      assert.equal(await traitements('Tout'), 0);

      const restarted = commun(['migrate'], env);
      assert.equal(restarted.code, 0, restarted.out + restarted.err);
      const [[ignorerJob], [toutJob], [toutCount]] = await query<[JobRow[], JobRow[], { n: number }[]]>(jobOf(ignorer.job), jobOf(tout.job), countOf('Tout'));
      assert.equal(ignorerJob?.etat, 'interrompu');
      assert.equal(toutJob?.etat, 'interrompu');
      assert.equal(toutJob?.bilan ?? null, null, 'no summary: nothing was committed');
      assert.equal(Number(toutCount?.n), 0);
    });
  });
}
