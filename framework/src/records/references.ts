/**
 * The foreign keys of rows about to be written, for many rows at once (one query per foreign key,
 * whatever their number):
 * - a value must name a row that exists *and* that the actor may see: the lookup runs in the
 *   actor's transaction, so row-level security hides other collectivités' rows from a niveau-1 user,
 *   who is told the reference does not exist (nothing reveals that the row is another town's);
 * - a row of a collectivité names a collectivité-scoped row only of the same collectivité, or one
 *   that belongs to none (issue 9 §1.2). The database checks it too (migration 0008).
 */
import { sql } from 'kysely';
import type { Db, Row } from '../db/connection.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { FieldErrors } from '../model/override.ts';
import type { ForeignKeyMeta, TableMeta, TableRef } from '../model/types.ts';
import { hasAll, tupleCondition, tupleKey } from './validate.ts';

export interface ReferenceCandidate {
  /** The values being written: the foreign keys among them are checked. */
  readonly values: Row;
  /** The row as it will be: the stored values (update) with the new ones over them. */
  readonly merged: Row;
}

/** The collectivité column of a referenced table; null when its rows belong to no collectivité (or it is unknown). */
export type TenantColumnOf = (table: TableRef) => string | null;

/** Where the referenced row's collectivité comes back in the lookup. */
const TARGET_TENANT = '__collectivite';

const ref = (name: string) => sql.ref(`t.${name}`);
const labelOf = (table: TableMeta, name: string) => table.fields.find((field) => field.name === name)?.label ?? name;
const given = (value: unknown) => value !== null && value !== undefined;

/** A reference to `om_collectivite` itself is the row's collectivité, not a row of another one. */
const isCollectiviteTable = (target: TableRef) => target.schema === 'om' && target.table === 'om_collectivite';

/** The referenced table's collectivité column, when the rule applies to this foreign key. */
function targetTenantColumn(table: TableMeta, foreignKey: ForeignKeyMeta, tenantColumnOf: TenantColumnOf): string | null {
  if (!table.tenantColumn || table.tenantColumn === table.key || isCollectiviteTable(foreignKey.target)) return null;
  return tenantColumnOf(foreignKey.target);
}

/** The errors of each candidate, in the order of `candidates`. */
export async function checkReferencesBulk(
  trx: Db,
  table: TableMeta,
  candidates: readonly ReferenceCandidate[],
  tenantColumnOf: TenantColumnOf,
  locale?: Locale,
): Promise<FieldErrors[]> {
  const errors: FieldErrors[] = candidates.map(() => ({}));
  const tenant = table.tenantColumn;
  for (const foreignKey of table.foreignKeys) {
    const { columns, targetColumns } = foreignKey;
    const first = columns[0] as string;
    const targetTenant = targetTenantColumn(table, foreignKey, tenantColumnOf);
    const written = ({ values }: ReferenceCandidate) => columns.some((name) => Object.hasOwn(values, name));
    // A row that changes collectivité must still have the collectivité of every row it names.
    const moved = ({ values, merged }: ReferenceCandidate) => targetTenant !== null && tenant !== null && Object.hasOwn(values, tenant) && given(merged[tenant]);
    const checked = candidates.filter((candidate) => hasAll(candidate.merged, columns) && (written(candidate) || moved(candidate)));
    if (checked.length === 0) continue;
    const targets = columns.map((name, index) => targetColumns[index] ?? name);
    // The target's columns come back under the source's names, to compare the tuples.
    const selected = [
      ...columns.map((name, index) => sql`${ref(targets[index] as string)} as ${sql.id(name)}`),
      ...(targetTenant ? [sql`${ref(targetTenant)} as ${sql.id(TARGET_TENANT)}`] : []),
    ];
    const target = sql.table(`${foreignKey.target.schema}.${foreignKey.target.table}`);
    const merged = checked.map((candidate) => candidate.merged);
    const result = await sql<Row>`select distinct ${sql.join(selected)} from ${target} as t where ${tupleCondition(columns, targets, merged)}`.execute(trx);
    const found = new Map(result.rows.map((row) => [tupleKey(row, columns), row[TARGET_TENANT]]));
    const checkedCandidates = new Set(checked);
    candidates.forEach((candidate, index) => {
      if (!checkedCandidates.has(candidate)) return;
      const rowErrors = errors[index] as FieldErrors;
      const id = tupleKey(candidate.merged, columns);
      if (!found.has(id)) {
        if (written(candidate)) rowErrors[first] = t('records.rules.reference', { label: labelOf(table, first) }, locale);
        return;
      }
      const owner = found.get(id);
      const own = tenant ? candidate.merged[tenant] : undefined;
      if (targetTenant && given(owner) && given(own) && String(owner) !== String(own)) {
        // On the foreign key's field when it was written, else on the collectivité that changed.
        const field = written(candidate) || !tenant ? first : tenant;
        rowErrors[field] = t('records.rules.otherCollectivite', { label: labelOf(table, first) }, locale);
      }
    });
  }
  return errors;
}
