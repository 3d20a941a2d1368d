/**
 * The shared connection under concurrent work: actors of two collectivités interleaving reads each
 * see only their own rows (both databases); on the embedded database, PGlite runs outside the event
 * loop, a background job gives way to requests, a cursor does not hold the session for a whole
 * stream, and PostgreSQL's error fields and the value types cross the thread boundary.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../src/access/actor.ts';
import { inBackground, readAs, writeAs, type Db } from '../src/db/index.ts';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases.ts';

const actorOf = (collectivite: number): Actor => ({ ...SYSTEM_ACTOR, via: 'session', collectivite, niveau: '1', workingCollectivite: collectivite });

const NOTES = `
  create schema palier;
  create table palier.note (
    note serial primary key,
    om_collectivite integer not null references om.om_collectivite,
    texte text not null unique
  );
  insert into palier.note (om_collectivite, texte)
    select 1 + (n % 2), 'note ' || n from generate_series(1, 40) n;`;

describeEachDatabase('actors of two collectivités interleaving on the shared connection', (database) => {
  before(async () => {
    await database().asOwner(NOTES, 'palier');
  });

  test('each sees only its own rows, statement after statement, while the other reads too', async () => {
    const db = database().db.kysely;
    let inside = 0;
    let mostInside = 0;
    const reader = (collectivite: number) =>
      readAs(db, actorOf(collectivite), async (connection) => {
        inside += 1;
        mostInside = Math.max(mostInside, inside);
        const seen: number[] = [];
        for (let round = 0; round < 15; round++) {
          const rows = await sql<{ om_collectivite: number }>`select om_collectivite from palier.note`.execute(connection);
          seen.push(...rows.rows.map((row) => row.om_collectivite));
          await nextTurn();
        }
        inside -= 1;
        return seen;
      });
    const [first, second] = await Promise.all([reader(1), reader(2), reader(1), reader(2)]);
    // The embedded session is lent per statement, so the four overlap; on the server each has its own
    // pooled connection, which may be opened after the first reads are over.
    if (database().kind === 'pglite') assert.equal(mostInside, 4, 'the four reads ran side by side (no lock held for a whole readAs)');
    assert.equal(first?.length, 15 * 20);
    assert.ok(first?.every((collectivite) => collectivite === 1), 'collectivité 1 saw only its rows');
    assert.equal(second?.length, 15 * 20);
    assert.ok(second?.every((collectivite) => collectivite === 2), 'collectivité 2 saw only its rows');
  });

  test('a transaction of one actor and reads of another interleave without mixing their settings', async () => {
    const db = database().db.kysely;
    const reads = readAs(db, actorOf(2), async (connection) => {
      const counts: number[] = [];
      for (let round = 0; round < 10; round++) {
        counts.push((await sql<{ n: number }>`select count(*)::int as n from palier.note`.execute(connection)).rows[0]?.n ?? -1);
        await nextTurn();
      }
      return counts;
    });
    const inserted = writeAs(db, actorOf(1), async (trx) => {
      await sql`insert into palier.note (om_collectivite, texte) values (1, 'écrite pendant les lectures')`.execute(trx);
      return (await sql<{ n: number }>`select count(*)::int as n from palier.note`.execute(trx)).rows[0]?.n;
    });
    assert.deepEqual(await reads, Array(10).fill(20));
    assert.equal(await inserted, 21);
  });

  test('a database error keeps PostgreSQL’s fields (code, constraint, table…)', async () => {
    const error = await writeAs(database().db.kysely, actorOf(1), (trx) =>
      sql`insert into palier.note (om_collectivite, texte) values (1, 'note 2')`.execute(trx),
    ).then(
      () => undefined,
      (caught: unknown) => caught as { code?: string; constraint?: string; severity?: string; table?: string },
    );
    assert.equal(error?.code, '23505');
    assert.equal(error?.constraint, 'note_texte_key');
    assert.equal(error?.severity, 'ERROR');
    assert.equal(error?.table, 'note');
  });

  test('values come back with the same JS types on both databases', async () => {
    const [row] = (
      await sql<Record<string, unknown>>`select 12::int8 as big, '2024-02-29'::date as day, '2024-02-29 10:11:12'::timestamp as moment,
        12.50::numeric as amount, '{"a": [1]}'::jsonb as doc, true as yes, '\\x0102'::bytea as bytes`.execute(database().db.kysely)
    ).rows;
    assert.equal(row?.big, 12);
    assert.equal(row?.day, '2024-02-29');
    assert.equal(row?.moment, '2024-02-29 10:11:12');
    assert.equal(row?.amount, '12.50');
    assert.deepEqual(row?.doc, { a: [1] });
    assert.equal(row?.yes, true);
    assert.deepEqual([...(row?.bytes as Uint8Array)], [1, 2]);
  });
});

/** How late `setTimeout(0)` callbacks fire while `work` runs. */
async function timerLateness<T>(work: () => Promise<T>): Promise<{ result: T; worstMs: number }> {
  let running = true;
  let worstMs = 0;
  const probe = (async () => {
    while (running) {
      const asked = performance.now();
      await sleep(0);
      worstMs = Math.max(worstMs, performance.now() - asked);
    }
  })();
  try {
    return { result: await work(), worstMs };
  } finally {
    running = false;
    await probe;
  }
}

