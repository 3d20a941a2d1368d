/**
 * Running the override's hooks. A hook may have a per-write form (`beforeWrite`) and a batch form
 * (`beforeWriteBatch`): a single write uses the per-write form, or the batch form with one context.
 */
import type { Row } from '../db/connection.ts';
import { Veto, type ObjectOverride, type WriteContext } from '../model/override.ts';
import { ServiceError } from './errors.ts';

/** Hook and rule failures become a refusal; everything else propagates (and rolls back). */
export async function runHook<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Veto) throw new ServiceError('validation', error.message, error.fields);
    throw error;
  }
}

/** The hook's refusal as a value (a `Veto` or a `ServiceError`); anything else propagates. */
export async function refusalOf(work: () => unknown): Promise<ServiceError | undefined> {
  try {
    await runHook(work);
    return undefined;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
}

export async function beforeWriteOne(override: ObjectOverride, write: WriteContext): Promise<void> {
  if (override.beforeWrite) await runHook(() => override.beforeWrite?.(write));
  else if (override.beforeWriteBatch) await runHook(() => override.beforeWriteBatch?.([write]));
}

export async function afterWriteOne(override: ObjectOverride, write: WriteContext, result: Row | undefined): Promise<void> {
  if (override.afterWrite) await runHook(() => override.afterWrite?.({ ...write, result }));
  else if (override.afterWriteBatch && result) await runHook(() => override.afterWriteBatch?.([{ ...write, result }]));
}

/** A per-write before/after hook without its batch form: the rows of a batch go one at a time. */
export const needsRowByRow = (override: ObjectOverride): boolean =>
  (override.beforeWrite !== undefined && override.beforeWriteBatch === undefined) ||
  (override.afterWrite !== undefined && override.afterWriteBatch === undefined);
