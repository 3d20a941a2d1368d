/**
 * Reads one PostgreSQL schema from pg_catalog (PostgreSQL 15 and later, PGlite included) and
 * describes its tables and views as `TableMeta`: what the generator writes and the runtime serves.
 */
import { sql } from 'kysely';
import { commentLabel } from '../model/comment-label.ts';
import { defaultSort, frenchLabel, labelColumn, searchColumns, tableLabel, tenantColumn, validity } from '../model/conventions.ts';
import type {
  FieldKind,
  FieldMeta,
  ForeignKeyMeta,
  Generation,
  IncomingReferenceMeta,
  ReferentialAction,
  TableMeta,
} from '../model/types.ts';
import type { Db } from './connection.ts';

export interface IntrospectOptions {
  /** Application the tables belong to (`om` for the framework). */
  app: string;
  /** openMairie's `postulate` mode: keys and foreign keys deduced from column names. */
  postulate?: boolean;
  /** Tables left out of the result (they still count as sources of incoming references). */
  exclude?: readonly string[];
}

export interface IntrospectionProblem {
  readonly table: string;
  readonly reason: string;
}

export interface Introspection {
  tables: TableMeta[];
  problems: IntrospectionProblem[];
}

// ---- catalogue rows -------------------------------------------------------------------------

interface RelationRow {
  name: string;
  relkind: string;
  comment: string | null;
}

interface ColumnRow {
  table_name: string;
  name: string;
  pg_type: string;
  base_type: string;
  base_typtype: string;
  base_category: string;
  base_type_schema: string;
  element_type: string | null;
  element_typtype: string | null;
  typmod: number;
  not_null: boolean;
  identity: boolean;
  computed: boolean;
  default_sql: string | null;
  owned_sequence: boolean;
  comment: string | null;
  enum_values: string[] | null;
  /** The column's own CHECK constraints, as PostgreSQL prints them (`CHECK ((position >= 0))`). */
  checks: string[] | null;
}

/** An index of the schema; `columns` are its key columns in key order. */
export interface IndexRow {
  table_name: string;
  name: string;
  primary: boolean;
  unique: boolean;
  /** Neither an expression nor a partial index. */
  plain: boolean;
  valid: boolean;
  columns: string[];
}

interface ForeignKeyRow {
  name: string;
  source_schema: string;
  source_table: string;
  target_schema: string;
  target_table: string;
  columns: string[];
  target_columns: string[];
  on_delete: string;
}

interface GeometryType {
  type: string;
  srid: number;
}

/**
 * Tables and views. Extension members (PostGIS's spatial_ref_sys, geometry_columns…) are not the
 * application's, and partitions are served through their parent table: both are left out.
 */
async function readRelations(db: Db, schema: string): Promise<RelationRow[]> {
  const result = await sql<RelationRow>`
    select c.relname::text as name, c.relkind::text as relkind, obj_description(c.oid, 'pg_class') as comment
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v', 'm', 'f') and not c.relispartition
       and not exists (select 1 from pg_depend e
                        where e.classid = 'pg_class'::regclass and e.objid = c.oid and e.deptype = 'e')`.execute(db);
  return result.rows;
}

