/**
 * Runs a planned stored query through the record service as the user: `listRecords` for the
 * table (the object's `_tab` permission, collectivité scope, RLS), `exportRecords` for the CSV
 * (its `_exporter` permission, a cursor: memory stays flat).
 */
import type { Actor } from '../access/actor.ts';
import type { Row } from '../db/connection.ts';
import { MAX_PER_PAGE, exportRecords, listRecords, type ReadDeps } from '../records/index.ts';
import type { QueryPlan } from './plan.ts';

export interface TableResult {
  readonly rows: readonly Row[];
  /** Every matching row, counted (or estimated beyond the instance's counting limit). */
  readonly total: number;
  readonly totalIsEstimate: boolean;
}

/**
 * The first `limit` rows and the number of matches. A limit above the record service's page size
 * is read in equal pages (at most two for 1000 rows).
 */
export async function runTable(deps: ReadDeps, actor: Actor, plan: QueryPlan, limit: number): Promise<TableResult> {
  const object = plan.shape.object;
  const pages = Math.ceil(limit / MAX_PER_PAGE);
  const perPage = Math.ceil(limit / pages);
  const first = await listRecords(deps, actor, object, { ...plan.request, page: 1, perPage, count: 'exact' });
  const rows = [...first.rows];
  for (let page = 2; page <= pages && rows.length === (page - 1) * perPage; page++) {
    const next = await listRecords(deps, actor, object, { ...plan.request, page, perPage, count: 'none' });
    rows.push(...next.rows);
  }
  const shown = rows.slice(0, limit);
  return { rows: shown, total: Math.max(first.total ?? shown.length, shown.length), totalIsEstimate: first.totalIsEstimate };
}

/** Every matching row, batch by batch; the number of rows read. */
export function exportQuery(deps: ReadDeps, actor: Actor, plan: QueryPlan, onBatch: (rows: Row[]) => Promise<void>): Promise<number> {
  return exportRecords(deps, actor, plan.shape.object, plan.request, onBatch);
}
