import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import type { FieldMeta } from '../src/model/types.ts';
import { coerceValue } from '../src/records/coerce.ts';
import { describeEachDatabase } from './support/databases.ts';

const field = (kind: FieldMeta['kind']): FieldMeta => ({
  name: 'moment',
  label: 'Moment',
  pgType: kind === 'timestamptz' ? 'timestamptz' : 'timestamp',
  kind,
  notNull: false,
  hasDefault: false,
  generation: null,
  required: false,
});

test('a moment typed without a zone is read on the town’s clock (Europe/Paris)', () => {
  assert.deepEqual(coerceValue(field('timestamptz'), '05/03/2024 10:30'), { ok: true, value: '2024-03-05 10:30:00 Europe/Paris' });
  assert.deepEqual(coerceValue(field('timestamptz'), '2024-03-05T10:30:00Z'), { ok: true, value: '2024-03-05T10:30:00Z' });
  assert.deepEqual(coerceValue(field('timestamp'), '05/03/2024 10:30'), { ok: true, value: '2024-03-05 10:30:00' });
  assert.equal(coerceValue(field('timestamptz'), '32/03/2024 10:30').ok, false);
});

describeEachDatabase('moments with a zone', (database) => {
  test('PostgreSQL stores 10:30 in Paris in winter as 09:30 UTC, in summer as 08:30 UTC', async () => {
    const winter = coerceValue(field('timestamptz'), '05/01/2024 10:30');
    const summer = coerceValue(field('timestamptz'), '05/07/2024 10:30');
    assert.ok(winter.ok && summer.ok);
    const rows = await sql<{ w: string; s: string }>`select to_char(${winter.value}::timestamptz at time zone 'UTC', 'HH24:MI') as w,
      to_char(${summer.value}::timestamptz at time zone 'UTC', 'HH24:MI') as s`.execute(database().db.kysely);
    assert.deepEqual(rows.rows[0], { w: '09:30', s: '08:30' });
  });
});
