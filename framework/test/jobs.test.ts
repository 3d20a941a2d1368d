/**
 * The in-process job runner: progress, result, failures (a French message, never a crash), owner
 * only, finished jobs forgotten after an hour or beyond a bound per user, running jobs bounded.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { pino } from 'pino';
import { JobFailure, JobRefused, JobRunner, jobKind, type ProgressReporter } from '../src/jobs/index.ts';

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

test('a job reports its progress while it runs, then its result; only its owner reads it', async () => {
  const { logger } = capturingLogger();
  const runner = new JobRunner({ logger });
  const step = gate();
  let reporter: ProgressReporter | undefined;
  const job = runner.start(SUM, 7, { label: 'addition' }, async (progress) => {
    reporter = progress;
    progress.report(0, 4);
    progress.report(3);
    await step.opened;
    progress.report(4);
    return 42;
  });
  assert.equal(job.state, 'running');
  assert.equal(job.context.label, 'addition');
  // The work starts after the caller got the job back.
  assert.equal(reporter, undefined);
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  const running = runner.get(SUM, job.id, 7);
  assert.equal(running?.state, 'running');
  assert.deepEqual(running?.progress, { done: 3, total: 4 });

  assert.equal(runner.get(SUM, job.id, 8), undefined, 'another user does not see it');
  assert.equal(runner.get(OTHER, job.id, 7), undefined, 'nor does a page of another kind');
  assert.equal(runner.get(SUM, 'inconnu', 7), undefined);

  step.open();
  await runner.settled(job.id);
  const done = runner.get(SUM, job.id, 7);
  assert.equal(done?.state, 'done');
  assert.equal(done?.result, 42);
  assert.deepEqual(done?.progress, { done: 4, total: 4 });
  assert.ok(done?.finishedAt !== undefined);
});

test('a failure is a French message for the user, logged, and never a crash', async () => {
  const { logger, lines } = capturingLogger();
  const runner = new JobRunner({ logger, locale: 'fr' });
  const expected = runner.start(SUM, 1, { label: 'a' }, async () => {
    throw new JobFailure('Le fichier est illisible.');
  });
  const unexpected = runner.start(SUM, 1, { label: 'b' }, async () => {
    throw new TypeError('undefined is not a function');
  });
  const synchronous = runner.start(SUM, 1, { label: 'c' }, () => {
    throw new RangeError('boum');
  });
  await Promise.all([runner.settled(expected.id), runner.settled(unexpected.id), runner.settled(synchronous.id)]);

  const first = runner.get(SUM, expected.id, 1);
  assert.equal(first?.state, 'failed');
  assert.equal(first?.error, 'Le fichier est illisible.');

  const second = runner.get(SUM, unexpected.id, 1);
  assert.equal(second?.state, 'failed');
  assert.match(second?.error ?? '', /erreur inattendue \(référence [0-9a-f-]{36}\)/);
  assert.ok(second?.error?.includes(unexpected.id), 'the message gives the reference');
  assert.ok(!second?.error?.includes('undefined is not a function'), 'no technical detail for the user');
  assert.equal(runner.get(SUM, synchronous.id, 1)?.state, 'failed');

  const logged = lines.find((line) => line.job === unexpected.id);
  assert.equal(logged?.level, 50);
  assert.match(JSON.stringify(logged?.err), /undefined is not a function/);
});

test('a user runs a bounded number of jobs at once', async () => {
  const runner = new JobRunner({ logger: capturingLogger().logger, maxRunningPerUser: 2 });
  const step = gate();
  const first = runner.start(SUM, 3, { label: '1' }, async () => (await step.opened, 1));
  runner.start(SUM, 3, { label: '2' }, async () => (await step.opened, 2));
  assert.throws(() => runner.start(SUM, 3, { label: '3' }, async () => 3), (error: unknown) => {
    assert.ok(error instanceof JobRefused);
    assert.match(error.message, /déjà 2 traitements en cours/);
    return true;
  });
  // Another user is not concerned.
  const other = runner.start(SUM, 4, { label: 'x' }, async () => 9);
  step.open();
  await runner.settled(first.id);
  await runner.settled(other.id);
  assert.equal(runner.start(SUM, 3, { label: '4' }, async () => 4).state, 'running');
});

test('finished jobs are forgotten after the delay, and beyond the bound per user', async () => {
  let now = 1_000_000;
  const runner = new JobRunner({ logger: capturingLogger().logger, now: () => now, keepMs: 60 * 60 * 1000, maxKeptPerUser: 2 });
  const ids: string[] = [];
  for (const value of [1, 2, 3]) {
    const job = runner.start(SUM, 5, { label: String(value) }, async () => value);
    await runner.settled(job.id);
    ids.push(job.id);
    now += 1000;
  }
  // The oldest of three goes when the bound is two.
  assert.equal(runner.get(SUM, ids[0] ?? '', 5), undefined);
  assert.equal(runner.get(SUM, ids[1] ?? '', 5)?.result, 2);
  assert.equal(runner.get(SUM, ids[2] ?? '', 5)?.result, 3);

  now += 59 * 60 * 1000;
  assert.equal(runner.get(SUM, ids[2] ?? '', 5)?.result, 3, 'still there within the hour');
  now += 2 * 60 * 1000;
  assert.equal(runner.get(SUM, ids[1] ?? '', 5), undefined, 'gone after an hour');
  assert.equal(runner.get(SUM, ids[2] ?? '', 5), undefined);
});

test('a running job is never forgotten', async () => {
  let now = 0;
  const runner = new JobRunner({ logger: capturingLogger().logger, now: () => now, keepMs: 10 });
  const step = gate();
  const job = runner.start(SUM, 6, { label: 'long' }, async () => (await step.opened, 5));
  now += 1_000_000;
  assert.equal(runner.get(SUM, job.id, 6)?.state, 'running');
  step.open();
  await runner.settled(job.id);
  assert.equal(runner.get(SUM, job.id, 6)?.result, 5);
});
