/**
 * Update mode: the unique key a line names its row by — the table's key column or one of its unique
 * constraints, among those the file gives (the collectivité column is filled for the user).
 */
import type { ImportSpec } from '../model/specs.ts';
import type { RegisteredObject } from '../model/registry.ts';

export interface UpdateKeyChoice {
  /** The columns joined by `+` (`libelle+om_collectivite`): the form's and the command's value. */
  readonly value: string;
  readonly columns: readonly string[];
  /** The columns' labels, for the form. */
  readonly labels: readonly string[];
}

export function updateKeyChoices(spec: ImportSpec, object: RegisteredObject): UpdateKeyChoice[] {
  const { meta } = object;
  const given = new Set([...spec.fields.map((field) => field.name), ...(meta.tenantColumn ? [meta.tenantColumn] : [])]);
  const candidates = [...(meta.key ? [[meta.key]] : []), ...meta.uniques];
  const labelOf = (name: string) => meta.fields.find((field) => field.name === name)?.label ?? name;
  return candidates
    .filter((columns) => columns.length > 0 && columns.every((name) => given.has(name)) && columns.some((name) => name !== meta.tenantColumn))
    .map((columns) => ({ value: columns.join('+'), columns, labels: columns.map(labelOf) }));
}

/**
 * The columns of the update key `value`; undefined if it is none. The collectivité column may be
 * left out (`numero` for `numero+om_collectivite`): every row the user writes is in theirs.
 */
export function updateKeyColumns(spec: ImportSpec, object: RegisteredObject, value: string): readonly string[] | undefined {
  const tenant = object.meta.tenantColumn;
  const withoutTenant = (columns: readonly string[]) => columns.filter((name) => name !== tenant).join('+');
  const choices = updateKeyChoices(spec, object);
  return (choices.find((choice) => choice.value === value) ?? choices.find((choice) => withoutTenant(choice.columns) === value))?.columns;
}