async function readColumns(db: Db, schema: string): Promise<ColumnRow[]> {
  // A domain is read as its base type (one level), with its length, NOT NULL and default.
  const result = await sql<ColumnRow>`
    select c.relname::text as table_name, a.attname::text as name, t.typname::text as pg_type,
           e.typname::text as base_type, e.typtype::text as base_typtype, e.typcategory::text as base_category,
           en.nspname::text as base_type_schema,
           el.typname::text as element_type, el.typtype::text as element_typtype,
           case when a.atttypmod >= 0 then a.atttypmod else t.typtypmod end as typmod,
           (a.attnotnull or t.typnotnull) as not_null,
           a.attidentity <> '' as identity,
           a.attgenerated <> '' as computed,
           coalesce(pg_get_expr(d.adbin, d.adrelid), t.typdefault) as default_sql,
           exists (select 1 from pg_depend used
                     join pg_depend owned on owned.classid = 'pg_class'::regclass and owned.objid = used.refobjid
                                         and owned.deptype = 'a' and owned.refobjid = a.attrelid
                                         and owned.refobjsubid = a.attnum
                    where used.classid = 'pg_attrdef'::regclass and used.objid = d.oid
                      and used.refclassid = 'pg_class'::regclass) as owned_sequence,
           col_description(c.oid, a.attnum) as comment,
           case when e.typtype = 'e' then
                  array(select x.enumlabel::text from pg_enum x where x.enumtypid = e.oid order by x.enumsortorder)
                when el.typtype = 'e' then
                  array(select x.enumlabel::text from pg_enum x where x.enumtypid = el.oid order by x.enumsortorder)
           end as enum_values,
           array(select pg_get_constraintdef(k.oid) from pg_constraint k
                  where k.conrelid = c.oid and k.contype = 'c' and k.conkey = array[a.attnum]::int2[]
                  order by k.conname) as checks
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      join pg_type t on t.oid = a.atttypid
      join pg_type e on e.oid = case when t.typtype = 'd' then t.typbasetype else t.oid end
      join pg_namespace en on en.oid = e.typnamespace
      left join pg_type el on el.oid = e.typelem and e.typcategory = 'A'
      left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
     where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v', 'm', 'f')
     order by c.relname, a.attnum`.execute(db);
  return result.rows;
}

/** Every index of the schema's tables (the generator's index advice reads them too). */
export async function readSchemaIndexes(db: Db, schema: string): Promise<IndexRow[]> {
  const result = await sql<IndexRow>`
    select c.relname::text as table_name, i.relname::text as name, ix.indisprimary as primary,
           ix.indisunique as unique, (ix.indpred is null and ix.indexprs is null) as plain, ix.indisvalid as valid,
           array(select a.attname::text
                   from unnest(ix.indkey::int2[]) with ordinality k(num, ord)
                   join pg_attribute a on a.attrelid = ix.indrelid and a.attnum = k.num
                  where k.ord <= ix.indnkeyatts
                  order by k.ord) as columns
      from pg_index ix
      join pg_class i on i.oid = ix.indexrelid
      join pg_class c on c.oid = ix.indrelid
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = ${schema}`.execute(db);
  return result.rows;
}

/** Primary keys and unique indexes (unique constraints included). */
async function readIndexes(db: Db, schema: string): Promise<IndexRow[]> {
  return (await readSchemaIndexes(db, schema)).filter((index) => index.unique && index.valid && index.plain);
}

/** Foreign keys leaving the schema's tables or pointing at them, from any schema. */
async function readForeignKeys(db: Db, schema: string): Promise<ForeignKeyRow[]> {
  // Partitions carry clones of their parent's constraints (conparentid <> 0): the parent's is enough.
  const result = await sql<ForeignKeyRow>`
    select con.conname::text as name,
           sn.nspname::text as source_schema, src.relname::text as source_table,
           tn.nspname::text as target_schema, tgt.relname::text as target_table,
           array(select a.attname::text from unnest(con.conkey) with ordinality k(num, ord)
                   join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord) as columns,
           array(select a.attname::text from unnest(con.confkey) with ordinality k(num, ord)
                   join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord) as target_columns,
           con.confdeltype::text as on_delete
      from pg_constraint con
      join pg_class src on src.oid = con.conrelid
      join pg_namespace sn on sn.oid = src.relnamespace
      join pg_class tgt on tgt.oid = con.confrelid
      join pg_namespace tn on tn.oid = tgt.relnamespace
     where con.contype = 'f' and con.conparentid = 0 and (sn.nspname = ${schema} or tn.nspname = ${schema})`.execute(db);
  return result.rows;
}

