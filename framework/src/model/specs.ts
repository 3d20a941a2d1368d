/**
 * What the generator writes beside a table's metadata for the export and import engines: its stored
 * queries (openMairie's `T.reqmo.inc.php` and `T_<fk>.reqmo.inc.php`), its CSV import specification
 * (`T.import.inc.php`) and its PDF listing (`T.pdf.inc.php`). Plain data, like `types.ts`: an
 * application may also write its own by hand and register them the same way.
 */
import type { FieldKind } from './types.ts';

/** How the user gives the value of a stored query's criterion. */
export type CriterionInput =
  /** A select among the rows the foreign key points to (equality). */
  | 'choice'
  /** Free text the column must contain (accent- and case-insensitive). */
  | 'text'
  /** From / to bounds (dates, numbers), each optional. */
  | 'range';

export interface StoredQueryCriterion {
  readonly field: string;
  readonly input: CriterionInput;
  /** The query cannot run without it (the per-foreign-key query's key). */
  readonly required: boolean;
}

/**
 * A stored query: a read of one object whose columns (all ticked at first), sort and criteria the
 * user picks, shown as a table or downloaded as CSV. It runs through the record service, so it
 * needs the object's listing permission and sees only the user's collectivité.
 */
export interface StoredQuerySpec {
  readonly app: string;
  /** Unique in its application: `<table>` or `<table>_<column>` for a foreign key's query. */
  readonly name: string;
  readonly table: string;
  readonly label: string;
  readonly columns: readonly string[];
  /** The sort choices, the default one first. */
  readonly sort: readonly string[];
  readonly criteria: readonly StoredQueryCriterion[];
}

/** The row a foreign key column refers to: an import cell holds its key or its label. */
export interface ImportReference {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  /** The target's label column, when the target is known: a cell may name the row by it. */
  readonly labelColumn?: string;
}

export interface ImportFieldSpec {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly maxLength?: number;
  /** The default the database applies to an empty cell (SQL text, shown in the help table). */
  readonly defaultSql?: string;
  readonly enumValues?: readonly string[];
  readonly reference?: ImportReference;
}

/**
 * A CSV import into one object: the file's columns in order (the template's header line), each
 * with what it accepts. Every line is created through the record service (permission
 * `<table>_ajouter`, validation, hooks, audit), so an import cannot do what the form refuses.
 */
export interface ImportSpec {
  readonly app: string;
  /** Unique in its application; the table's name for a generated import. */
  readonly name: string;
  readonly table: string;
  readonly label: string;
  readonly fields: readonly ImportFieldSpec[];
}

export type PdfAlign = 'left' | 'center' | 'right';

export interface ListingPdfColumn {
  readonly field: string;
  /** Width in millimetres. */
  readonly width: number;
  readonly align: PdfAlign;
}

/** The PDF listing of an object (`GET /:app/:table.pdf`): the current search as a table. */
export interface ListingPdfSpec {
  readonly app: string;
  readonly table: string;
  readonly title: string;
  readonly orientation: 'portrait' | 'landscape';
  readonly columns: readonly ListingPdfColumn[];
}
