import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/connection.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { RegisteredObject } from '../model/registry.ts';
import { ServiceError } from './errors.ts';
import { where } from './select.ts';

/** How long an explicit `count=exact` may count (COMMUN_EXACT_COUNT_TIMEOUT_MS). */
export const EXACT_COUNT_TIMEOUT_MS = 10_000;

/** PostgreSQL's `query_canceled`: what `statement_timeout` raises. */
const QUERY_CANCELED = '57014';

const isCanceled = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === QUERY_CANCELED;

/**
 * Counts every matching row, as an explicit `count=exact` asks, whatever their number: the one
 * count with no row limit, so a time limit bounds it instead. `connection` is `readAs`'s, outside
 * any transaction: the limit is set for the session and reset afterwards. The embedded database
 * has no timer to cancel a statement: there the count always runs to its end.
 */
export async function exactCount(
  connection: Db,
  object: RegisteredObject,
  conditions: RawBuilder<unknown>[],
  timeoutMs: number,
  locale?: Locale,
): Promise<number> {
  const table = sql.table(`${object.meta.schema}.${object.meta.name}`);
  await sql`select set_config('statement_timeout', ${String(timeoutMs)}, false)`.execute(connection);
  try {
    const result = await sql<{ n: unknown }>`select count(*) as n from ${table} as t ${where(conditions)}`.execute(connection);
    return Number(result.rows[0]?.n ?? 0);
  } catch (error) {
    if (isCanceled(error)) {
      throw new ServiceError('count_too_long', t('apiSafety.exactCountTooLong', { seconds: Math.ceil(timeoutMs / 1000) }, locale));
    }
    throw error;
  } finally {
    await sql`reset statement_timeout`.execute(connection);
  }
}