async function readSequences(db: Db, schema: string): Promise<Set<string>> {
  const result = await sql<{ name: string }>`
    select c.relname::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = ${schema} and c.relkind = 'S'`.execute(db);
  return new Set(result.rows.map((row) => row.name));
}

/** Geometry type and SRID of each typmod, asked of PostGIS itself (only called when it is there). */
async function readGeometryTypes(db: Db, postgisSchema: string, typmods: number[]): Promise<Map<number, GeometryType>> {
  const values = sql.join(typmods.map((typmod) => sql`(${typmod}::int4)`));
  const result = await sql<{ typmod: number; type: string; srid: number }>`
    select v.typmod, ${sql.id(postgisSchema, 'postgis_typmod_type')}(v.typmod)::text as type,
           ${sql.id(postgisSchema, 'postgis_typmod_srid')}(v.typmod)::int4 as srid
      from (values ${values}) as v(typmod)`.execute(db);
  return new Map(result.rows.map((row) => [row.typmod, { type: row.type, srid: row.srid }]));
}

// ---- types ----------------------------------------------------------------------------------

const KINDS: Readonly<Record<string, FieldKind>> = {
  text: 'text',
  varchar: 'text',
  bpchar: 'text',
  char: 'text',
  name: 'text',
  citext: 'text',
  int2: 'integer',
  int4: 'integer',
  int8: 'bigint',
  numeric: 'decimal',
  float4: 'float',
  float8: 'float',
  bool: 'boolean',
  date: 'date',
  time: 'time',
  timetz: 'time',
  timestamp: 'timestamp',
  timestamptz: 'timestamptz',
  interval: 'interval',
  uuid: 'uuid',
  json: 'json',
  jsonb: 'json',
  bytea: 'bytea',
  geometry: 'geometry',
};

const kindOf = (typeName: string, typtype: string | null): FieldKind =>
  typtype === 'e' ? 'enum' : (KINDS[typeName] ?? 'other');

