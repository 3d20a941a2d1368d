/**
 * Runs an administrator's SQL (`om_requete.type = 'sql'`) behind two barriers. The guard
 * (guard.ts) lets through one reading statement, with `&name` parameters bound as `$n`. The
 * database then runs it inside a READ ONLY transaction, as `commun_lecture` (a role that may only
 * read the applications' tables and the framework's configuration, migration 0010), with the
 * user's collectivité settings (row-level security applies), a statement time limit and a row cap.
 * The statement is wrapped in a sub-query, so that it is one `select` whatever the author wrote,
 * and always sent with bound parameters, so that the database refuses a second statement.
 *
 * The embedded database ignores `statement_timeout`: there, the guard also refuses `pg_sleep`, but
 * a heavy query (a huge cross join) runs to its end. Said in the developer's guide.
 */
import { CompiledQuery, sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Database } from '../../db/connection.ts';
import { tenantSettings } from '../../db/tenant-context.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { SourceError, databaseError, refusalError } from './errors.ts';
import { guardSql, type SqlParameterType } from './guard.ts';
import { mergeFieldsOf } from './merge-fields.ts';
import type { SourceParams, SourceResult } from './types.ts';

/** The role data sources run as (migration 0010). */
export const READ_ROLE = 'commun_lecture';

export interface SourceLimits {
  /** COMMUN_SOURCE_TIMEOUT_MS, 10 s by default (server database only). */
  readonly timeoutMs: number;
  /** COMMUN_SOURCE_MAX_ROWS, 10 000 by default: beyond, the source is refused unless the caller asked for fewer. */
  readonly maxRows: number;
  /**
   * COMMUN_SOUSETAT_MAX_ROWS, 1 000 000 by default: the bound of a source read through a cursor
   * (a sous-état: a few hundred rows in memory at a time, so COMMUN_SOURCE_MAX_ROWS does not
   * apply); beyond, the document is refused, never cut short.
   */
  readonly maxStreamedRows?: number | undefined;
}

const positiveInteger = (text: string | undefined, fallback: number) => {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

export const sourceLimits = (env: NodeJS.ProcessEnv = process.env): SourceLimits => ({
  timeoutMs: positiveInteger(env.COMMUN_SOURCE_TIMEOUT_MS, 10_000),
  maxRows: positiveInteger(env.COMMUN_SOURCE_MAX_ROWS, 10_000),
  maxStreamedRows: positiveInteger(env.COMMUN_SOUSETAT_MAX_ROWS, 1_000_000),
});

/** Marks the real rows of the left join that always gives one row, so that the columns are known even without data. */
const PRESENCE = 'commun:ligne';
const PREFIX = `select source.* from (values (1)) as commun_une(x) left join (select true as "${PRESENCE}", commun_source.* from (\n`;

export interface SqlSourceRequest {
  readonly actor: Actor;
  readonly params: SourceParams;
  /** The names `&name` may use (the record's key `idx`, the declared parameters): any other is refused. */
  readonly known: ReadonlySet<string>;
  /** The declared parameters' types (`idx` stays untyped: the record's key is a number or a text). */
  readonly types?: ReadonlyMap<string, SqlParameterType> | undefined;
  readonly labels: ReadonlyMap<string, string>;
  readonly locale?: Locale | undefined;
  /** Read at most this many rows, without refusing more. */
  readonly limit?: number | undefined;
}

/**
 * `&collectivite`: the actor's working collectivité (a niveau-2 user's chosen commune), known to
 * every SQL source without being declared, always bound from the actor (never typed by a user):
 * a document of a niveau-2 agent reads one commune with `where t.om_collectivite = &collectivite`.
 */
export const WORKING_COLLECTIVITE = 'collectivite';

/** The value bound for each `&name`: the working collectivité from the actor, the others from the request. */
function boundValues(parameters: readonly string[], request: Pick<SqlSourceRequest, 'actor' | 'params'>) {
  return parameters.map((name) => (name === WORKING_COLLECTIVITE ? request.actor.workingCollectivite || null : (request.params[name] ?? null)));
}

/** Rows read per `fetch` of a streamed source. */
const FETCH_ROWS = 500;
const CURSOR = 'commun_curseur';

/** The author's SQL checked as text, each of its `&name` parameters one the caller gives. */
function guardedSql(db: Database, text: string, request: Pick<SqlSourceRequest, 'types' | 'known' | 'locale'>) {
  const types = new Map(request.types);
  types.set(WORKING_COLLECTIVITE, 'bigint');
  const guarded = guardSql(text, { interruptible: db.kind === 'postgres', types });
  if (!guarded.ok) throw refusalError(guarded.refusal, request.locale);
  const unknown = guarded.sql.parameters.find((name) => name !== WORKING_COLLECTIVITE && !request.known.has(name));
  if (unknown !== undefined) {
    const known = [...request.known, WORKING_COLLECTIVITE].map((name) => `&${name}`).join(', ');
    throw new SourceError(t('sources.refusals.unknownParameter', { name: unknown, known }, request.locale));
  }
  return guarded;
}

/**
 * Runs the SQL like `runSqlSource`, but reads its rows through a cursor, `FETCH_ROWS` at a time,
 * each batch handed to `onRows` (awaited) before the next is read: memory holds one batch whatever
 * the number of rows. `onRows` is called at least once (with no rows for an empty result), so the
 * columns are always known. The statement time limit applies to each fetch; the bound is
 * `maxStreamedRows`, beyond which the source fails (after the rows already handed over).
 */
export async function streamSqlSource(
  db: Database,
  text: string,
  request: Omit<SqlSourceRequest, 'limit'>,
  onRows: (result: SourceResult) => Promise<void>,
  limits: SourceLimits = sourceLimits(),
): Promise<number> {
  const { locale } = request;
  const guarded = guardedSql(db, text, request);
  const max = limits.maxStreamedRows ?? 1_000_000;
  const values = boundValues(guarded.sql.parameters, request);
  const declare = `declare ${CURSOR} no scroll cursor for `;
  // No limit: `limit null` keeps the statement the same as runSqlSource's.
  const statement = `${declare}${PREFIX}${guarded.sql.text}\n) as commun_source limit $${values.length + 1}) as source on true`;
  const { collectivite, all, user } = tenantSettings(request.actor);
  let total = 0;
  // The database's own errors are translated; the drawing's go up as they are.
  const fromDatabase = new WeakSet<object>();
  const marked = <T>(work: Promise<T>): Promise<T> =>
    work.catch((error: unknown) => {
      if (typeof error === 'object' && error !== null) fromDatabase.add(error);
      throw error;
    });
  try {
    await db.kysely.transaction().execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      await sql`select set_config('commun.collectivite', ${collectivite}, true), set_config('commun.toutes', ${all}, true), set_config('commun.utilisateur', ${user}, true), set_config('statement_timeout', ${String(limits.timeoutMs)}, true)`.execute(trx);
      await sql`set local role ${sql.id(READ_ROLE)}`.execute(trx);
      await marked(trx.executeQuery(CompiledQuery.raw(statement, [...values, null])));
      const fetchBatch = () => {
        const batch = marked(trx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`fetch ${FETCH_ROWS} from ${CURSOR}`)).then((result) => result.rows));
        // Awaited later, or never if the drawing fails first: not an unhandled rejection then.
        batch.catch(() => undefined);
        return batch;
      };
      // The next batch is asked for before this one is drawn: the database reads while pages are written.
      let next: Promise<readonly Record<string, unknown>[]> | undefined = fetchBatch();
      for (let first = true; next; first = false) {
        const batch: readonly Record<string, unknown>[] = await next;
        next = batch.length < FETCH_ROWS ? undefined : fetchBatch();
        const columns = Object.keys(batch[0] ?? {}).filter((name) => name !== PRESENCE);
        const found = batch.filter((row) => row[PRESENCE] !== null && row[PRESENCE] !== undefined);
        total += found.length;
        if (total > max) throw new SourceError(t('sources.errors.tooManyListRows', { max }, locale));
        if (found.length > 0 || first) {
          await onRows({ fields: mergeFieldsOf(columns, request.labels), rows: found.map((row) => Object.fromEntries(columns.map((name) => [name, row[name]]))) });
        }
      }
    });
  } catch (error) {
    const sourceError = typeof error === 'object' && error !== null && fromDatabase.has(error)
      ? databaseError(error, {
          timeoutMs: limits.timeoutMs,
          positionInSource: (position) => guarded.sql.sourcePosition(position - declare.length - PREFIX.length),
          parameterName: (index) => guarded.sql.parameters[index - 1],
          locale,
        })
      : undefined;
    throw sourceError ?? error;
  }
  return total;
}

