import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { Db, Row } from '../db/connection.ts';
import type { RegisteredObject, Registry } from '../model/registry.ts';
import type { FieldMeta } from '../model/types.ts';
import type { ListPlan, PlanCondition, PlanSearch, SortTerm } from './list-plan.ts';
import { labelJoin, labelOf, referenceLabel, type ReferenceLabel } from './reference-labels.ts';
import { referenceSearchConditions } from './reference-search.ts';
import { scopeConditions } from './scope.ts';
import { searchedColumns, tupleCondition } from './validate.ts';
import { visibleFields } from './visible-fields.ts';
import { intersectsSql } from '../maps/spatial-criterion.ts';

export { scopeConditions };

/** Sorted text follows French rules (accents, case) on both databases. */
const TEXT_COLLATION = 'und-x-icu';
export const LABEL_SUFFIX = '__label';
export const VERSION_FIELD = '_version';

const column = (alias: string, name: string) => sql.ref(`${alias}.${name}`);
const aliased = (expression: RawBuilder<unknown>, name: string) => sql`${expression} as ${sql.id(name)}`;
const tableOf = (schema: string, name: string) => sql.table(`${schema}.${name}`);

function selectExpression(field: FieldMeta): RawBuilder<unknown> {
  const ref = column('t', field.name);
  if (field.kind === 'geometry') return aliased(sql`ST_AsGeoJSON(${ref})::json`, field.name);
  return aliased(sql`${ref}`, field.name);
}

interface LabelJoin {
  readonly reference: ReferenceLabel;
  readonly alias: string;
  readonly join: RawBuilder<unknown>;
  readonly select: RawBuilder<unknown>;
}

/** One LEFT JOIN per shown single-column foreign key whose target is a registered object. */
function labelJoins(registry: Registry, object: RegisteredObject, actor: Actor, fields: readonly FieldMeta[]): LabelJoin[] {
  const joins: LabelJoin[] = [];
  for (const field of fields) {
    const reference = referenceLabel(registry, object, field.name);
    if (!reference) continue;
    const alias = `f${joins.length}`;
    joins.push({
      reference,
      alias,
      join: labelJoin(reference, actor, alias),
      select: aliased(sql`${labelOf(reference, alias)}::text`, `${field.name}${LABEL_SUFFIX}`),
    });
  }
  return joins;
}

/** A condition of the plan in SQL: names from the model, every value a bound parameter. */
function conditionSql(condition: PlanCondition): RawBuilder<unknown> {
  const ref = column('t', condition.field.name);
  switch (condition.kind) {
    case 'equals':
      return condition.value === null ? sql`${ref} is null` : sql`${ref} = ${condition.value}`;
    case 'contains':
      return sql`om.fold(${ref}::text) like om.fold(${condition.pattern})`;
    case 'compare':
      return sql`${ref} ${sql.raw(condition.operator)} ${condition.value}`;
    case 'empty':
      return condition.empty ? sql`${ref} is null` : sql`${ref} is not null`;
    case 'intersects':
      return intersectsSql(condition);
  }
}

/** Every condition of a list: collectivité, validity, search and criteria. */
export const listConditions = (registry: Registry, object: RegisteredObject, actor: Actor, plan: ListPlan): RawBuilder<unknown>[] => [
  ...scopeConditions(object, actor, plan.includeExpired),
  ...planConditions(registry, object, actor, plan),
];

/** The simple search: its columns as text, or the labels of its foreign keys. */
function searchCondition(registry: Registry, object: RegisteredObject, actor: Actor, search: PlanSearch): RawBuilder<unknown> {
  const { pattern } = search;
  const alternatives = [
    ...search.fields.map((field) => sql`om.fold(${column('t', field.name)}::text) like om.fold(${pattern})`),
    ...referenceSearchConditions(registry, object, actor, search),
  ];
  return sql`(${sql.join(alternatives, sql` or `)})`;
}

function planConditions(registry: Registry, object: RegisteredObject, actor: Actor, plan: ListPlan): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [];
  if (plan.search) conditions.push(searchCondition(registry, object, actor, plan.search));
  for (const condition of plan.conditions) conditions.push(conditionSql(condition));
  return conditions;
}

export const where = (conditions: RawBuilder<unknown>[]) =>
  conditions.length === 0 ? sql`` : sql`where ${sql.join(conditions, sql` and `)}`;

/** A sort term in SQL; a foreign key shown by its label (`labelled`) sorts by that label. */
function orderTerm(term: SortTerm, labelled: LabelJoin | undefined): RawBuilder<unknown> {
  const ref = labelled ? labelOf(labelled.reference, labelled.alias) : column('t', term.field.name);
  const text = labelled ? labelled.reference.textLabel : term.field.kind === 'text';
  const expression = text ? sql`${ref} collate ${sql.id(TEXT_COLLATION)}` : ref;
  return term.descending ? sql`${expression} desc nulls last` : sql`${expression} asc nulls last`;
}

const joinSql = (joins: readonly LabelJoin[]) =>
  sql.join(
    joins.map((join) => join.join),
    sql` `,
  );

function selectClause(registry: Registry, object: RegisteredObject, actor: Actor) {
  const fields = visibleFields(object);
  const joins = labelJoins(registry, object, actor, fields);
  const selections = [
    ...fields.map(selectExpression),
    ...joins.map((join) => join.select),
    aliased(sql`md5(row_to_json(t)::text)`, VERSION_FIELD),
  ];
  return { columns: sql.join(selections), joins };
}

export interface ListQueries {
  readonly page: RawBuilder<Row>;
  readonly conditions: RawBuilder<unknown>[];
}

