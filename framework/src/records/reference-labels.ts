/**
 * A foreign key read through its referenced row's label: the listing shows the label, the simple
 * search finds rows by it and a sort on the key orders by it. Each reads only the referenced rows
 * the actor may reach (the collectivité scope here, row-level security in the database): the
 * label of a row out of reach is neither shown, nor matched, nor sorted on.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { Db } from '../db/connection.ts';
import type { RegisteredObject, Registry } from '../model/registry.ts';
import { referenceOf } from '../model/references.ts';
import { scopeConditions } from './scope.ts';

export interface ReferenceLabel {
  /** The object's foreign key column. */
  readonly column: string;
  readonly target: RegisteredObject;
  /** The referenced column: the target's key, or one of its unique columns. */
  readonly targetColumn: string;
  readonly labelColumn: string;
  /** A text label sorts with the French collation. */
  readonly textLabel: boolean;
}

/** The label of a single-column foreign key whose target is registered; undefined otherwise. */
export function referenceLabel(registry: Registry, object: RegisteredObject, column: string): ReferenceLabel | undefined {
  const foreignKey = referenceOf(object.meta, column);
  const targetColumn = foreignKey?.targetColumns[0];
  const target = foreignKey && registry.bySchemaTable(foreignKey.target.schema, foreignKey.target.table);
  if (!target || !targetColumn) return undefined;
  const labelColumn = target.meta.labelColumn;
  const textLabel = target.meta.fields.find((field) => field.name === labelColumn)?.kind === 'text';
  return { column, target, targetColumn, labelColumn, textLabel };
}

const tableOf = (target: RegisteredObject) => sql.table(`${target.meta.schema}.${target.meta.name}`);

/** The referenced rows the actor may reach, ended validity included (an old row keeps its label). */
function reachableRows(reference: ReferenceLabel, actor: Actor): RawBuilder<unknown> {
  const conditions = scopeConditions(reference.target, actor, true);
  if (conditions.length === 0) return sql`${tableOf(reference.target)}`;
  return sql`(select * from ${tableOf(reference.target)} as t where ${sql.join(conditions, sql` and `)})`;
}

/** The LEFT JOIN (on the referenced column) that brings the label of the row's referenced row. */
export const labelJoin = (reference: ReferenceLabel, actor: Actor, alias: string): RawBuilder<unknown> =>
  sql`left join ${reachableRows(reference, actor)} as ${sql.id(alias)} on ${sql.ref(`${alias}.${reference.targetColumn}`)} = ${sql.ref(`t.${reference.column}`)}`;

export const labelOf = (reference: ReferenceLabel, alias: string): RawBuilder<unknown> => sql`${sql.ref(`${alias}.${reference.labelColumn}`)}`;

/** The referenced rows the actor may reach whose folded label matches a search pattern. */
function matchingRows(reference: ReferenceLabel, actor: Actor, pattern: string): RawBuilder<unknown> {
  const conditions = [
    ...scopeConditions(reference.target, actor, true),
    sql`om.fold(${sql.ref(`t.${reference.labelColumn}`)}::text) like om.fold(${pattern})`,
  ];
  return sql`from ${tableOf(reference.target)} as t where ${sql.join(conditions, sql` and `)}`;
}

/**
 * The referenced keys whose label matches, read before the listing's query (at most `limit`;
 * undefined beyond): bound as an array, the planner knows how many rows they select and an index
 * on the foreign key serves them.
 */
export async function matchingKeys(connection: Db, reference: ReferenceLabel, actor: Actor, pattern: string, limit: number): Promise<unknown[] | undefined> {
  const key = sql.ref(`t.${reference.targetColumn}`);
  const result = await sql<{ key: unknown }>`select ${key} as key ${matchingRows(reference, actor, pattern)} limit ${limit + 1}`.execute(connection);
  return result.rows.length > limit ? undefined : result.rows.map((row) => row.key);
}

/** The rows of `t` whose referenced row's label matches, in one query (when the keys are too many to bind). */
export const labelMatches = (reference: ReferenceLabel, actor: Actor, pattern: string): RawBuilder<unknown> =>
  sql`${sql.ref(`t.${reference.column}`)} in (select ${sql.ref(`t.${reference.targetColumn}`)} ${matchingRows(reference, actor, pattern)})`;
