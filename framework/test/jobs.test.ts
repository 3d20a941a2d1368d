/**
 * The job runner over `om.om_traitement`, on both databases: a job's row from « en attente » to
 * « terminé » / « échoué », its progress and summary persisted, who may read and cancel it, the
 * per-user cap, the « restart » (a new runner reads the job; a job of a dead process becomes
 * « interrompu » with how far it got), the cancel from another process, the shutdown, and the
 * retention sweep of result files.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { pino } from 'pino';
import type { Actor } from '../src/access/actor.ts';
import { writeAs } from '../src/db/index.ts';
import {
  currentProcess,
  interruptOrphanJobs,
  JobFailure,
  JobRefused,
  JobRunner,
  jobFolder,
  jobKind,
  sweepJobFiles,
  sweepStaleUploads,
  uploadsFolder,
  type JobContext,
} from '../src/jobs/index.ts';
import { testActor } from './support/actors.ts';
import { createUser } from './support/auth.ts';
import { describeEachDatabase } from './support/databases.ts';

const SUM = jobKind<number, { label: string }>('somme');
const OTHER = jobKind<number, { label: string }>('autre');

/** A logger whose lines the test reads. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  return { logger: pino({ level: 'info' }, destination), lines };
}

/** A promise the test resolves when it wants. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  assert.fail(`jamais vrai : ${what}`);
}

interface Row {
  etat: string;
  avancement: number;
  total: number | null;
  bilan: Record<string, unknown> | null;
  resultat: unknown;
  erreur: string | null;
  fichiers: string[];
  debute_le: unknown;
  termine_le: unknown;
  om_collectivite: number;
  om_utilisateur: number;
}

describeEachDatabase('Traitements : le gestionnaire de traitements', (database) => {
  let dataDir: string;
  let owner: Actor;
  let colleague: Actor;
  let admin: Actor;
  let otherAdmin: Actor;
  const runners: JobRunner[] = [];

  const runner = (options: Partial<ConstructorParameters<typeof JobRunner>[0]> = {}) => {
    const made = new JobRunner({ db: database().db.kysely, dataDir, logger: capturingLogger().logger, flushMs: 20, ...options });
    runners.push(made);
    return made;
  };

  async function row(id: string): Promise<Row> {
    const rows = await database().ownerQuery<Row>(`select * from om.om_traitement where om_traitement = '${id}'`);
    assert.ok(rows[0], `row ${id}`);
    return { ...rows[0], avancement: Number(rows[0].avancement), total: rows[0].total === null ? null : Number(rows[0].total) };
  }

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'commun-traitements-'));
    await database().asOwner(`insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1')`);
    const ownerId = await createUser(database(), { login: 'proprio', nom: 'Paule Proprio', profil: 3, collectivite: 1 });
    const colleagueId = await createUser(database(), { login: 'collegue', profil: 3, collectivite: 1 });
    const adminId = await createUser(database(), { login: 'admin1', profil: 1, collectivite: 1 });
    const otherAdminId = await createUser(database(), { login: 'admin3', profil: 1, collectivite: 3 });
    owner = testActor({ userId: ownerId, login: 'proprio', collectivite: 1, permissions: [] });
    colleague = testActor({ userId: colleagueId, login: 'collegue', collectivite: 1, permissions: [] });
    admin = testActor({ userId: adminId, login: 'admin1', collectivite: 1, permissions: ['traitement_tous'] });
    otherAdmin = testActor({ userId: otherAdminId, login: 'admin3', collectivite: 3, permissions: ['traitement_tous'] });
  });

  after(async () => {
    for (const made of runners) await made.shutdown(1000);
  });

  test('the row goes from « en attente » to « en cours » to « terminé », with progress, summary, result and files', async () => {
    const jobs = runner();
    const step = gate();
    let given: JobContext | undefined;
    const job = await jobs.start(SUM, owner, { fileName: 'nombres.csv', context: { label: 'addition' } }, async (context) => {
      given = context;
      writeFileSync(context.resultPath('rejets.csv'), 'a;b\n');
      await writeAs(database().db.kysely, owner, (trx) => context.saveSummary(trx, { written: 4, lastLine: 5 }));
      context.report(0, 10);
      context.report(4);
      await step.opened;
      context.report(10);
      return 42;
    });
    assert.equal(job.state, 'en_attente');
    assert.equal(job.fileName, 'nombres.csv');
    assert.deepEqual(job.context, { label: 'addition' });
    assert.equal(job.collectivite, 1);
    assert.equal(given, undefined, 'the work starts after the caller got the job back');

    await eventually(async () => (await row(job.id)).avancement === 4, 'progress persisted');
    const running = await row(job.id);
    assert.equal(running.etat, 'en_cours');
    assert.equal(running.total, 10);
    assert.ok(running.debute_le !== null);
    assert.deepEqual(running.bilan, { written: 4, lastLine: 5 });
    assert.deepEqual(running.fichiers, ['rejets.csv']);
    const live = await jobs.get(SUM, job.id, owner);
    assert.equal(live?.state, 'en_cours');
    assert.deepEqual(live?.progress, { done: 4, total: 10 });
    assert.equal(live?.ownerName, 'Paule Proprio');

    step.open();
    await jobs.settled(job.id);
    const done = await row(job.id);
    assert.equal(done.etat, 'termine');
    assert.equal(done.resultat, 42);
    assert.equal(done.avancement, 10);
    assert.ok(done.termine_le !== null);
    const read = await jobs.get(SUM, job.id, owner);
    assert.equal(read?.result, 42);
    const path = jobs.resultFile(read!, 'rejets.csv');
    assert.equal(path, join(jobFolder(dataDir, job.id), 'rejets.csv'));
    assert.equal(readFileSync(path!, 'utf8'), 'a;b\n');
    assert.equal(jobs.resultFile(read!, '../secret'), undefined);
    assert.equal(jobs.resultFile(read!, 'autre.csv'), undefined, 'only the files the job wrote');
  });

  test('the summary commits with the caller’s transaction, or not at all', async () => {
    const jobs = runner();
    const job = await jobs.start(SUM, owner, { context: { label: 'bilan' } }, async (context) => {
      await writeAs(database().db.kysely, owner, (trx) => context.saveSummary(trx, { written: 1000 }));
      await assert.rejects(
        writeAs(database().db.kysely, owner, async (trx) => {
          await context.saveSummary(trx, { written: 2000 });
          throw new Error('lot annulé');
        }),
      );
      return 1;
    });
    await jobs.settled(job.id);
    assert.deepEqual((await row(job.id)).bilan, { written: 1000 });
  });

  test('a failure is « échoué » with a French message for the user, logged, never a crash', async () => {
    const { logger, lines } = capturingLogger();
    const jobs = runner({ logger, locale: 'fr' });
    const expected = await jobs.start(SUM, owner, { context: { label: 'a' } }, async () => {
      throw new JobFailure('Le fichier est illisible.');
    });
    const unexpected = await jobs.start(SUM, owner, { context: { label: 'b' } }, async () => {
      throw new TypeError('undefined is not a function');
    });
    await Promise.all([jobs.settled(expected.id), jobs.settled(unexpected.id)]);
    assert.equal((await row(expected.id)).etat, 'echoue');
    assert.equal((await row(expected.id)).erreur, 'Le fichier est illisible.');
    const second = await jobs.get(SUM, unexpected.id, owner);
    assert.equal(second?.state, 'echoue');
    assert.match(second?.error ?? '', /erreur inattendue \(référence [0-9a-f-]{36}\)/);
    assert.ok(!second?.error?.includes('undefined is not a function'), 'no technical detail for the user');
    const logged = lines.find((line) => line.job === unexpected.id);
    assert.equal(logged?.level, 50);
    assert.match(JSON.stringify(logged?.err), /undefined is not a function/);
  });

  test('the owner and an administrator of the collectivité read a job; nobody else, nor another kind', async () => {
    const jobs = runner();
    const job = await jobs.start(SUM, owner, { context: { label: 'x' } }, async () => 1);
    await jobs.settled(job.id);
    assert.equal((await jobs.get(SUM, job.id, owner))?.result, 1);
    assert.equal((await jobs.get(SUM, job.id, admin))?.result, 1);
    assert.equal(await jobs.get(SUM, job.id, colleague), undefined, 'another user of the collectivité');
    assert.equal(await jobs.get(SUM, job.id, otherAdmin), undefined, 'an administrator of another collectivité');
    assert.equal(await jobs.get(OTHER, job.id, owner), undefined, 'a page of another kind');
    assert.equal(await jobs.get(SUM, 'inconnu', owner), undefined);
    assert.equal(await jobs.get(SUM, '00000000-0000-4000-8000-000000000000', owner), undefined);

    const mine = await jobs.list(owner, { offset: 0, limit: 100 });
    assert.ok(mine.jobs.every((found) => found.owner === owner.userId));
    assert.ok(mine.jobs.some((found) => found.id === job.id));
    assert.equal((await jobs.list(colleague, { offset: 0, limit: 100 })).total, 0);
    assert.ok((await jobs.list(admin, { offset: 0, limit: 100 })).jobs.some((found) => found.id === job.id));
    assert.equal((await jobs.list(otherAdmin, { offset: 0, limit: 100 })).total, 0);
  });

  test('a user runs a bounded number of jobs at once', async () => {
    const jobs = runner({ maxRunningPerUser: 2 });
    const step = gate();
    const first = await jobs.start(SUM, colleague, { context: { label: '1' } }, async () => (await step.opened, 1));
    await jobs.start(SUM, colleague, { context: { label: '2' } }, async () => (await step.opened, 2));
    await assert.rejects(jobs.start(SUM, colleague, { context: { label: '3' } }, async () => 3), (error: unknown) => {
      assert.ok(error instanceof JobRefused);
      assert.match(error.message, /déjà 2 traitements en cours/);
      return true;
    });
    const other = await jobs.start(SUM, admin, { context: { label: 'x' } }, async () => 9);
    step.open();
    await jobs.settled(first.id);
    await jobs.settled(other.id);
    const again = await jobs.start(SUM, colleague, { context: { label: '4' } }, async () => 4);
    await jobs.settled(again.id);
    assert.equal((await row(again.id)).etat, 'termine');
  });

  test('after a « restart » a new runner reads the job; a job of a dead process becomes « interrompu » with how far it got', async () => {
    const before = runner();
    const step = gate();
    const job = await before.start(SUM, owner, { fileName: 'long.csv', context: { label: 'long' } }, async (context) => {
      context.report(0, 100);
      await writeAs(database().db.kysely, owner, (trx) => context.saveSummary(trx, { written: 30, lastLine: 31 }));
      context.report(30);
      await step.opened;
      return 100;
    });
    await eventually(async () => (await row(job.id)).avancement === 30, 'progress persisted');

    const after = runner();
    const read = await after.get(SUM, job.id, owner);
    assert.equal(read?.state, 'en_cours');
    assert.deepEqual(read?.progress, { done: 30, total: 100 });
    assert.deepEqual(read?.summary, { written: 30, lastLine: 31 });

    // The running process is alive: the check leaves its job alone.
    assert.equal(await interruptOrphanJobs(database().db.kysely, { process: { host: currentProcess().host, pid: -1 }, runningHere: new Set(), isAlive: () => true }), 0);
    // This pid, but not a job of this runner: a previous life of the process.
    assert.equal(await interruptOrphanJobs(database().db.kysely, { process: currentProcess(), runningHere: after.runningHere() }), 1);
    const interrupted = await after.get(SUM, job.id, owner);
    assert.equal(interrupted?.state, 'interrompu');
    assert.deepEqual(interrupted?.progress, { done: 30, total: 100 });
    assert.deepEqual(interrupted?.summary, { written: 30, lastLine: 31 });
    assert.ok(interrupted?.finishedAt !== undefined);

    // A job of a dead pid of this host, and one of another host, silent or not.
    const dead = runner({ process: { host: currentProcess().host, pid: 2 ** 22 + 12345 } });
    const elsewhere = runner({ process: { host: 'autre-serveur', pid: 1 } });
    const deadJob = await dead.start(SUM, owner, { context: { label: 'mort' } }, async () => (await step.opened, 1));
    const remoteJob = await elsewhere.start(SUM, colleague, { context: { label: 'distant' } }, async () => (await step.opened, 1));
    await eventually(async () => (await row(remoteJob.id)).etat === 'en_cours' && (await row(deadJob.id)).etat === 'en_cours', 'started');
    const here = new Set([job.id]);
    assert.equal(await interruptOrphanJobs(database().db.kysely, { process: currentProcess(), runningHere: here }), 1);
    assert.equal((await row(deadJob.id)).etat, 'interrompu');
    assert.equal((await row(remoteJob.id)).etat, 'en_cours', 'another host’s job with a fresh heartbeat');
    assert.equal(await interruptOrphanJobs(database().db.kysely, { process: currentProcess(), runningHere: here, staleAfterMs: 0 }), 1);
    assert.equal((await row(remoteJob.id)).etat, 'interrompu');
    step.open();
    for (const made of [before, dead, elsewhere]) for (const id of made.runningHere()) await made.settled(id);
  });

  test('cancel: the owner and an administrator of the collectivité may; another user or collectivité never', async () => {
    const jobs = runner();
    const longJob = () =>
      jobs.start(SUM, owner, { context: { label: 'à annuler' } }, async (context) => {
        context.report(1, 1000);
        await new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve()));
        return 0;
      });
    const started = (id: string) => eventually(async () => (await row(id)).etat === 'en_cours', 'started');
    const first = await longJob();
    await started(first.id);
    assert.equal(await jobs.cancel(first.id, colleague), 'notFound');
    assert.equal(await jobs.cancel(first.id, otherAdmin), 'notFound');
    assert.equal((await row(first.id)).etat !== 'annule', true);
    assert.equal(await jobs.cancel(first.id, owner), 'cancelled');
    await jobs.settled(first.id);
    assert.equal((await row(first.id)).etat, 'annule');
    assert.equal(await jobs.cancel(first.id, owner), 'notRunning', 'already over');

    const second = await longJob();
    await started(second.id);
    assert.equal(await jobs.cancel(second.id, admin), 'cancelled');
    await jobs.settled(second.id);
    const cancelled = await row(second.id);
    assert.equal(cancelled.etat, 'annule');
    assert.equal(cancelled.avancement, 1, 'how far it got');
  });

  test('a cancel from another process reaches the running job through its row', async () => {
    const jobs = runner();
    const web = runner({ process: { host: 'autre-serveur', pid: 7 } });
    const job = await jobs.start(SUM, owner, { context: { label: 'commande' } }, async (context) => {
      for (let done = 0; !context.signal.aborted; done++) {
        context.report(done, 1_000_000);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return -1;
    });
    await eventually(async () => (await row(job.id)).etat === 'en_cours', 'started');
    assert.equal(await web.cancel(job.id, owner), 'cancelled');
    await jobs.settled(job.id);
    assert.equal((await row(job.id)).etat, 'annule');
  });

  test('a server that stops leaves its running jobs « interrompu »', async () => {
    const jobs = runner();
    const job = await jobs.start(SUM, owner, { context: { label: 'arrêt' } }, async (context) => {
      context.report(5, 50);
      await new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve()));
      throw new Error('arrêté');
    });
    await eventually(async () => (await row(job.id)).etat === 'en_cours', 'started');
    await jobs.shutdown();
    const stopped = await row(job.id);
    assert.equal(stopped.etat, 'interrompu');
    assert.equal(stopped.avancement, 5);
    assert.equal(stopped.erreur, null);
  });

  test('result files are deleted after the retention delay; the row stays and says so', async () => {
    const jobs = runner();
    const make = async (label: string) => {
      const job = await jobs.start(SUM, owner, { context: { label } }, async (context) => {
        writeFileSync(context.resultPath('rejets.csv'), 'x\n');
        return 1;
      });
      await jobs.settled(job.id);
      return job.id;
    };
    const old = await make('ancien');
    const recent = await make('récent');
    await database().asOwner(`update om.om_traitement set termine_le = now() - interval '8 days' where om_traitement = '${old}'`);
    assert.equal(await sweepJobFiles(database().db.kysely, dataDir, 7), 1);
    assert.equal(existsSync(jobFolder(dataDir, old)), false);
    assert.equal(existsSync(join(jobFolder(dataDir, recent), 'rejets.csv')), true);
    const swept = await jobs.get(SUM, old, owner);
    assert.ok(swept?.filesDeletedAt !== undefined);
    assert.deepEqual(swept?.files, ['rejets.csv']);
    assert.equal(jobs.resultFile(swept!, 'rejets.csv'), undefined);
    assert.ok(jobs.resultFile((await jobs.get(SUM, recent, owner))!, 'rejets.csv'));
    assert.equal(await sweepJobFiles(database().db.kysely, dataDir, 7), 0, 'once only');

    mkdirSync(uploadsFolder(dataDir), { recursive: true });
    const stale = join(uploadsFolder(dataDir), 'ancien.csv');
    const fresh = join(uploadsFolder(dataDir), 'frais.csv');
    writeFileSync(stale, 'a');
    writeFileSync(fresh, 'b');
    const twoDaysAgo = (Date.now() - 2 * 24 * 60 * 60 * 1000) / 1000;
    utimesSync(stale, twoDaysAgo, twoDaysAgo);
    assert.equal(await sweepStaleUploads(dataDir), 1);
    assert.equal(existsSync(stale), false);
    assert.equal(existsSync(fresh), true);
  });

  test('jobs rows are under row-level security like every tenant table', async () => {
    const rows = await database().ownerQuery<{ relrowsecurity: boolean }>(`select relrowsecurity from pg_class where oid = 'om.om_traitement'::regclass`);
    assert.equal(rows[0]?.relrowsecurity, true);
    const seen = await writeAs(database().db.kysely, otherAdmin, async (trx) => (await sql<{ n: number }>`select count(*)::int as n from om.om_traitement`.execute(trx)).rows[0]?.n);
    assert.equal(Number(seen), 0, 'another collectivité’s rows are invisible to its users');
  });
});
