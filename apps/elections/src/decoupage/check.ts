/**
 * The check run when a `decoupage` row is saved (form, API, import): the voie's other rows and the
 * new one go through rules/decoupage.checkDecoupage; the errors that concern the new row refuse the
 * save with a `Veto` naming its fields. Gaps are warnings, left to the control page.
 */
import { sql, type Transaction } from 'kysely';
import type { Schema } from '../../../../framework/src/db/connection.ts';
import { Veto, type FieldErrors, type WriteContext } from '../../../../framework/src/model/override.ts';
import { checkDecoupage, type DecoupageIssue, type DecoupageRange } from '../rules/decoupage.ts';
import { message } from './messages.ts';

interface StoredRange extends DecoupageRange {
  readonly decoupage: number;
}

const numberOrNull = (value: unknown): number | null => (value === null || value === undefined || value === '' ? null : Number(value));

/** The fields an issue is about: both bounds of its parity. */
export function fieldsOf(issue: Pick<DecoupageIssue, 'parite'>): readonly string[] {
  return issue.parite === 'impair' ? ['premier_impair', 'dernier_impair'] : ['premier_pair', 'dernier_pair'];
}

/** The issues of the voie once `row` replaces the row `replacing` (an update) or joins the others; only those concerning `row`. */
export async function issuesOfNewRow(
  trx: Transaction<Schema>,
  row: { voie: number; bureau: number; premier_impair: number | null; dernier_impair: number | null; premier_pair: number | null; dernier_pair: number | null },
  replacing: number | undefined,
): Promise<{ voie: string | undefined; issues: DecoupageIssue[] }> {
  const voie = (await sql<{ libelle: string }>`select libelle from elections.voie where voie = ${row.voie}`.execute(trx)).rows[0]?.libelle;
  if (voie === undefined) return { voie, issues: [] };
  const others = (
    await sql<StoredRange>`select d.decoupage, d.bureau, b.code as bureau_code, d.premier_impair, d.dernier_impair, d.premier_pair, d.dernier_pair
      from elections.decoupage d join elections.bureau b on b.bureau = d.bureau
     where d.voie = ${row.voie} and d.decoupage is distinct from ${replacing ?? null}::integer
     order by d.decoupage`.execute(trx)
  ).rows;
  const code = (await sql<{ code: string }>`select code from elections.bureau where bureau = ${row.bureau}`.execute(trx)).rows[0]?.code ?? null;
  const ranges: DecoupageRange[] = [...others, { ...row, bureau_code: code }];
  const position = ranges.length - 1;
  const issues = checkDecoupage(voie, ranges).filter((issue) => issue.severity === 'erreur' && issue.rows.includes(position));
  return { voie, issues };
}

/** The `beforeWrite` hook of `decoupage`: a `Veto` listing the errors, each field with its message. */
export async function refuseDecoupageErrors(context: WriteContext): Promise<void> {
  if (context.action === 'delete') return;
  const merged = { ...(context.previous ?? {}), ...context.values };
  const voie = numberOrNull(merged['voie']);
  const bureau = numberOrNull(merged['bureau']);
  if (voie === null || bureau === null) return;
  const replacing = context.previous ? numberOrNull(context.previous['decoupage']) ?? undefined : undefined;
  const row = {
    voie,
    bureau,
    premier_impair: numberOrNull(merged['premier_impair']),
    dernier_impair: numberOrNull(merged['dernier_impair']),
    premier_pair: numberOrNull(merged['premier_pair']),
    dernier_pair: numberOrNull(merged['dernier_pair']),
  };
  const { voie: libelle, issues } = await issuesOfNewRow(context.trx, row, replacing);
  if (libelle === undefined) throw new Veto(message('voieIntrouvable', undefined, context.locale), { voie: message('voieIntrouvable', undefined, context.locale) });
  if (issues.length === 0) return;
  const fields: FieldErrors = {};
  for (const issue of issues) {
    for (const field of fieldsOf(issue)) fields[field] = fields[field] ? `${fields[field]} ${issue.message}` : issue.message;
  }
  throw new Veto(message('refus', { details: issues.map((issue) => issue.message).join(' ') }, context.locale), fields);
}
