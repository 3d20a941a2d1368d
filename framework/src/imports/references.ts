/**
 * A foreign key's cell: the key of a row of the target, or else its label (« Centre » for the
 * bureau whose `libelle` is « Centre », accents and case aside). Resolved in bulk: one query per
 * batch and per foreign key for the cells not seen before, in the batch's transaction, so row-level
 * security and the collectivité scope apply as for the importing user: a row they cannot see does
 * not exist for them.
 */
import { sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { can } from '../access/permissions.ts';
import type { Db, Row } from '../db/connection.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { ImportFieldSpec, ImportReference, ImportSpec } from '../model/specs.ts';
import type { RegisteredObject, Registry } from '../model/registry.ts';
import { coerceValue, scopeConditions } from '../records/index.ts';
import { foldLabel } from './line.ts';

export type Resolution = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

export interface ResolvedLine {
  /** The record's input, each reference cell replaced by its key. */
  readonly values: Readonly<Record<string, string>>;
  /** The cells that name nothing, or several rows. */
  readonly reasons: readonly string[];
}

/** Lookups remembered during one import (the same few labels repeat over thousands of lines). */
const CACHE_SIZE = 5000;

const same = (a: unknown, b: unknown) => String(a) === String(b);

export class ReferenceResolver {
  readonly #cache = new Map<string, Resolution>();
  readonly #registry: Registry;
  readonly #actor: Actor;
  readonly #locale: Locale | undefined;

  constructor(deps: { readonly registry: Registry; readonly locale?: Locale | undefined }, actor: Actor) {
    this.#registry = deps.registry;
    this.#actor = actor;
    this.#locale = deps.locale;
  }

  /** The lines' inputs with their references resolved, in order. */
  async resolve(trx: Db, spec: ImportSpec, inputs: readonly Readonly<Record<string, string>>[]): Promise<ResolvedLine[]> {
    const lines = inputs.map((input) => ({ values: { ...input }, reasons: [] as string[] }));
    for (const field of spec.fields) {
      const reference = field.reference;
      const target = reference ? this.#registry.bySchemaTable(reference.schema, reference.table) : undefined;
      // Without a target to search (not served, or not listable by the user), the cell goes as it
      // is and the record service checks it.
      if (!reference || !target || !can(this.#actor, target, 'tab')) continue;
      const idOf = (cell: string) => `${reference.schema}.${reference.table}.${reference.column}\u0000${cell}`;
      const cells = new Set<string>();
      for (const input of inputs) {
        const cell = input[field.name]?.trim();
        if (cell !== undefined && !this.#cache.has(idOf(cell))) cells.add(cell);
      }
      const found = await this.#lookUp(trx, field, reference, target, [...cells]);
      if (this.#cache.size + found.size > CACHE_SIZE) this.#cache.clear();
      const resolutions = new Map(found);
      for (const [index, input] of inputs.entries()) {
        const cell = input[field.name]?.trim();
        if (cell === undefined) continue;
        const resolution = resolutions.get(cell) ?? this.#cache.get(idOf(cell));
        if (!resolution) continue;
        this.#cache.set(idOf(cell), resolution);
        const line = lines[index] as (typeof lines)[number];
        if (resolution.ok) line.values[field.name] = resolution.value;
        else line.reasons.push(resolution.reason);
      }
    }
    return lines;
  }

  /** One query for the cells: the rows whose key is one of them or whose folded label is one of theirs. */
  async #lookUp(trx: Db, field: ImportFieldSpec, reference: ImportReference, target: RegisteredObject, cells: string[]): Promise<Map<string, Resolution>> {
    const resolutions = new Map<string, Resolution>();
    if (cells.length === 0) return resolutions;
    const keyField = target.meta.fields.find((candidate) => candidate.name === reference.column);
    // Each cell read once as a key (undefined: it cannot be one).
    const asKey = new Map<string, unknown>();
    for (const cell of cells) {
      const coerced = keyField ? coerceValue(keyField, cell, this.#locale) : undefined;
      if (coerced?.ok && coerced.value !== null && coerced.value !== undefined) asKey.set(cell, coerced.value);
    }
    const keys = [...asKey.values()];
    const labelColumn = reference.labelColumn && reference.labelColumn !== reference.column ? reference.labelColumn : undefined;
    const column = (name: string) => sql.ref(`t.${name}`);
    const matches = [
      ...(keys.length > 0 ? [sql`${column(reference.column)} in (${sql.join(keys)})`] : []),
      ...(labelColumn ? [sql`om.fold(${column(labelColumn)}::text) in (${sql.join([...new Set(cells.map(foldLabel))])})`] : []),
    ];
    let rows: Row[] = [];
    if (matches.length > 0) {
      const conditions = [...scopeConditions(target, this.#actor, false), sql`(${sql.join(matches, sql` or `)})`];
      const label = labelColumn ? sql`${column(labelColumn)}::text` : sql`null`;
      const table = sql.table(`${target.meta.schema}.${target.meta.name}`);
      rows = (await sql<Row>`select ${column(reference.column)} as key, ${label} as label from ${table} as t where ${sql.join(conditions, sql` and `)}`.execute(trx)).rows;
    }
    for (const cell of cells) resolutions.set(cell, this.#resolution(field, target, labelColumn, rows, cell, asKey.get(cell)));
    return resolutions;
  }

  #resolution(field: ImportFieldSpec, target: RegisteredObject, labelColumn: string | undefined, rows: Row[], cell: string, key: unknown): Resolution {
    if (key !== undefined && rows.some((row) => same(row.key, key))) return { ok: true, value: cell };
    if (!labelColumn) return { ok: true, value: cell };
    const wanted = foldLabel(cell);
    const matches = rows.filter((row) => foldLabel(String(row.label ?? '')) === wanted);
    const params = { label: field.label, target: target.meta.label, value: cell };
    if (matches.length === 0) return { ok: false, reason: t('imports.reject.unknownReference', params, this.#locale) };
    if (matches.length > 1) return { ok: false, reason: t('imports.reject.ambiguousReference', params, this.#locale) };
    return { ok: true, value: String(matches[0]?.key ?? cell) };
  }
}