const VARHDRSZ = 4;
const UUID_DEFAULT = /^(?:[\w"]+\.)?(?:gen_random_uuid|uuid_generate_v\w+|uuidv[47])\(/;

function generationOf(column: ColumnRow): Generation {
  if (column.identity) return 'identity';
  if (column.computed) return 'computed';
  const expression = column.default_sql ?? '';
  if (/^nextval\(/.test(expression)) return column.owned_sequence ? 'serial' : 'sequence';
  if (UUID_DEFAULT.test(expression)) return 'uuid';
  return null;
}

/** varchar(n), char(n), numeric(p, s): decoded from the type modifier (arrays carry their element's). */
function sizeOf(typeName: string, typmod: number): Pick<FieldMeta, 'maxLength' | 'precision' | 'scale'> {
  if (typmod < VARHDRSZ) return {};
  if (typeName === 'varchar' || typeName === 'bpchar') return { maxLength: typmod - VARHDRSZ };
  if (typeName === 'numeric') {
    const packed = typmod - VARHDRSZ;
    // The scale is an 11-bit signed number since PostgreSQL 15 (numeric(5, -2) is allowed).
    return { precision: (packed >> 16) & 0xffff, scale: ((packed & 0x7ff) ^ 1024) - 1024 };
  }
  return {};
}

/** `CHECK ((col >= 0))`, `CHECK ((col > '-1'::integer))`…: a lower bound the form can check itself. */
const LOWER_BOUND = /^CHECK \(\((?:"[^"]+"|[\p{L}\p{N}_$]+) (>=|>) \(?'?(-?\d+(?:\.\d+)?)'?(?:::[a-z ]+)?\)?\)\)$/u;

/** The highest lower bound among the column's own CHECK constraints. */
function lowerBound(checks: readonly string[] | null): Pick<FieldMeta, 'min' | 'minExclusive'> {
  let bound: Pick<FieldMeta, 'min' | 'minExclusive'> = {};
  for (const check of checks ?? []) {
    const match = LOWER_BOUND.exec(check);
    if (!match) continue;
    const min = Number(match[2]);
    const exclusive = match[1] === '>';
    if (bound.min === undefined || min > bound.min || (min === bound.min && exclusive)) bound = exclusive ? { min, minExclusive: true } : { min };
  }
  return bound;
}

function buildField(column: ColumnRow, geometries: Map<number, GeometryType>): FieldMeta {
  const isArray = column.base_category === 'A' && column.element_type !== null;
  const kind: FieldKind = isArray ? 'array' : kindOf(column.base_type, column.base_typtype);
  const elementKind = isArray ? kindOf(column.element_type ?? '', column.element_typtype) : undefined;
  const generation = generationOf(column);
  const hasDefault = column.default_sql !== null || column.identity || column.computed;
  const geometry = kind === 'geometry' ? geometries.get(column.typmod) : undefined;
  return {
    name: column.name,
    label: commentLabel(column.comment) ?? frenchLabel(column.name),
    pgType: column.pg_type,
    kind,
    ...sizeOf(isArray ? (column.element_type ?? '') : column.base_type, column.typmod),
    notNull: column.not_null,
    hasDefault,
    ...(column.default_sql !== null ? { defaultSql: column.default_sql } : {}),
    generation,
    required: column.not_null && !hasDefault && generation === null,
    ...(column.enum_values ? { enumValues: column.enum_values } : {}),
    ...(kind === 'integer' || kind === 'bigint' || kind === 'decimal' || kind === 'float' ? lowerBound(column.checks) : {}),
    ...(elementKind ? { elementKind } : {}),
    ...(geometry ? { geometry } : {}),
    ...(column.comment ? { comment: column.comment } : {}),
  };
}

// ---- tables ---------------------------------------------------------------------------------

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Names used in routes and file names: letters, digits, `_`, `-` and `$`. */
const USABLE_NAME = /^[\p{L}\p{N}_$-]+$/u;

const REFERENTIAL_ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

function onDeleteOf(row: ForeignKeyRow): { onDelete?: ReferentialAction } {
  const action = REFERENTIAL_ACTIONS[row.on_delete];
  return action ? { onDelete: action } : {};
}

function outgoing(row: ForeignKeyRow): ForeignKeyMeta {
  return {
    name: row.name,
    columns: row.columns,
    target: { schema: row.target_schema, table: row.target_table },
    targetColumns: row.target_columns,
    ...onDeleteOf(row),
  };
}

function incoming(row: ForeignKeyRow): IncomingReferenceMeta {
  return {
    name: row.name,
    source: { schema: row.source_schema, table: row.source_table },
    columns: row.columns,
    targetColumns: row.target_columns,
    ...onDeleteOf(row),
  };
}

function uniquesOf(indexes: IndexRow[], primaryKey: readonly string[]): string[][] {
  const seen = new Set([primaryKey.join('\u0000')]);
  const result: string[][] = [];
  for (const index of [...indexes].sort((a, b) => byCodePoint(a.name, b.name))) {
    const signature = index.columns.join('\u0000');
    if (index.primary || seen.has(signature)) continue;
    seen.add(signature);
    result.push(index.columns);
  }
  return result;
}

function readOnlyReason(kind: 'table' | 'view', primaryKey: readonly string[]): string | undefined {
  if (kind === 'view') return 'Vue : consultation seulement.';
  if (primaryKey.length === 0) return 'La table n’a pas de clé primaire : consultation seulement.';
  if (primaryKey.length > 1) {
    return `La clé primaire porte sur plusieurs colonnes (${primaryKey.join(', ')}) : consultation seulement.`;
  }
  return undefined;
}

interface Catalogue {
  relations: RelationRow[];
  columns: Map<string, ColumnRow[]>;
  indexes: Map<string, IndexRow[]>;
  foreignKeys: ForeignKeyRow[];
  sequences: Set<string>;
  geometries: Map<number, GeometryType>;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

async function readCatalogue(db: Db, schema: string): Promise<Catalogue> {
  const relations = (await readRelations(db, schema)).sort((a, b) => byCodePoint(a.name, b.name));
  const columnRows = await readColumns(db, schema);
  const geometryRows = columnRows.filter((row) => row.base_type === 'geometry');
  const geometries = geometryRows[0]
    ? await readGeometryTypes(db, geometryRows[0].base_type_schema, [...new Set(geometryRows.map((row) => row.typmod))])
    : new Map<number, GeometryType>();
  return {
    relations,
    columns: groupBy(columnRows, (row) => row.table_name),
    indexes: groupBy(await readIndexes(db, schema), (row) => row.table_name),
    foreignKeys: await readForeignKeys(db, schema),
    sequences: await readSequences(db, schema),
    geometries,
  };
}

/** The declared primary key, or in postulate mode the column named like the table (or `<table>_id`). */
function primaryKeyOf(relation: RelationRow, catalogue: Catalogue, postulate: boolean): string[] {
  const declared = catalogue.indexes.get(relation.name)?.find((index) => index.primary);
  if (declared) return declared.columns;
  const columns = catalogue.columns.get(relation.name) ?? [];
  if (!postulate) return [];
  const named = [relation.name, `${relation.name}_id`].find((name) => columns.some((column) => column.name === name));
  return named ? [named] : [];
}

/**
 * openMairie feeds an integer key without default from the sequence `<table>_seq` (PEAR
 * `nextId`): the key is then not for the user to type.
 */
function withLegacySequence(field: FieldMeta, table: string, sequences: Set<string>): FieldMeta {
  const sequence = `${table}_seq`;
  const integer = field.kind === 'integer' || field.kind === 'bigint';
  if (!integer || field.hasDefault || field.generation !== null || !sequences.has(sequence)) return field;
  return { ...field, generation: 'sequence', required: false, sequence };
}

const isView = (relation: RelationRow) => relation.relkind === 'v' || relation.relkind === 'm';

/** The table a column is named after: `voie` or `voie_id` → `voie`. */
function postulatedTarget(column: string, tables: ReadonlySet<string>): string | undefined {
  if (tables.has(column)) return column;
  const stripped = column.endsWith('_id') ? column.slice(0, -'_id'.length) : '';
  return tables.has(stripped) ? stripped : undefined;
}

/**
 * postulate mode: a column named like another table of the schema (or `<table>_id`) refers to that
 * table's key.
 */
function postulatedForeignKeys(
  schema: string,
  catalogue: Catalogue,
  keys: Map<string, string | null>,
): ForeignKeyRow[] {
  const declared = new Set(
    catalogue.foreignKeys
      .filter((row) => row.source_schema === schema && row.columns.length === 1)
      .map((row) => `${row.source_table}.${row.columns[0]}`),
  );
  const tableRelations = catalogue.relations.filter((relation) => !isView(relation));
  const tables = new Set(tableRelations.map((relation) => relation.name));
  const rows: ForeignKeyRow[] = [];
  for (const relation of tableRelations) {
    const ownKey = keys.get(relation.name);
    for (const column of catalogue.columns.get(relation.name) ?? []) {
      const target = postulatedTarget(column.name, tables);
      const targetKey = target ? keys.get(target) : undefined;
      if (!target || target === relation.name || column.name === ownKey || !targetKey) continue;
      if (declared.has(`${relation.name}.${column.name}`)) continue;
      rows.push({
        name: `${relation.name}_${column.name}_fkey`,
        source_schema: schema,
        source_table: relation.name,
        target_schema: schema,
        target_table: target,
        columns: [column.name],
        target_columns: [targetKey],
        on_delete: 'a',
      });
    }
  }
  return rows;
}

function buildTable(
  relation: RelationRow,
  schema: string,
  app: string,
  catalogue: Catalogue,
  primaryKey: string[],
  foreignKeys: ForeignKeyRow[],
): TableMeta {
  const kind = isView(relation) ? 'view' : 'table';
  const key = primaryKey.length === 1 ? (primaryKey[0] ?? null) : null;
  const fields = (catalogue.columns.get(relation.name) ?? []).map((column) => {
    const field = buildField(column, catalogue.geometries);
    return field.name === key ? withLegacySequence(field, relation.name, catalogue.sequences) : field;
  });
  const label = labelColumn(fields, key);
  const reason = readOnlyReason(kind, primaryKey);
  const byName = (a: { name: string }, b: { name: string }) => byCodePoint(a.name, b.name);
  return {
    app,
    schema,
    name: relation.name,
    kind,
    label: commentLabel(relation.comment) ?? tableLabel(relation.name),
    ...(relation.comment ? { comment: relation.comment } : {}),
    fields,
    primaryKey,
    key,
    foreignKeys: foreignKeys
      .filter((row) => row.source_schema === schema && row.source_table === relation.name)
      .sort(byName)
      .map(outgoing),
    referencedBy: foreignKeys
      .filter((row) => row.target_schema === schema && row.target_table === relation.name)
      .sort((a, b) => byCodePoint(a.source_schema, b.source_schema) || byCodePoint(a.source_table, b.source_table) || byName(a, b))
      .map(incoming),
    uniques: uniquesOf(catalogue.indexes.get(relation.name) ?? [], primaryKey),
    labelColumn: label,
    tenantColumn: tenantColumn(fields),
    validity: validity(fields),
    searchColumns: searchColumns(fields, label, key),
    defaultSort: defaultSort(label),
    readOnly: reason !== undefined,
    ...(reason ? { readOnlyReason: reason } : {}),
  };
}

function problemsOf(table: TableMeta): IntrospectionProblem[] {
  const problems: IntrospectionProblem[] = [];
  if (table.kind === 'table' && table.readOnlyReason) problems.push({ table: table.name, reason: table.readOnlyReason });
  for (const field of table.fields) {
    if (field.kind === 'other' || field.elementKind === 'other') {
      problems.push({
        table: table.name,
        reason: `La colonne « ${field.name} » est de type « ${field.pgType} », que l’application ne sait pas saisir : elle est affichée telle quelle.`,
      });
    }
  }
  return problems;
}

export async function introspectSchema(db: Db, schema: string, options: IntrospectOptions): Promise<Introspection> {
  const postulate = options.postulate ?? false;
  const excluded = new Set(options.exclude ?? []);
  const catalogue = await readCatalogue(db, schema);
  const problems: IntrospectionProblem[] = [];

  const primaryKeys = new Map(catalogue.relations.map((relation) => [relation.name, primaryKeyOf(relation, catalogue, postulate)]));
  const keys = new Map([...primaryKeys].map(([name, columns]) => [name, columns.length === 1 ? (columns[0] ?? null) : null]));
  const foreignKeys = postulate
    ? [...catalogue.foreignKeys, ...postulatedForeignKeys(schema, catalogue, keys)]
    : catalogue.foreignKeys;

  const tables: TableMeta[] = [];
  for (const relation of catalogue.relations) {
    if (excluded.has(relation.name)) continue;
    if (!USABLE_NAME.test(relation.name)) {
      problems.push({
        table: relation.name,
        reason: 'Ce nom contient des caractères inutilisables dans une adresse ou un nom de fichier : la table est ignorée.',
      });
      continue;
    }
    if (!catalogue.columns.get(relation.name)?.length) {
      problems.push({ table: relation.name, reason: 'La table n’a aucune colonne : elle est ignorée.' });
      continue;
    }
    const table = buildTable(relation, schema, options.app, catalogue, primaryKeys.get(relation.name) ?? [], foreignKeys);
    tables.push(table);
    problems.push(...problemsOf(table));
  }
  return { tables, problems };
}