const HEAVY = sql<{ n: number }>`select count(*)::int as n from generate_series(1, 4000000) g where g % 7 = 0`;

describe('the embedded database does not hold the server', () => {
  let database: TestDatabase;
  let db: Db;

  before(async () => {
    database = await createTestDatabase('pglite');
    db = database.db.kysely;
  });
  after(async () => {
    await database.close();
  });

  test('a heavy query runs outside the event loop: timers keep firing', async () => {
    const started = performance.now();
    const { result, worstMs } = await timerLateness(() => HEAVY.execute(db));
    const tookMs = performance.now() - started;
    assert.equal(result.rows[0]?.n, 571428);
    assert.ok(tookMs > 100, `the query must be heavy enough to tell (${tookMs.toFixed(0)} ms)`);
    // In the event loop, the query would delay a timer by its whole duration; a busy machine adds a little.
    assert.ok(worstMs < tookMs / 2, `a timer waited ${worstMs.toFixed(0)} ms while the query took ${tookMs.toFixed(0)} ms`);
  });

  test('while background jobs work in batches, a request is served within about one batch', async () => {
    let batches = 0;
    let stop = false;
    const batchMs: number[] = [];
    // Three jobs, each a loop of short transactions (a batch each), as imports do.
    const jobs = [1, 2, 3].map(() =>
      inBackground(async () => {
        while (!stop) {
          await db.transaction().execute(async (trx) => {
            // Timed from inside the transaction: the batch's own work, not its wait for the session.
            const started = performance.now();
            await sql`select count(*) from generate_series(1, 150000)`.execute(trx);
            batchMs.push(performance.now() - started);
          });
          batches += 1;
        }
      }),
    );
    await sleep(200);
    const waits: number[] = [];
    for (let request = 0; request < 25; request++) {
      const started = performance.now();
      await sql`select 1`.execute(db);
      waits.push(performance.now() - started);
      await sleep(20);
    }
    const batchesDuringRequests = batches;
    stop = true;
    await Promise.all(jobs);
    const sortedBatches = [...batchMs].sort((a, b) => a - b);
    const typicalBatch = sortedBatches[Math.floor(sortedBatches.length / 2)] ?? 0;
    const sortedWaits = [...waits].sort((a, b) => a - b);
    const typicalWait = sortedWaits[Math.floor(sortedWaits.length / 2)] ?? 0;
    assert.ok(batchesDuringRequests > 10, `the jobs progressed (${batchesDuringRequests} batches)`);
    // First come, first served puts a request behind the three jobs' batches (measured: 2.7 batches
    // typically); interactive first puts it behind the one batch running, at most.
    assert.ok(typicalWait < typicalBatch * 2, `a request waited ${typicalWait.toFixed(0)} ms, a batch takes ${typicalBatch.toFixed(0)} ms`);
    assert.ok((sortedWaits.at(-1) ?? 0) < 2000, `no request waited long (worst ${sortedWaits.at(-1)?.toFixed(0)} ms)`);
  });

  test('a job under constant interactive load still progresses', async () => {
    let stop = false;
    const requests = [1, 2, 3].map(async () => {
      while (!stop) await sql`select count(*) from generate_series(1, 20000)`.execute(db);
    });
    let jobBatches = 0;
    const started = performance.now();
    await inBackground(async () => {
      while (jobBatches < 5) {
        await sql`select 1`.execute(db);
        jobBatches += 1;
      }
    });
    stop = true;
    await Promise.all(requests);
    assert.ok(performance.now() - started < 5000, 'five statements of the job went through');
  });

  test('a cursor read as a stream does not hold the session between its batches', async () => {
    const stream = db.selectFrom(sql`generate_series(1, 5000)`.as('g')).select(sql<number>`g`.as('n')).stream(1000);
    let rows = 0;
    const between: number[] = [];
    for await (const _row of stream) {
      rows += 1;
      if (rows % 1000 === 1) {
        // Another request while the stream is open, between two fetches.
        const started = performance.now();
        await sql`select 1`.execute(db);
        between.push(performance.now() - started);
      }
    }
    assert.equal(rows, 5000);
    assert.equal(between.length, 5);
    assert.ok(Math.max(...between) < 1000, 'served while the stream was open');
    const open = await sql<{ n: number }>`select count(*)::int as n from pg_cursors`.execute(db);
    assert.equal(open.rows[0]?.n, 0, 'the cursor was closed');
  });

  test('a stream stopped early closes its cursor', async () => {
    for await (const _row of db.selectFrom(sql`generate_series(1, 5000)`.as('g')).select(sql<number>`g`.as('n')).stream(100)) break;
    const open = await sql<{ n: number }>`select count(*)::int as n from pg_cursors`.execute(db);
    assert.equal(open.rows[0]?.n, 0);
  });
});