/**
 * The listing query; `paged: false` gives every matching row (exports read it through a cursor).
 * The page is chosen first, on the table alone (with the labels it is sorted by, if any); the other
 * labels and versions are computed for its rows only, so a deep page does not pay for the rows it skips.
 */
export function buildListQuery(
  registry: Registry,
  object: RegisteredObject,
  actor: Actor,
  plan: ListPlan,
  paged = true,
  filterFirst = false,
): ListQueries {
  const { columns, joins } = selectClause(registry, object, actor);
  const conditions = listConditions(registry, object, actor, plan);
  const table = tableOf(object.meta.schema, object.meta.name);
  // The same alias names the label in the page's query and in the outer one: each has its own join.
  const joinOf = (term: SortTerm) => joins.find((join) => join.reference.column === term.field.name);
  const sortJoins = joinSql(plan.sort.flatMap((term) => joinOf(term) ?? []));
  const order = sql.join(plan.sort.map((term) => orderTerm(term, joinOf(term))));
  const limit = paged ? sql`limit ${plan.perPage} offset ${plan.offset}` : sql``;
  // `filterFirst`: the matching rows are found first (a trigram index), then sorted; otherwise the
  // planner may walk the sort index and test every row against the search until the page is full.
  const page = filterFirst
    ? sql<Row>`with matches as materialized (select t.* from ${table} as t ${where(conditions)})
      select ${columns}
      from (select t.* from matches as t ${sortJoins} order by ${order} ${limit}) as t ${joinSql(joins)}
      order by ${order}`
    : sql<Row>`select ${columns}
      from (select t.* from ${table} as t ${sortJoins} ${where(conditions)} order by ${order} ${limit}) as t ${joinSql(joins)}
      order by ${order}`;
  return { page, conditions };
}

/** The plan has a text search (simple or a `contains` criterion): the predicate the planner misjudges. */
export const searchesText = (plan: ListPlan): boolean =>
  plan.search !== undefined || plan.conditions.some((condition) => condition.kind === 'contains');

/** Counts at most `limit + 1` rows: never waits for an exact count of a huge table. */
export async function boundedCount(connection: Db, object: RegisteredObject, conditions: RawBuilder<unknown>[], limit: number): Promise<number> {
  const table = tableOf(object.meta.schema, object.meta.name);
  const result = await sql<{ n: number }>`select count(*)::int as n from (select 1 from ${table} as t ${where(conditions)} limit ${limit + 1}) as s`.execute(connection);
  return Number(result.rows[0]?.n ?? 0);
}

/** The planner's estimate of the number of matching rows. */
export async function estimatedCount(connection: Db, object: RegisteredObject, conditions: RawBuilder<unknown>[]): Promise<number> {
  const table = tableOf(object.meta.schema, object.meta.name);
  const result = await sql<{ 'QUERY PLAN': unknown }>`explain (format json) select 1 from ${table} as t ${where(conditions)}`.execute(connection);
  const plan = result.rows[0]?.['QUERY PLAN'];
  const parsed: unknown = typeof plan === 'string' ? JSON.parse(plan) : plan;
  const rows = Array.isArray(parsed) ? (parsed[0] as { Plan?: { 'Plan Rows'?: number } } | undefined)?.Plan?.['Plan Rows'] : undefined;
  return Math.round(rows ?? 0);
}

/** The row with this key, if the actor may reach it (expired rows included). */
function byKey(object: RegisteredObject, actor: Actor, keyName: string, key: unknown): RawBuilder<unknown>[] {
  return [...scopeConditions(object, actor, true), sql`${column('t', keyName)} = ${key}`];
}

/** One row by key, with its labels and version; undefined when absent or out of scope. */
export async function selectOne(
  connection: Db,
  registry: Registry,
  object: RegisteredObject,
  actor: Actor,
  key: unknown,
): Promise<Row | undefined> {
  const keyName = object.meta.key;
  if (!keyName) return undefined;
  const { columns, joins } = selectClause(registry, object, actor);
  const conditions = byKey(object, actor, keyName, key);
  const table = tableOf(object.meta.schema, object.meta.name);
  const result = await sql<Row>`select ${columns} from ${table} as t ${joinSql(joins)} ${where(conditions)}`.execute(connection);
  return result.rows[0];
}

/** The whole stored row (hidden fields included), locked for the rest of the transaction. */
export async function lockRow(connection: Db, object: RegisteredObject, actor: Actor, key: unknown): Promise<Row | undefined> {
  const conditions = byKey(object, actor, object.meta.key as string, key);
  const table = tableOf(object.meta.schema, object.meta.name);
  const result = await sql<Row>`select t.*, md5(row_to_json(t)::text) as ${sql.id(VERSION_FIELD)} from ${table} as t ${where(conditions)} for update`.execute(connection);
  return result.rows[0];
}

/**
 * The stored rows the actor may reach whose `columns` hold one of the tuples of `rows` (update mode
 * of the import), locked for the rest of the transaction.
 */
export async function lockRowsMatching(connection: Db, object: RegisteredObject, actor: Actor, columns: readonly string[], rows: readonly Row[]): Promise<Row[]> {
  if (rows.length === 0) return [];
  const searched = searchedColumns(object.meta, columns);
  const conditions = [...scopeConditions(object, actor, true), tupleCondition(searched, searched, rows)];
  const table = tableOf(object.meta.schema, object.meta.name);
  const result = await sql<Row>`select t.*, md5(row_to_json(t)::text) as ${sql.id(VERSION_FIELD)} from ${table} as t ${where(conditions)} for update`.execute(connection);
  return result.rows;
}
