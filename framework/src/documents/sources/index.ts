/**
 * Data sources (`om_requete`): one entry for the documents (états, lettres types, sous-états),
 * the template editor's help and the administrators' stored queries. The caller checks the
 * permission to print or to run; a source only ever reads, as the actor (collectivité, RLS).
 */
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import { readAs } from '../../db/tenant-context.ts';
import { t } from '../../i18n/index.ts';
import type { DocumentSourceSpec } from '../../model/extensions.ts';
import type { Registry } from '../../model/registry.ts';
import { SourceError } from './errors.ts';
import { parseMergeFieldLabels, labelFromName } from './merge-fields.ts';
import type { SqlParameterType } from './guard.ts';
import { parseParameters, type ParameterType, type SourceParameter } from './parameters.ts';
import { runSqlSource, sourceLimits, type SourceLimits } from './sql-source.ts';
import type { MergeField, SourceRequest, SourceResult } from './types.ts';

export { SourceError } from './errors.ts';
export { guardSql } from './guard.ts';
export { labelFromName, parseMergeFieldLabels } from './merge-fields.ts';
export { parseParameters, readParameterValues } from './parameters.ts';
export type { ParameterType, SourceParameter } from './parameters.ts';
export { READ_ROLE, runSqlSource, sourceLimits, streamSqlSource, WORKING_COLLECTIVITE } from './sql-source.ts';
export type { SourceLimits } from './sql-source.ts';
export type { MergeField, SourceParams, SourceRequest, SourceResult } from './types.ts';

/** An `om_requete` row, as the sources read it. */
export interface StoredSource {
  readonly om_requete: number;
  readonly code: string;
  readonly libelle: string;
  readonly description: string | null;
  readonly requete: string | null;
  readonly merge_fields: string | null;
  readonly type: 'sql' | 'objet';
  readonly classe: string | null;
  readonly reqmo: boolean;
  readonly parametres: string | null;
}

const SQL_TYPES: Readonly<Record<ParameterType, SqlParameterType>> = { texte: 'text', choix: 'text', entier: 'bigint', date: 'date' };

/** The record's key, always known to a source. */
export const RECORD_KEY = 'idx';

/** The `om_requete` row with this key (a number) or this code (a text); shared by every collectivité. */
export async function findSource(db: Database, ref: number | string): Promise<StoredSource | undefined> {
  const byKey = typeof ref === 'number' || /^\d+$/.test(ref);
  const result = byKey
    ? await sql<StoredSource>`select * from om.om_requete where om_requete = ${Number(ref)}`.execute(db.kysely)
    : await sql<StoredSource>`select * from om.om_requete where code = ${ref} order by om_requete limit 1`.execute(db.kysely);
  return result.rows[0];
}

/** Every source marked for « Requêtes mémorisées », by label. */
export async function storedQuerySources(db: Database): Promise<StoredSource[]> {
  const result = await sql<StoredSource>`select * from om.om_requete where reqmo order by libelle collate "und-x-icu", om_requete`.execute(db.kysely);
  return result.rows;
}

/** `classe` = `<app>/<name>`, `<app>.<name>` or a name declared by one application. */
export function codeSourceOf(registry: Registry, classe: string | null): DocumentSourceSpec | undefined {
  const text = (classe ?? '').trim();
  const split = /^([^/.]+)[/.](.+)$/.exec(text);
  if (split?.[1] && split[2]) return registry.documentSources.get(split[1], split[2]);
  const matches = registry.documentSources.all().filter((spec) => spec.name === text);
  return matches.length === 1 ? matches[0] : undefined;
}

/** The parameters a source declares (`idx` excluded). */
export function declaredParameters(registry: Registry, source: StoredSource): SourceParameter[] {
  if (source.type === 'objet') {
    return (codeSourceOf(registry, source.classe)?.parameters ?? []).map((parameter) => ({ ...parameter, type: 'texte', required: false, choices: [] }));
  }
  return parseParameters(source.parametres);
}

async function runStored(db: Database, registry: Registry, source: StoredSource, request: SourceRequest, limits: SourceLimits): Promise<SourceResult> {
  const locale = request.locale;
  if (source.type === 'objet') {
    const spec = codeSourceOf(registry, source.classe);
    if (!spec) throw new SourceError(t('sources.errors.unknownCodeSource', { classe: source.classe ?? '' }, locale));
    const rows = await spec.rows({
      actor: request.actor,
      read: (work) => readAs(db.kysely, request.actor, work),
      params: request.params,
      locale,
      limit: request.limit,
    });
    const labels = parseMergeFieldLabels(source.merge_fields);
    const fields: MergeField[] = spec.fields.map((field) => ({ name: field.name, label: labels.get(field.name) ?? field.label }));
    return { fields, rows: request.limit === undefined ? rows : rows.slice(0, request.limit) };
  }
  if (!source.requete || source.requete.trim() === '') throw new SourceError(t('sources.errors.noQuery', { code: source.code }, locale));
  const declared = parseParameters(source.parametres, locale);
  const known = new Set([RECORD_KEY, ...declared.map((parameter) => parameter.name)]);
  const types = new Map(declared.map((parameter) => [parameter.name, SQL_TYPES[parameter.type]]));
  return runSqlSource(db, source.requete, { ...request, known, types, labels: parseMergeFieldLabels(source.merge_fields) }, limits);
}

/**
 * Runs the source `ref` (an `om_requete` key or code) for `request.actor`: its rows and merge
 * fields. Refusals and database errors are `SourceError`s with a French message.
 */
export async function runSource(db: Database, registry: Registry, ref: number | string, request: SourceRequest, limits: SourceLimits = sourceLimits()): Promise<SourceResult> {
  const source = await findSource(db, ref);
  if (!source) throw new SourceError(t('sources.errors.unknownSource', { ref: String(ref) }, request.locale));
  return runStored(db, registry, source, request, limits);
}

/**
 * The merge fields of a source for the template editor's help, without reading real rows: a code
 * source declares them; SQL is run with every parameter null and no row asked for.
 */
export async function sourceFields(db: Database, registry: Registry, ref: number | string, request: Pick<SourceRequest, 'actor' | 'locale'>): Promise<MergeField[]> {
  const source = await findSource(db, ref);
  if (!source) throw new SourceError(t('sources.errors.unknownSource', { ref: String(ref) }, request.locale));
  if (source.type === 'objet') {
    const spec = codeSourceOf(registry, source.classe);
    if (!spec) throw new SourceError(t('sources.errors.unknownCodeSource', { classe: source.classe ?? '' }, request.locale));
    const labels = parseMergeFieldLabels(source.merge_fields);
    return spec.fields.map((field) => ({ name: field.name, label: labels.get(field.name) ?? field.label ?? labelFromName(field.name) }));
  }
  const result = await runStored(db, registry, source, { ...request, params: {}, limit: 0 }, sourceLimits());
  return [...result.fields];
}
