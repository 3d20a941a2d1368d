/**
 * A server connection remembers the collectivité settings `readAs` gave its session and is not asked
 * again for the same ones (one round trip less per request); other settings, and the local ones of
 * a transaction, always reach the server. The embedded database's one session remembers them the
 * same way (pglite-dialect.ts), and sets them again when another actor changed them in between.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../src/access/actor.ts';
import { asApplicationRole, openDatabase, type Database } from '../src/db/index.ts';
import { readAs, writeAs } from '../src/db/tenant-context.ts';
import { describeEachDatabase } from './support/databases.ts';

const actorOf = (collectivite: number, niveau: '1' | '2' = '1'): Actor => ({ ...SYSTEM_ACTOR, via: 'session', collectivite, niveau, workingCollectivite: collectivite });

describeEachDatabase('session settings of a connection', (database) => {
  let single: Database;

  before(async () => {
    // One connection: every call below uses the same session.
    const url = database().url;
    single = url ? await asApplicationRole(await openDatabase({ url, poolSize: 1 })) : database().db;
  });
  after(async () => {
    if (database().url) await single.close();
  });

  const seen = (actor: Actor) =>
    readAs(single.kysely, actor, async (connection) =>
      (await sql<{ value: string }>`select current_setting('commun.collectivite') as value`.execute(connection)).rows[0]?.value);

  test('each actor reads under its own collectivité, whatever the order', async () => {
    assert.equal(await seen(actorOf(1)), '1');
    assert.equal(await seen(actorOf(2)), '2');
    assert.equal(await seen(actorOf(1)), '1');
    assert.equal(await seen(actorOf(1, '2')), '1');
  });

  test('a transaction’s local settings end with it; the session’s come back', async () => {
    assert.equal(await seen(actorOf(3)), '3');
    const inside = await writeAs(single.kysely, actorOf(4), async (trx) =>
      (await sql<{ value: string }>`select current_setting('commun.collectivite') as value`.execute(trx)).rows[0]?.value);
    assert.equal(inside, '4');
    assert.equal(await seen(actorOf(3)), '3');
    assert.equal(await seen(actorOf(4)), '4');
  });

  test('the same settings again are not sent; other settings are', async () => {
    assert.equal(await seen(actorOf(5)), '5');
    // Changed behind the service's back: shows whether the next read with the same settings sets them again.
    await readAs(single.kysely, actorOf(5), (connection) => sql`select set_config('commun.collectivite', '999', false)`.execute(connection));
    assert.equal(await seen(actorOf(5)), '999', 'remembered, not sent');
    assert.equal(await seen(actorOf(6)), '6', 'other settings are sent');
    assert.equal(await seen(actorOf(5)), '5');
  });
});
