/**
 * A stored query and the user's choices → a checked plan: the columns to show, a `ListRequest`
 * for the record service (sort, criteria as `eq` / `contains` / `gte`–`lte`, every value bound
 * there) and the output. Every name is checked against the query's shape; every refusal is a
 * French sentence, all of them collected so that the form shows them together.
 */
import { t, type Locale } from '../i18n/index.ts';
import type { FieldMeta } from '../model/types.ts';
import { ServiceError } from '../records/errors.ts';
import { planList, type CriterionRequest, type ListRequest } from '../records/list-plan.ts';
import type { OfferedCriterion, QueryShape } from './shape.ts';

/** The value of a criterion as typed: `value` for a choice or a text, `from`/`to` for a range. */
export interface CriterionChoice {
  readonly value?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** What the user chose, as it arrives (names and text, nothing checked yet). */
export interface QueryChoices {
  readonly columns: readonly string[];
  readonly sort?: string | undefined;
  /** `asc` (default) or `desc`. */
  readonly direction?: string | undefined;
  /** By criterion (field) name. */
  readonly criteria: ReadonlyMap<string, CriterionChoice>;
  /** `tableau` (default) or `csv`. */
  readonly output?: string | undefined;
  readonly limit?: string | undefined;
  readonly separator?: string | undefined;
}

export const CSV_SEPARATORS = [';', ',', '|'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];
export const OUTPUTS = { table: 'tableau', csv: 'csv' } as const;
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export type QueryOutput = { readonly format: 'table'; readonly limit: number } | { readonly format: 'csv'; readonly separator: CsvSeparator };

export interface QueryPlan {
  readonly shape: QueryShape;
  readonly columns: readonly FieldMeta[];
  readonly request: ListRequest;
  readonly output: QueryOutput;
}

export type PlanResult = { readonly ok: true; readonly plan: QueryPlan } | { readonly ok: false; readonly errors: readonly string[] };

const blank = (text: string | undefined) => text === undefined || text.trim() === '';

function chosenColumns(shape: QueryShape, names: readonly string[], errors: string[], locale: Locale | undefined): FieldMeta[] {
  const wanted = new Set(names);
  for (const name of wanted) {
    if (!shape.columns.some((field) => field.name === name)) errors.push(t('queries.errors.unknownColumn', { name }, locale));
  }
  const columns = shape.columns.filter((field) => wanted.has(field.name));
  if (wanted.size === 0) errors.push(t('queries.errors.noColumn', undefined, locale));
  return columns;
}

function sortOf(shape: QueryShape, choices: QueryChoices, errors: string[], locale: Locale | undefined): string | undefined {
  const name = blank(choices.sort) ? shape.sorts[0]?.name : choices.sort?.trim();
  const direction = blank(choices.direction) ? 'asc' : choices.direction?.trim();
  if (direction !== 'asc' && direction !== 'desc') errors.push(t('queries.errors.unknownDirection', { name: String(direction) }, locale));
  if (name === undefined) return undefined;
  if (!shape.sorts.some((field) => field.name === name)) {
    errors.push(t('queries.errors.unknownSort', { name }, locale));
    return undefined;
  }
  return direction === 'desc' ? `-${name}` : name;
}

/** The record service's criteria for one offered criterion; nothing when left empty (and optional). */
function criterionRequests(offered: OfferedCriterion, choice: CriterionChoice | undefined, errors: string[], locale: Locale | undefined): CriterionRequest[] {
  const { criterion, field } = offered;
  const unknownPart = offered.criterion.input === 'range' ? choice?.value !== undefined : choice?.from !== undefined || choice?.to !== undefined;
  if (unknownPart) errors.push(t('queries.errors.unknownCriterion', { name: criterion.field }, locale));
  if (criterion.input === 'range') {
    const bounds: CriterionRequest[] = [];
    if (!blank(choice?.from)) bounds.push({ field: field.name, op: 'gte', value: choice?.from ?? '' });
    if (!blank(choice?.to)) bounds.push({ field: field.name, op: 'lte', value: choice?.to ?? '' });
    if (bounds.length === 0 && criterion.required) errors.push(t('queries.errors.required', { label: field.label }, locale));
    return bounds;
  }
  if (blank(choice?.value)) {
    if (criterion.required) errors.push(t('queries.errors.required', { label: field.label }, locale));
    return [];
  }
  return [{ field: field.name, op: criterion.input === 'choice' ? 'eq' : 'contains', value: choice?.value?.trim() ?? '' }];
}

function criteriaOf(shape: QueryShape, choices: QueryChoices, errors: string[], locale: Locale | undefined): CriterionRequest[] {
  for (const name of choices.criteria.keys()) {
    if (!shape.criteria.some((offered) => offered.field.name === name)) errors.push(t('queries.errors.unknownCriterion', { name }, locale));
  }
  return shape.criteria.flatMap((offered) => criterionRequests(offered, choices.criteria.get(offered.field.name), errors, locale));
}

function outputOf(choices: QueryChoices, errors: string[], locale: Locale | undefined): QueryOutput {
  const format = blank(choices.output) ? OUTPUTS.table : choices.output?.trim();
  if (format === OUTPUTS.csv) {
    const separator = choices.separator === undefined || choices.separator === '' ? ';' : choices.separator;
    const known = CSV_SEPARATORS.find((candidate) => candidate === separator);
    if (!known) errors.push(t('queries.errors.separator', undefined, locale));
    return { format: 'csv', separator: known ?? ';' };
  }
  if (format !== OUTPUTS.table) errors.push(t('queries.errors.unknownOutput', { name: String(format) }, locale));
  const text = choices.limit?.trim() ?? '';
  const limit = text === '' ? DEFAULT_LIMIT : Number(text);
  if (!/^\d*$/.test(text) || limit < 1 || limit > MAX_LIMIT) {
    errors.push(t('queries.errors.limit', { max: MAX_LIMIT }, locale));
    return { format: 'table', limit: DEFAULT_LIMIT };
  }
  return { format: 'table', limit };
}

/** Checks the choices; the request is also planned by the record service, so a bad date or number is refused here. */
export function planStoredQuery(shape: QueryShape, choices: QueryChoices, locale?: Locale): PlanResult {
  const errors: string[] = [];
  const columns = chosenColumns(shape, choices.columns, errors, locale);
  const sort = sortOf(shape, choices, errors, locale);
  const criteria = criteriaOf(shape, choices, errors, locale);
  const output = outputOf(choices, errors, locale);
  // Stored queries read the whole history, as openMairie's: rows whose validity has ended too.
  const request: ListRequest = { sort, criteria, includeExpired: true, count: 'exact' };
  try {
    planList(shape.object, request, locale);
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    errors.push(error.message);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, plan: { shape, columns, request, output } };
}
