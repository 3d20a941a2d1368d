/**
 * A departure mail that has left (`parti`) is a record of what was sent: only its observation may
 * still change, and it is not deleted (it leaves through the archives). To be called from the
 * courrier override's `beforeWrite` (owned by part H1): `verifierDepartModifiable(context)`.
 */
import { Veto, type WriteContext } from '../../../../framework/src/model/override.ts';
import { MESSAGES } from './messages.ts';

/** Columns a parti mail may still change (plus the framework's own bookkeeping). */
const TOUJOURS_MODIFIABLES = new Set(['observation']);

const normalise = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
};

/** The columns the write would change on a parti mail, other than the observation. */
export function champsFigesModifies(previous: Readonly<Record<string, unknown>>, values: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(values).filter((name) => !TOUJOURS_MODIFIABLES.has(name) && Object.hasOwn(previous, name) && normalise(values[name]) !== normalise(previous[name]));
}

/** Refuses (Veto) a change other than the observation, or a deletion, of a parti mail. */
export function verifierDepartModifiable(context: Pick<WriteContext, 'action' | 'previous' | 'values'>): void {
  if (context.previous?.['etat'] !== 'parti') return;
  if (context.action === 'delete') throw new Veto(MESSAGES.partiNeSeSupprimePas);
  if (context.action !== 'update') return;
  const figes = champsFigesModifies(context.previous, context.values);
  if (figes.length > 0) throw new Veto(MESSAGES.partiFige, Object.fromEntries(figes.map((name) => [name, MESSAGES.partiFige])));
}
