/**
 * The checks of a write, shared by the form (`createRecord`, `updateRecord`: one write) and the
 * import (`writeBatch`: many): the generated rules, then references (existing, visible, of the row's
 * collectivité) and uniqueness (one query per foreign key and per unique constraint, whatever the
 * number of writes), then the override's rules.
 * A write stops at the first stage that refuses it, so the user sees the errors of one stage at once.
 */
import type { Transaction } from 'kysely';
import type { Row, Schema } from '../db/connection.ts';
import type { Locale } from '../i18n/index.ts';
import type { FieldErrors, WriteContext } from '../model/override.ts';
import type { RegisteredObject, Registry } from '../model/registry.ts';
import type { TableRef } from '../model/types.ts';
import { invalid, ServiceError } from './errors.ts';
import { refusalOf } from './hooks.ts';
import { checkReferencesBulk } from './references.ts';
import { checkShape, checkUniquesBulk, type TakenUniques } from './validate.ts';

export interface PendingWrite {
  readonly write: WriteContext;
  /** The key of the row being updated; undefined on create. */
  readonly currentKey: unknown;
  /** The row as it will be: the stored values (update) with the new ones over them. */
  readonly merged: Row;
  /** Values that could not be read: reported with the generated rules' errors. */
  readonly inputErrors: FieldErrors;
}

const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0;

/** The override's rules: its batch form when it has one, else its per-write form. */
async function overrideErrors(object: RegisteredObject, writes: readonly WriteContext[]): Promise<(FieldErrors | ServiceError)[]> {
  const { validate, validateBatch } = object.override;
  if (validateBatch) {
    let errors: readonly FieldErrors[] = [];
    const refusal = await refusalOf(async () => {
      errors = await validateBatch(writes);
    });
    return writes.map((_, index) => refusal ?? errors[index] ?? {});
  }
  // Without rules, no promise per write: an import of a million lines would pay for nothing.
  if (!validate) return writes.map(() => ({}));
  const results: (FieldErrors | ServiceError)[] = [];
  for (const write of writes) {
    let errors: FieldErrors = {};
    const refusal = await refusalOf(async () => {
      errors = (await validate(write)) ?? {};
    });
    results.push(refusal ?? errors);
  }
  return results;
}

/** The collectivité column of a registered table (an unregistered one is left to the database's check). */
const tenantColumnIn = (registry: Registry) => (table: TableRef) => registry.bySchemaTable(table.schema, table.table)?.meta.tenantColumn ?? null;

/**
 * Each write's refusal, or undefined when it may be written, in the order of `pending`. `taken`:
 * unique values of lines checked earlier in the same import and not in the table.
 */
export async function checkWrites(
  trx: Transaction<Schema>,
  registry: Registry,
  object: RegisteredObject,
  pending: readonly PendingWrite[],
  locale: Locale | undefined,
  taken?: TakenUniques,
): Promise<(ServiceError | undefined)[]> {
  const refusals: (ServiceError | undefined)[] = pending.map(({ write, inputErrors }) => {
    const shape = { ...checkShape(object.meta, write.values, write.action === 'create', locale), ...inputErrors };
    return hasErrors(shape) ? invalid(shape, undefined, locale) : undefined;
  });
  const stillValid = () => pending.map((item, index) => ({ item, index })).filter(({ index }) => refusals[index] === undefined);

  const shaped = stillValid();
  const candidates = shaped.map(({ item }) => ({ values: item.write.values, merged: item.merged }));
  const references = await checkReferencesBulk(trx, object.meta, candidates, tenantColumnIn(registry), locale);
  const uniques = await checkUniquesBulk(trx, object.meta, shaped.map(({ item }) => ({ row: item.merged, currentKey: item.currentKey })), locale, taken);
  shaped.forEach(({ index }, position) => {
    const found = { ...references[position], ...uniques[position] };
    if (hasErrors(found)) refusals[index] = invalid(found, undefined, locale);
  });

  const found = stillValid();
  const extra = await overrideErrors(object, found.map(({ item }) => item.write));
  found.forEach(({ index }, position) => {
    const errors = extra[position];
    if (errors instanceof ServiceError) refusals[index] = errors;
    else if (errors && hasErrors(errors)) refusals[index] = invalid(errors, undefined, locale);
  });
  return refusals;
}
