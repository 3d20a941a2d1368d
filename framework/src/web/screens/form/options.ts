/**
 * The choices of a foreign key: the referenced rows the user may list (as the user: collectivité
 * scope, permissions; rows whose validity has ended are not offered), the current value always
 * kept. Beyond `MAX_SELECT_OPTIONS` rows the field becomes an autocomplete.
 */
import type { Actor } from '../../../access/actor.ts';
import { can } from '../../../access/permissions.ts';
import type { Row } from '../../../db/connection.ts';
import type { Choice, ChoicesContext } from '../../../model/override.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import { LABEL_SUFFIX, listRecords, type ReadDeps } from '../../../records/index.ts';
import type { FormField, Reference } from './fields.ts';
import type { FormValues } from './values.ts';

export const MAX_SELECT_OPTIONS = 200;
export const AUTOCOMPLETE_RESULTS = 20;

/** How a reference field is offered. */
export type ReferenceChoices =
  | { readonly kind: 'select'; readonly options: readonly Choice[] }
  | { readonly kind: 'autocomplete'; readonly current: Choice | undefined }
  /** The user may not list the referenced object: only the current value is shown. */
  | { readonly kind: 'unavailable'; readonly current: Choice | undefined };

/** A row's label: the override's `choiceLabel`, else its label column, else its key. */
export function rowLabel(object: RegisteredObject, row: Row): string {
  if (object.override.choiceLabel) return object.override.choiceLabel(row);
  const label = row[object.meta.labelColumn];
  if (label !== null && label !== undefined && label !== '') return String(label);
  return String(row[object.meta.key ?? ''] ?? '');
}

export function choiceOf(reference: Reference, row: Row): Choice {
  return { value: String(row[reference.column] ?? ''), label: rowLabel(reference.target, row) };
}

/**
 * The current value with its label: the record's `<field>__label` when the value is the record's,
 * else the referenced row's (expired rows included), else the value itself.
 */
async function currentChoice(deps: ReadDeps, actor: Actor, field: FormField, reference: Reference, value: string | undefined, labels: Row): Promise<Choice | undefined> {
  if (value === undefined || value === '') return undefined;
  const label = labels[`${field.name}${LABEL_SUFFIX}`];
  const plainLabel = reference.target.override.choiceLabel === undefined;
  if (plainLabel && String(labels[field.name] ?? '') === value && typeof label === 'string' && label !== '') return { value, label };
  if (!can(actor, reference.target, 'tab')) return { value, label: value };
  try {
    const found = await listRecords(deps, actor, reference.target, { filters: { [reference.column]: value }, perPage: 1, count: 'none', includeExpired: true });
    const row = found.rows[0];
    return row ? choiceOf(reference, row) : { value, label: value };
  } catch {
    // A value that is not even a valid key: shown as typed; the service will refuse it.
    return { value, label: value };
  }
}

async function referenceChoices(
  deps: ReadDeps,
  actor: Actor,
  field: FormField,
  reference: Reference,
  value: string | undefined,
  labels: Row,
  includeExpired: boolean,
  filters: Readonly<Record<string, string>> | undefined,
): Promise<ReferenceChoices> {
  if (!can(actor, reference.target, 'tab')) return { kind: 'unavailable', current: await currentChoice(deps, actor, field, reference, value, labels) };
  if (field.widget === 'autocomplete') return { kind: 'autocomplete', current: await currentChoice(deps, actor, field, reference, value, labels) };
  const result = await listRecords(deps, actor, reference.target, { perPage: MAX_SELECT_OPTIONS + 1, count: 'none', includeExpired, ...(filters ? { filters } : {}) });
  if (result.rows.length > MAX_SELECT_OPTIONS) return { kind: 'autocomplete', current: await currentChoice(deps, actor, field, reference, value, labels) };
  const options = result.rows.map((row) => choiceOf(reference, row));
  const current = options.some((option) => option.value === value) ? undefined : await currentChoice(deps, actor, field, reference, value, labels);
  // An expired (or otherwise not listed) current value stays selectable: the record keeps it.
  if (current && !options.some((option) => option.value === current.value)) options.unshift(current);
  return { kind: 'select', options };
}

/** The offered choices, with a current value they lack kept first (the record keeps it). */
function withCurrent(options: readonly Choice[], value: string | undefined): readonly Choice[] {
  if (value === undefined || value === '' || options.some((option) => option.value === value)) return options;
  return [{ value, label: value }, ...options];
}

/** The choices of every reference field (and `screens.dynamicChoices` field) of the form, by field name. */
export async function loadChoices(
  deps: ReadDeps,
  actor: Actor,
  fields: readonly FormField[],
  values: FormValues,
  labels: Row,
  object?: RegisteredObject,
  applicationTitle?: ChoicesContext['applicationTitle'],
): Promise<Map<string, ReferenceChoices>> {
  const choices = new Map<string, ReferenceChoices>();
  for (const field of fields) {
    const dynamic = object?.override.screens?.dynamicChoices?.[field.name];
    if (dynamic && !field.locked && field.widget === 'select') {
      const context: ChoicesContext = { actor, locale: deps.locale, db: deps.db.kysely, ...(applicationTitle ? { applicationTitle } : {}) };
      choices.set(field.name, { kind: 'select', options: withCurrent(await dynamic(context), values[field.name]) });
      continue;
    }
    if (!field.reference || field.locked || (field.widget !== 'select' && field.widget !== 'autocomplete')) continue;
    if (field.choices) continue;
    const includeExpired = object?.override.screens?.expiredChoices?.includes(field.name) ?? false;
    const filters = object?.override.screens?.choiceFilters?.[field.name];
    choices.set(field.name, await referenceChoices(deps, actor, field, field.reference, values[field.name], labels, includeExpired, filters));
  }
  return choices;
}

/**
 * The label of the value each read-only `screens.dynamicChoices` field holds (consulter: the
 * object « Registre RGPD › Traitement » rather than `registre.traitement`), by field name; a value
 * no choice offers any more is left out (shown as it is stored).
 */
export async function dynamicChoiceLabels(
  deps: ReadDeps,
  actor: Actor,
  fields: readonly FormField[],
  record: Row,
  object: RegisteredObject,
  applicationTitle?: ChoicesContext['applicationTitle'],
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  for (const field of fields) {
    const dynamic = object.override.screens?.dynamicChoices?.[field.name];
    const value = record[field.name];
    if (!dynamic || !field.locked || value === null || value === undefined || value === '') continue;
    const context: ChoicesContext = { actor, locale: deps.locale, db: deps.db.kysely, ...(applicationTitle ? { applicationTitle } : {}) };
    const chosen = (await dynamic(context)).find((choice) => choice.value === String(value));
    if (chosen) labels.set(field.name, chosen.label);
  }
  return labels;
}
