/**
 * The embedded connection's lock: one holder at a time, interactive waiters before background ones,
 * a background waiter that has waited long enough served anyway, and a bounded wait.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { FairLock } from '../src/db/fair-lock.ts';

test('one holder at a time; the next waiter gets the lock on release', async () => {
  const lock = new FairLock();
  const release = await lock.acquire(false, 1000);
  let second = false;
  const waiting = lock.acquire(false, 1000).then((next) => {
    second = true;
    return next;
  });
  await sleep(10);
  assert.equal(second, false, 'still held');
  release();
  (await waiting)();
  assert.equal(second, true);
});

test('interactive waiters go before background waiters that came first', async () => {
  const lock = new FairLock({ starvationMs: 10_000 });
  const release = await lock.acquire(true, 1000);
  const order: string[] = [];
  const background = [1, 2].map((n) => lock.acquire(true, 1000).then((next) => (order.push(`job ${n}`), next())));
  const interactive = [1, 2].map((n) => lock.acquire(false, 1000).then((next) => (order.push(`request ${n}`), next())));
  assert.deepEqual(lock.waiting, { interactive: 2, background: 2 });
  release();
  await Promise.all([...background, ...interactive]);
  assert.deepEqual(order, ['request 1', 'request 2', 'job 1', 'job 2']);
});

test('a request’s next statement, on its way when its previous one ends, goes before a waiting job', async () => {
  const lock = new FairLock({ starvationMs: 10_000 });
  const order: string[] = [];
  const first = await lock.acquire(false, 1000);
  const job = lock.acquire(true, 1000).then((next) => (order.push('job'), next()));
  first();
  // The request asks again right after releasing (a few microtasks later, as Kysely does).
  await Promise.resolve();
  const again = lock.acquire(false, 1000).then((next) => (order.push('request'), next()));
  await Promise.all([job, again]);
  assert.deepEqual(order, ['request', 'job']);
});

test('a background waiter is served once it has waited the starvation delay, even under constant load', async () => {
  const lock = new FairLock({ starvationMs: 30 });
  let jobServed = false;
  const job = lock.acquire(true, 5000).then((next) => {
    jobServed = true;
    next();
  });
  const started = performance.now();
  // Interactive work that never stops: each holder asks again before releasing.
  let release = await lock.acquire(false, 5000);
  while (!jobServed && performance.now() - started < 2000) {
    const next = lock.acquire(false, 5000);
    await sleep(5);
    release();
    release = await next;
  }
  release();
  await job;
  assert.ok(jobServed);
  assert.ok(performance.now() - started < 500, 'served within a few starvation delays');
});

test('waiting background work jumps the queue once per starvation delay, not every time', async () => {
  const lock = new FairLock({ starvationMs: 20 });
  const release = await lock.acquire(false, 1000);
  const order: string[] = [];
  const jobs = [1, 2, 3].map((n) => lock.acquire(true, 1000).then((next) => (order.push(`job ${n}`), next())));
  await sleep(40);
  const request = lock.acquire(false, 1000).then((next) => (order.push('request'), next()));
  release();
  await Promise.all([...jobs, request]);
  assert.deepEqual(order, ['job 1', 'request', 'job 2', 'job 3']);
});

test('a waiter gives up after its timeout, and the queue keeps moving', async () => {
  const lock = new FairLock();
  const release = await lock.acquire(false, 1000);
  await assert.rejects(lock.acquire(false, 20), /busy for more than 20 ms/);
  const later = lock.acquire(false, 1000);
  release();
  (await later)();
  assert.deepEqual(lock.waiting, { interactive: 0, background: 0 });
});
