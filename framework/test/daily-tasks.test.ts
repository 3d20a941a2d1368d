/**
 * The applications' daily tasks: all run at the first pass of a day (one failing does not stop the
 * others and is logged), not again the same day, again the next day.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Db } from '../src/db/connection.ts';
import { runDailyTasks, todayInParis } from '../src/jobs/daily.ts';
import { Registry } from '../src/model/registry.ts';

test('daily tasks run once a day, each whatever the others do', async () => {
  const registry = new Registry();
  const runs: string[] = [];
  registry.addDailyTask({ id: 'a.panne', run: async () => { runs.push('panne'); throw new Error('base indisponible'); } });
  registry.addDailyTask({ id: 'a.etats', run: async () => { runs.push('etats'); return '3 changés'; } });
  assert.throws(() => registry.addDailyTask({ id: 'a.etats', run: async () => undefined }), /déjà enregistrée/);
  const logged: { level: string; task: unknown; done?: unknown }[] = [];
  const runtime = {
    db: { kysely: {} as Db },
    registry,
    logger: {
      info: (fields: { task: unknown; done: unknown }) => void logged.push({ level: 'info', ...fields }),
      error: (fields: { task: unknown }) => void logged.push({ level: 'error', task: fields.task }),
    } as never,
  };
  assert.equal(await runDailyTasks(runtime, '2026-12-05'), true);
  assert.deepEqual(runs, ['panne', 'etats']);
  assert.deepEqual(logged, [{ level: 'error', task: 'a.panne' }, { level: 'info', task: 'a.etats', done: '3 changés' }]);
  assert.equal(await runDailyTasks(runtime, '2026-12-05'), false, 'not twice the same day');
  assert.deepEqual(runs, ['panne', 'etats']);
  assert.equal(await runDailyTasks(runtime, '2026-12-06'), true, 'again the next day');
  assert.deepEqual(runs, ['panne', 'etats', 'panne', 'etats']);
});

test('the day is the day in Paris', () => {
  assert.equal(todayInParis(new Date('2026-12-05T23:30:00Z')), '2026-12-06');
  assert.equal(todayInParis(new Date('2026-07-01T21:59:00Z')), '2026-07-01');
});
