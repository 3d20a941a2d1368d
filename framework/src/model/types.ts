/**
 * Table and field metadata: what the generator reads from the PostgreSQL catalogue and writes
 * under `gen/`, and what the runtime (record service, API, screens) works from.
 * Plain data only: no functions, so that it can be written as a generated module.
 */

export type FieldKind =
  | 'text'
  | 'integer'
  | 'bigint'
  | 'decimal'
  | 'float'
  | 'boolean'
  | 'date'
  | 'time'
  | 'timestamp'
  | 'timestamptz'
  | 'interval'
  | 'uuid'
  | 'json'
  | 'bytea'
  | 'geometry'
  | 'enum'
  | 'array'
  | 'other';

/** What a foreign key does to the referencing rows when the referenced one is deleted (absent: refuse). */
export type ReferentialAction = 'restrict' | 'cascade' | 'set null' | 'set default';

/** How a key column is filled when a row is created without it. */
export type Generation = 'identity' | 'serial' | 'sequence' | 'uuid' | 'computed' | null;

export interface FieldMeta {
  readonly name: string;
  /** French label shown to users (« date_naissance » → « Date de naissance »). */
  readonly label: string;
  /** PostgreSQL type name as in pg_type (`varchar`, `int4`, `numeric`, `geometry`…). */
  readonly pgType: string;
  readonly kind: FieldKind;
  readonly maxLength?: number;
  /** Lower bound from the column's `CHECK (col >= N)` (or `> N` with `minExclusive`). */
  readonly min?: number;
  readonly minExclusive?: true;
  readonly precision?: number;
  readonly scale?: number;
  readonly notNull: boolean;
  /** The column has a default expression (or is generated): it may be left empty on create. */
  readonly hasDefault: boolean;
  readonly defaultSql?: string;
  readonly generation: Generation;
  /**
   * Sequence of the table's schema that feeds the key when the column has no default: openMairie's
   * `<table>_seq`, read with `nextval` before the insert.
   */
  readonly sequence?: string;
  /** NOT NULL without default and not generated: the user must give a value. */
  readonly required: boolean;
  readonly enumValues?: readonly string[];
  readonly elementKind?: FieldKind;
  readonly geometry?: { readonly type: string; readonly srid: number };
  readonly comment?: string;
}

export interface TableRef {
  readonly schema: string;
  readonly table: string;
}

export interface ForeignKeyMeta {
  readonly name: string;
  readonly columns: readonly string[];
  readonly target: TableRef;
  readonly targetColumns: readonly string[];
  readonly onDelete?: ReferentialAction;
}

/** A foreign key of another table pointing at this one: a sub-form, and a check before deletion. */
export interface IncomingReferenceMeta {
  readonly name: string;
  readonly source: TableRef;
  readonly columns: readonly string[];
  readonly targetColumns: readonly string[];
  /** `cascade` or `set null`: the referencing rows do not block the deletion. */
  readonly onDelete?: ReferentialAction;
}

export interface TableMeta {
  /** Application the table belongs to (`om` for the framework). */
  readonly app: string;
  readonly schema: string;
  readonly name: string;
  readonly kind: 'table' | 'view';
  readonly label: string;
  readonly comment?: string;
  readonly fields: readonly FieldMeta[];
  readonly primaryKey: readonly string[];
  /** The single-column key used in routes; null when there is none (the object is read-only). */
  readonly key: string | null;
  readonly foreignKeys: readonly ForeignKeyMeta[];
  readonly referencedBy: readonly IncomingReferenceMeta[];
  /** Unique constraints other than the primary key, single or multi-column. */
  readonly uniques: readonly (readonly string[])[];
  /** Column shown to name a row (`libelle` by convention). */
  readonly labelColumn: string;
  /** `om_collectivite` when rows belong to a collectivité. */
  readonly tenantColumn: string | null;
  /** `om_validite_debut` / `om_validite_fin` when rows have dated validity. */
  readonly validity: { readonly start: string; readonly end: string } | null;
  /** Columns searched by the simple search. */
  readonly searchColumns: readonly string[];
  /** Default sort: column names, `-` prefix for descending. */
  readonly defaultSort: readonly string[];
  readonly readOnly: boolean;
  readonly readOnlyReason?: string;
}