export async function runSqlSource(db: Database, text: string, request: SqlSourceRequest, limits: SourceLimits = sourceLimits()): Promise<SourceResult> {
  const { locale } = request;
  const guarded = guardedSql(db, text, request);
  const capped = request.limit === undefined;
  const limit = capped ? limits.maxRows + 1 : Math.max(0, Math.floor(request.limit ?? 0));
  const values = boundValues(guarded.sql.parameters, request);
  const statement = `${PREFIX}${guarded.sql.text}\n) as commun_source limit $${values.length + 1}) as source on true`;
  const { collectivite, all, user } = tenantSettings(request.actor);
  let rows: Record<string, unknown>[];
  try {
    rows = await db.kysely.transaction().execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      await sql`select set_config('commun.collectivite', ${collectivite}, true), set_config('commun.toutes', ${all}, true), set_config('commun.utilisateur', ${user}, true), set_config('statement_timeout', ${String(limits.timeoutMs)}, true)`.execute(trx);
      await sql`set local role ${sql.id(READ_ROLE)}`.execute(trx);
      const result = await trx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(statement, [...values, limit]));
      return [...result.rows];
    });
  } catch (error) {
    const sourceError = databaseError(error, {
      timeoutMs: limits.timeoutMs,
      positionInSource: (position) => guarded.sql.sourcePosition(position - PREFIX.length),
      parameterName: (index) => guarded.sql.parameters[index - 1],
      locale,
    });
    throw sourceError ?? error;
  }
  const columns = Object.keys(rows[0] ?? {}).filter((name) => name !== PRESENCE);
  const found = rows.filter((row) => row[PRESENCE] !== null && row[PRESENCE] !== undefined);
  if (capped && found.length > limits.maxRows) throw new SourceError(t('sources.errors.tooManyRows', { max: limits.maxRows }, locale));
  return {
    fields: mergeFieldsOf(columns, request.labels),
    rows: found.map((row) => Object.fromEntries(columns.map((name) => [name, row[name]]))),
  };
}
