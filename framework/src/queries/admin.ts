/**
 * Stored queries written by an administrator: `om_requete` rows marked `reqmo`, run through the
 * data sources (read-only role, the user's collectivité, bound parameters, time limit). The form
 * asks for the declared parameters and an output: a table on the page, or a CSV, XLSX, ODS or PDF
 * download. Choices arrive as text and are checked here; refusals are French sentences.
 */
import type { Actor } from '../access/actor.ts';
import type { Database } from '../db/connection.ts';
import { declaredParameters, readParameterValues, runSource, sourceLimits, type SourceParameter, type SourceParams, type SourceResult, type StoredSource } from '../documents/sources/index.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { Registry } from '../model/registry.ts';
import { CSV_SEPARATORS, DEFAULT_LIMIT, MAX_LIMIT, type CsvSeparator } from './plan.ts';

export const ADMIN_OUTPUTS = ['tableau', 'csv', 'xlsx', 'ods', 'pdf'] as const;
export type AdminOutput = (typeof ADMIN_OUTPUTS)[number];

export interface AdminQueryChoices {
  /** By parameter name, as typed. */
  readonly params: ReadonlyMap<string, string>;
  readonly output?: string | undefined;
  readonly limit?: string | undefined;
  readonly separator?: string | undefined;
}

export interface AdminQueryPlan {
  readonly source: StoredSource;
  readonly params: SourceParams;
  readonly output: AdminOutput;
  /** Rows shown on the page (the table); downloads read up to the sources' row cap. */
  readonly limit: number;
  readonly separator: CsvSeparator;
}

export type AdminPlanResult = { readonly ok: true; readonly plan: AdminQueryPlan } | { readonly ok: false; readonly errors: readonly string[] };

export function planAdminQuery(source: StoredSource, parameters: readonly SourceParameter[], choices: AdminQueryChoices, locale?: Locale): AdminPlanResult {
  const errors: string[] = [];
  const read = readParameterValues(parameters, choices.params, locale);
  if (!read.ok) errors.push(...read.errors);
  const outputText = choices.output?.trim() || 'tableau';
  const output = ADMIN_OUTPUTS.find((candidate) => candidate === outputText);
  if (!output) errors.push(t('queries.admin.unknownOutput', { name: outputText }, locale));
  const limitText = choices.limit?.trim() ?? '';
  const limit = limitText === '' ? DEFAULT_LIMIT : Number(limitText);
  if (!/^\d*$/.test(limitText) || limit < 1 || limit > MAX_LIMIT) errors.push(t('queries.errors.limit', { max: MAX_LIMIT }, locale));
  const separatorText = choices.separator === undefined || choices.separator === '' ? ';' : choices.separator;
  const separator = CSV_SEPARATORS.find((candidate) => candidate === separatorText);
  if (!separator) errors.push(t('queries.errors.separator', undefined, locale));
  if (errors.length > 0 || !read.ok || !output || !separator) return { ok: false, errors };
  return { ok: true, plan: { source, params: read.params, output, limit, separator } };
}

/** The table shows `limit` rows and says whether there were more; a download reads every row up to the cap. */
export async function runAdminQuery(db: Database, registry: Registry, actor: Actor, plan: AdminQueryPlan, locale?: Locale): Promise<SourceResult & { readonly more: boolean }> {
  if (plan.output === 'tableau') {
    const result = await runSource(db, registry, plan.source.om_requete, { actor, params: plan.params, locale, limit: plan.limit + 1 });
    return { fields: result.fields, rows: result.rows.slice(0, plan.limit), more: result.rows.length > plan.limit };
  }
  const result = await runSource(db, registry, plan.source.om_requete, { actor, params: plan.params, locale }, sourceLimits());
  return { ...result, more: false };
}

export const adminParameters = declaredParameters;
