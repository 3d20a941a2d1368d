import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { can } from '../access/permissions.ts';
import type { Db, Row } from '../db/connection.ts';
import { readAs, writeAs } from '../db/tenant-context.ts';
import type { RegisteredObject } from '../model/registry.ts';
import { forbidden, notFound } from './errors.ts';
import { planList, type ListPlan, type ListRequest } from './list-plan.ts';
import { boundedCount, buildListQuery, estimatedCount, listConditions, searchesText, selectOne } from './select.ts';
import { EXACT_COUNT_TIMEOUT_MS, exactCount } from './exact-count.ts';
import { resolveReferenceSearch } from './reference-search.ts';
import { parseKey, type ServiceDeps } from './write.ts';
import { spatialRefusal } from '../maps/spatial-criterion.ts';

export interface ReadDeps extends ServiceDeps {
  /** Beyond this many matching rows, lists give the planner's estimate instead of counting. */
  readonly exactCountLimit: number;
  /** How long an explicit `count=exact` may take (default `EXACT_COUNT_TIMEOUT_MS`). */
  readonly exactCountTimeoutMs?: number;
}

export interface ListResult {
  readonly rows: Row[];
  readonly page: number;
  readonly perPage: number;
  /** Null when not counted (`count=none`). */
  readonly total: number | null;
  readonly totalIsEstimate: boolean;
}

/**
 * Below this many estimated matches, a text search finds its rows first and then sorts them. Above
 * it, walking the sort index until the page is full is the faster way (most rows match).
 */
export const FILTER_FIRST_LIMIT = 20_000;

/**
 * Whether a text search should find its rows before sorting them. The planner estimates `like`
 * on folded text poorly and, to fill a short page, walks the sort index testing every row: on a
 * million rows a rare name costs seconds. Its estimate of the matches is good enough to choose.
 */
export async function shouldFilterFirst(plan: ListPlan, estimate: () => Promise<number>): Promise<boolean> {
  return searchesText(plan) && (await estimate()) <= FILTER_FIRST_LIMIT;
}

/** A page of rows; searching, sorting and filtering are reads, authorised like the listing. */
export async function listRecords(deps: ReadDeps, actor: Actor, object: RegisteredObject, request: ListRequest): Promise<ListResult> {
  if (!can(actor, object, 'tab')) throw forbidden(deps.locale);
  const plan = planList(object, request, deps.locale);
  return readAs(deps.db.kysely, actor, async (connection) => {
    const searched = await resolveReferenceSearch(connection, deps.registry, object, actor, plan);
    const conditions = listConditions(deps.registry, object, actor, searched);
    // The planner's estimate serves both the choice of query and the total: asked once at most.
    let estimated: Promise<number> | undefined;
    const estimate = () => (estimated ??= estimatedCount(connection, object, conditions));
    const { page } = buildListQuery(deps.registry, object, actor, searched, true, await shouldFilterFirst(searched, estimate));
    const rows = (await page.execute(connection)).rows;
    const base = { rows, page: plan.page, perPage: plan.perPage };
    if (plan.count === 'none') return { ...base, total: null, totalIsEstimate: false };
    // A short page tells the total without counting.
    if (rows.length < plan.perPage && (rows.length > 0 || plan.offset === 0)) {
      return { ...base, total: plan.offset + rows.length, totalIsEstimate: false };
    }
    // Asked for explicitly, the count is exact whatever the number of rows, under a time limit.
    if (plan.count === 'exact') {
      const total = await exactCount(connection, object, conditions, deps.exactCountTimeoutMs ?? EXACT_COUNT_TIMEOUT_MS, deps.locale);
      return { ...base, total, totalIsEstimate: false };
    }
    // Otherwise no list waits for counting more than `exactCountLimit` rows: far above the limit
    // the planner's estimate is the answer at once; near it, count up to the limit.
    const floor = plan.offset + rows.length;
    const early = await estimate();
    if (early > 2 * deps.exactCountLimit) {
      return { ...base, total: Math.max(early, floor), totalIsEstimate: true };
    }
    const counted = await boundedCount(connection, object, conditions, deps.exactCountLimit);
    if (counted <= deps.exactCountLimit) return { ...base, total: counted, totalIsEstimate: false };
    const beyond = await estimate();
    return { ...base, total: Math.max(beyond, counted), totalIsEstimate: true };
  }).catch((error: unknown) => {
    throw spatialRefusal(error, plan.conditions, deps.locale);
  });
}

export async function getRecord(deps: ServiceDeps, actor: Actor, object: RegisteredObject, rawKey: string): Promise<Row> {
  if (!can(actor, object, 'consulter')) throw forbidden(deps.locale);
  const key = parseKey(object, rawKey, deps.locale);
  const row = await readAs(deps.db.kysely, actor, (connection) => selectOne(connection, deps.registry, object, actor, key));
  if (!row) throw notFound(deps.locale);
  return row;
}

const EXPORT_BATCH = 1000;

/**
 * Every row of the current search, in batches read through a server-side cursor inside a
 * read-only transaction: memory stays flat whatever the size.
 */
export async function exportRecords(
  deps: ServiceDeps,
  actor: Actor,
  object: RegisteredObject,
  request: ListRequest,
  onBatch: (rows: Row[]) => Promise<void>,
  /** The permission the read needs: `consulter` when the rows are printed one document each. */
  action: 'exporter' | 'consulter' = 'exporter',
): Promise<number> {
  if (!can(actor, object, action)) throw forbidden(deps.locale);
  const plan: ListPlan = planList(object, { ...request, page: 1 }, deps.locale);
  const compile = async (connection: Db) =>
    buildListQuery(deps.registry, object, actor, await resolveReferenceSearch(connection, deps.registry, object, actor, plan), false).page.compile(deps.db.kysely);
  const drain = async (connection: Db, cursor: string) => {
    let total = 0;
    try {
      for (;;) {
        const batch = await sql<Row>`fetch ${sql.raw(String(EXPORT_BATCH))} from ${sql.id(cursor)}`.execute(connection);
        if (batch.rows.length === 0) break;
        total += batch.rows.length;
        await onBatch(batch.rows);
      }
    } finally {
      await sql`close ${sql.id(cursor)}`.execute(connection);
    }
    return total;
  };
  if (deps.db.kind === 'pglite') {
    // The embedded database has one session for everyone: a cursor WITH HOLD is computed once, with
    // this actor's settings, outside any transaction, so each fetch takes the session only briefly
    // and other requests go between two batches (a transaction would hold it until the last row).
    const cursor = `commun_export_${randomUUID().replaceAll('-', '')}`;
    return readAs(deps.db.kysely, actor, async (connection) => {
      const compiled = await compile(connection);
      await connection.executeQuery({ ...compiled, sql: `declare ${cursor} no scroll cursor with hold for ${compiled.sql}` });
      return drain(connection, cursor);
    }).catch((error: unknown) => {
      throw spatialRefusal(error, plan.conditions, deps.locale);
    });
  }
  return writeAs(deps.db.kysely, actor, async (trx) => {
    await sql`set transaction read only`.execute(trx);
    const compiled = await compile(trx);
    await trx.executeQuery({ ...compiled, sql: `declare commun_export no scroll cursor for ${compiled.sql}` });
    return drain(trx, 'commun_export');
  }).catch((error: unknown) => {
    throw spatialRefusal(error, plan.conditions, deps.locale);
  });
}
