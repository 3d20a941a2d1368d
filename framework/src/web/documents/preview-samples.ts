/**
 * The sample records « Prévisualiser » offers: the first ones of the document's object, or those
 * its listing's simple search finds for the author's text (same columns, same rules: accents and
 * case ignored, `*` wildcard), read as the author (permissions, collectivité). At most
 * `SAMPLE_COUNT`; a search the object cannot do comes back as a French message.
 */
import type { Actor } from '../../access/actor.ts';
import { can } from '../../access/permissions.ts';
import type { Choice } from '../../model/override.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import { listRecords, ServiceError, type ReadDeps } from '../../records/index.ts';
import { visibleField } from '../../records/visible-fields.ts';
import { rowLabel } from '../screens/form/options.ts';

/** Sample records offered in the list; any other is searched for or typed by its key. */
export const SAMPLE_COUNT = 50;

export interface Samples {
  /** The records offered, « 12 — Dupont ». */
  readonly choices: readonly Choice[];
  /** More records matched than are offered. */
  readonly more: boolean;
  /** The search's refusal (a text too long…), in the user's language. */
  readonly error?: string;
}

/** The object has a simple search the author may use (searchable columns they can see). */
export function isSearchable(actor: Actor, target: RegisteredObject): boolean {
  if (!can(actor, target, 'tab')) return false;
  return (target.override.searchColumns ?? target.meta.searchColumns).some((name) => visibleField(target, name) !== undefined);
}

export async function sampleRecords(deps: ReadDeps, actor: Actor, target: RegisteredObject, search: string): Promise<Samples> {
  if (!can(actor, target, 'tab')) return { choices: [], more: false };
  try {
    const found = await listRecords(deps, actor, target, { perPage: SAMPLE_COUNT + 1, count: 'none', ...(search !== '' ? { q: search } : {}) });
    const choices = found.rows.slice(0, SAMPLE_COUNT).map((row) => {
      const key = String(row[target.meta.key ?? ''] ?? '');
      const label = rowLabel(target, row);
      return { value: key, label: label === key ? key : `${key} — ${label}` };
    });
    return { choices, more: found.rows.length > SAMPLE_COUNT };
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'bad_request') return { choices: [], more: false, error: error.message };
    throw error;
  }
}
