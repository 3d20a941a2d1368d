/**
 * A foreign key's cell: the key of a row of the target, or else its label (« Centre » for the
 * bureau whose `libelle` is « Centre », accents and case aside). Both lookups are reads through
 * the record service as the importing user: a row they cannot see does not exist for them.
 */
import type { Actor } from '../access/actor.ts';
import type { Row } from '../db/connection.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { ImportFieldSpec, ImportReference } from '../model/specs.ts';
import type { RegisteredObject } from '../model/registry.ts';
import { coerceValue, listRecords, ServiceError, type ListRequest, type ReadDeps } from '../records/index.ts';
import { foldLabel } from './line.ts';

export type Resolution = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

/** Rows of the label search read per page; and how many pages at most (a label matches few rows). */
const PAGE = 200;
const MAX_PAGES = 25;
/** Lookups remembered during one import (the same few labels repeat over thousands of lines). */
const CACHE_SIZE = 5000;

export class ReferenceResolver {
  readonly #cache = new Map<string, Resolution>();
  readonly #deps: ReadDeps;
  readonly #actor: Actor;
  readonly #locale: Locale | undefined;

  constructor(deps: ReadDeps, actor: Actor) {
    this.#deps = deps;
    this.#actor = actor;
    this.#locale = deps.locale;
  }

  /**
   * The value to give the record service for `cell`. When the target cannot be searched (not
   * registered, no listing permission), the cell goes as it is and the service checks it.
   */
  async resolve(field: ImportFieldSpec, cell: string): Promise<Resolution> {
    const reference = field.reference;
    const target = reference ? this.#deps.registry.bySchemaTable(reference.schema, reference.table) : undefined;
    if (!reference || !target) return { ok: true, value: cell };
    const id = `${reference.schema}.${reference.table}.${reference.column}\u0000${cell.trim()}`;
    const known = this.#cache.get(id);
    if (known) return known;
    const resolution = await this.#lookUp(field, reference, target, cell.trim());
    if (this.#cache.size >= CACHE_SIZE) this.#cache.clear();
    this.#cache.set(id, resolution);
    return resolution;
  }

  async #lookUp(field: ImportFieldSpec, reference: ImportReference, target: RegisteredObject, cell: string): Promise<Resolution> {
    try {
      if (await this.#keyExists(reference, target, cell)) return { ok: true, value: cell };
      const labelColumn = reference.labelColumn;
      if (!labelColumn || labelColumn === reference.column) return { ok: true, value: cell };
      const matches = await this.#byLabel(target, labelColumn, cell);
      const params = { label: field.label, target: target.meta.label, value: cell };
      if (matches.length === 0) return { ok: false, reason: t('imports.reject.unknownReference', params, this.#locale) };
      if (matches.length > 1) return { ok: false, reason: t('imports.reject.ambiguousReference', params, this.#locale) };
      return { ok: true, value: String(matches[0]?.[reference.column] ?? cell) };
    } catch (error) {
      // Not allowed to list the target, or a column it hides: the service checks the cell on its own.
      if (error instanceof ServiceError) return { ok: true, value: cell };
      throw error;
    }
  }

  async #keyExists(reference: ImportReference, target: RegisteredObject, cell: string): Promise<boolean> {
    const keyField = target.meta.fields.find((candidate) => candidate.name === reference.column);
    if (!keyField || !coerceValue(keyField, cell, this.#locale).ok) return false;
    const found = await this.#list(target, { filters: { [reference.column]: cell }, perPage: 1 });
    return found.length > 0;
  }

  /** The rows whose label folds to the cell's: a text search narrows, the exact comparison decides. */
  async #byLabel(target: RegisteredObject, labelColumn: string, cell: string): Promise<Row[]> {
    const wanted = foldLabel(cell);
    // `*` is the search's wildcard: the part before it still narrows the search.
    const searched = cell.split('*')[0] ?? '';
    const matches: Row[] = [];
    for (let page = 1; page <= MAX_PAGES && matches.length < 2; page += 1) {
      const rows = await this.#list(target, { criteria: [{ field: labelColumn, op: 'contains', value: searched }], perPage: PAGE, page });
      matches.push(...rows.filter((row) => foldLabel(String(row[labelColumn] ?? '')) === wanted));
      if (rows.length < PAGE) break;
    }
    return matches;
  }

  async #list(target: RegisteredObject, request: ListRequest): Promise<Row[]> {
    return (await listRecords(this.#deps, this.#actor, target, { ...request, count: 'none' })).rows;
  }
}
