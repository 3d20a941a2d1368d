import { t, type Locale } from '../i18n/index.ts';
import type { RegisteredObject } from '../model/registry.ts';
import type { FieldKind, FieldMeta } from '../model/types.ts';
import { coerceValue, parseFrenchDate } from './coerce.ts';
import { badRequest } from './errors.ts';
import { holdsNul } from '../db/nul-bytes.ts';
import { visibleField, visibleFields } from './visible-fields.ts';
import { referenceOf } from '../model/references.ts';
import { spatialCriterion, type SpatialCondition } from '../maps/spatial-criterion.ts';

export type CountMode = 'exact' | 'estimated' | 'none';

/** A list request as it arrives (query string or call), before any check. */
export interface ListRequest {
  page?: string | number | undefined;
  perPage?: string | number | undefined;
  /** `nom,-date_naissance`: comma-separated fields, `-` for descending. */
  sort?: string | undefined;
  q?: string | undefined;
  /** Restricts the simple search to one searchable column. */
  col?: string | undefined;
  /** Equality filters; an empty value means « is empty ». */
  filters?: Record<string, string> | undefined;
  /** Conditions of an advanced search or of the API's `filter[field][op]`, combined with AND. */
  criteria?: readonly CriterionRequest[] | undefined;
  count?: string | undefined;
  /** Show rows whose validity has ended. */
  includeExpired?: boolean | undefined;
}

/**
 * How a criterion compares: `eq` equality (an empty value: « is empty »), `contains` accent- and
 * case-insensitive text with the `*` wildcard, `gte`/`lte` bounds included, `empty` (`true`: the
 * field is empty, `false`: it is filled), `intersects` a geometry field meets a WKT geometry (EPSG:4326
 * unless EWKT names its SRID).
 */
export type CriterionOperator = 'eq' | 'contains' | 'gte' | 'lte' | 'empty' | 'intersects';
export const CRITERION_OPERATORS: readonly CriterionOperator[] = ['eq', 'contains', 'gte', 'lte', 'empty', 'intersects'];
export const isCriterionOperator = (text: string): text is CriterionOperator => (CRITERION_OPERATORS as readonly string[]).includes(text);

/** One criterion as it arrives: names and text, not yet checked. */
export interface CriterionRequest {
  readonly field: string;
  readonly op: CriterionOperator;
  readonly value: string;
}

/** A condition of the plan: a field of the model and a typed value (compiled by select.ts). */
export type PlanCondition =
  | { readonly kind: 'equals'; readonly field: FieldMeta; readonly value: unknown }
  | { readonly kind: 'contains'; readonly field: FieldMeta; readonly pattern: string }
  | { readonly kind: 'compare'; readonly field: FieldMeta; readonly operator: '>=' | '<=' | '<'; readonly value: unknown }
  | { readonly kind: 'empty'; readonly field: FieldMeta; readonly empty: boolean }
  | SpatialCondition;

export interface SortTerm {
  readonly field: FieldMeta;
  readonly descending: boolean;
}

/** The simple search: a `like` pattern, the columns it reads as text and the foreign keys it reads by label. */
export interface PlanSearch {
  readonly pattern: string;
  readonly fields: readonly FieldMeta[];
  readonly references: readonly FieldMeta[];
  /** The referenced keys whose label matches, by foreign key, once read (reference-search.ts). */
  readonly referenceKeys?: ReadonlyMap<string, readonly unknown[]>;
}

/** A list request checked against the model: only known, visible names; typed values. */
export interface ListPlan {
  readonly page: number;
  readonly perPage: number;
  readonly offset: number;
  readonly sort: readonly SortTerm[];
  readonly search: PlanSearch | undefined;
  /** Equality filters and criteria, combined with AND. */
  readonly conditions: readonly PlanCondition[];
  readonly count: CountMode;
  readonly includeExpired: boolean;
}

export const DEFAULT_PER_PAGE = 15;
export const MAX_PER_PAGE = 500;
const MAX_PAGE = 1_000_000;
const SORTABLE_KINDS: ReadonlySet<FieldKind> = new Set<FieldKind>(['text', 'integer', 'bigint', 'decimal', 'float', 'boolean', 'date', 'time', 'timestamp', 'timestamptz', 'uuid', 'enum', 'interval']);

/** Kinds a list may be sorted or filtered on (the OpenAPI document says the same). */
export const isSortableKind = (kind: FieldKind): boolean => SORTABLE_KINDS.has(kind);

const MAX_SEARCH_LENGTH = 200;
const MAX_CRITERIA = 50;

function positiveInteger(raw: string | number | undefined, fallback: number, name: string, max: number, locale: Locale | undefined): number {
  if (raw === undefined || raw === '') return fallback;
  const text = String(raw).trim();
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1) throw badRequest(t('records.list.positiveInteger', { name }, locale));
  if (value > max) throw badRequest(t('records.list.atMost', { name, max }, locale));
  return value;
}

function fieldNamed(object: RegisteredObject, name: string, purpose: 'sort' | 'filter', locale: Locale | undefined): FieldMeta {
  const field = visibleField(object, name);
  if (!field) {
    const key = purpose === 'sort' ? 'records.list.unknownSortField' : 'records.list.unknownFilterField';
    throw badRequest(t(key, { name, object: object.meta.label }, locale));
  }
  return field;
}

function parseSort(object: RegisteredObject, raw: string | undefined, locale: Locale | undefined): SortTerm[] {
  const text = raw?.trim() ? raw : (object.override.defaultSort ?? object.meta.defaultSort).join(',');
  const terms: SortTerm[] = [];
  for (const part of text.split(',').map((item) => item.trim()).filter(Boolean)) {
    const descending = part.startsWith('-');
    const field = fieldNamed(object, descending ? part.slice(1) : part, 'sort', locale);
    if (!SORTABLE_KINDS.has(field.kind)) throw badRequest(t('records.list.notSortable', { label: field.label }, locale));
    if (!terms.some((term) => term.field.name === field.name)) terms.push({ field, descending });
  }
  // Rows with equal sort values keep a stable order from page to page.
  for (const key of object.meta.primaryKey) {
    const field = object.meta.fields.find((candidate) => candidate.name === key);
    if (field && !terms.some((term) => term.field.name === key)) terms.push({ field, descending: false });
  }
  return terms;
}

/** `dupon*t` → `dupon%t%`… : `*` is the wildcard; `%` and `_` typed by the user are literal. */
export function likePattern(text: string): string {
  const escaped = text.trim().replace(/[\\%_]/g, (char) => `\\${char}`);
  if (escaped.includes('*')) return escaped.replace(/\*+/g, '%');
  return `%${escaped}%`;
}

function parseSearch(object: RegisteredObject, q: string | undefined, col: string | undefined, locale: Locale | undefined): ListPlan['search'] {
  if (q === undefined || q.trim() === '' || q.trim().replace(/\*/g, '') === '') return undefined;
  if (q.length > MAX_SEARCH_LENGTH) throw badRequest(t('records.list.searchTooLong', { max: MAX_SEARCH_LENGTH }, locale));
  const searchable = (object.override.searchColumns ?? object.meta.searchColumns)
    .map((name) => visibleField(object, name))
    .filter((field): field is FieldMeta => field !== undefined);
  if (searchable.length === 0) throw badRequest(t('records.list.noSearchField', { object: object.meta.label }, locale));
  // The search also finds a row by the label its foreign keys show (openMairie searches the joined labels).
  const references = visibleFields(object).filter((field) => referenceOf(object.meta, field.name) !== undefined);
  if (col === undefined || col === '') return { pattern: likePattern(q), fields: searchable, references };
  const chosen = searchable.find((field) => field.name === col);
  if (!chosen) throw badRequest(t('records.list.searchColumn', { column: col, object: object.meta.label }, locale));
  return { pattern: likePattern(q), fields: [chosen], references: references.filter((field) => field.name === chosen.name) };
}

/** A field conditions may name: known, readable, and of a comparable kind. */
function conditionField(object: RegisteredObject, name: string, locale: Locale | undefined): FieldMeta {
  const field = fieldNamed(object, name, 'filter', locale);
  if (!SORTABLE_KINDS.has(field.kind)) throw badRequest(t('records.list.notFilterable', { label: field.label }, locale));
  return field;
}

function coerced(field: FieldMeta, text: string, locale: Locale | undefined): unknown {
  const result = coerceValue(field, text, locale);
  if (!result.ok) throw badRequest(result.message);
  return result.value ?? null;
}

const TIMESTAMP_KINDS: ReadonlySet<FieldKind> = new Set<FieldKind>(['timestamp', 'timestamptz']);
const TRUE_WORDS = new Set(['true', '1', 'oui']);
const FALSE_WORDS = new Set(['false', '0', 'non']);

/** The day after an ISO date, at midnight: the exclusive end of a day given as an upper bound. */
function nextDay(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return `${day.toISOString().slice(0, 10)} 00:00:00`;
}

/** One criterion checked against the model; undefined when it asks nothing (an empty bound or text). */
function criterionCondition(object: RegisteredObject, criterion: CriterionRequest, locale: Locale | undefined): PlanCondition | undefined {
  if (!isCriterionOperator(criterion.op)) {
    throw badRequest(t('listing.criteria.unknownOperator', { operator: String(criterion.op).slice(0, 20) }, locale));
  }
  if (criterion.op === 'intersects') return spatialCriterion(fieldNamed(object, criterion.field, 'filter', locale), criterion.value, locale);
  const field = conditionField(object, criterion.field, locale);
  const text = criterion.value;
  switch (criterion.op) {
    case 'eq':
      return { kind: 'equals', field, value: coerced(field, text, locale) };
    case 'contains': {
      if (text.trim().replace(/\*/g, '') === '') return undefined;
      if (text.length > MAX_SEARCH_LENGTH) throw badRequest(t('records.list.searchTooLong', { max: MAX_SEARCH_LENGTH }, locale));
      return { kind: 'contains', field, pattern: likePattern(text) };
    }
    case 'gte':
    case 'lte': {
      if (text.trim() === '') return undefined;
      const dayOnly = TIMESTAMP_KINDS.has(field.kind) && text.trim().length <= 10 ? parseFrenchDate(text) : undefined;
      // « au 05/03/2024 » on a timestamp includes the whole day.
      if (criterion.op === 'lte' && dayOnly) return { kind: 'compare', field, operator: '<', value: nextDay(dayOnly) };
      return { kind: 'compare', field, operator: criterion.op === 'gte' ? '>=' : '<=', value: coerced(field, text, locale) };
    }
    case 'empty': {
      const word = text.trim().toLowerCase();
      if (!TRUE_WORDS.has(word) && !FALSE_WORDS.has(word)) throw badRequest(t('listing.criteria.emptyValue', { label: field.label }, locale));
      return { kind: 'empty', field, empty: TRUE_WORDS.has(word) };
    }
  }
}

function parseConditions(object: RegisteredObject, request: ListRequest, locale: Locale | undefined): PlanCondition[] {
  const conditions: PlanCondition[] = [];
  for (const [name, text] of Object.entries(request.filters ?? {})) {
    const field = conditionField(object, name, locale);
    conditions.push({ kind: 'equals', field, value: coerced(field, text, locale) });
  }
  if ((request.criteria?.length ?? 0) > MAX_CRITERIA) throw badRequest(t('listing.criteria.tooMany', { max: MAX_CRITERIA }, locale));
  for (const criterion of request.criteria ?? []) {
    const condition = criterionCondition(object, criterion, locale);
    if (condition) conditions.push(condition);
  }
  return conditions;
}

function parseCount(raw: string | undefined, locale: Locale | undefined): CountMode {
  if (raw === undefined || raw === '') return 'estimated';
  if (raw === 'exact' || raw === 'estimated' || raw === 'none') return raw;
  throw badRequest(t('records.list.count', undefined, locale));
}

/** Checks a list request against the model; a refusal (400) is worded in `locale`. */
export function planList(object: RegisteredObject, request: ListRequest, locale?: Locale): ListPlan {
  if (holdsNul(request)) throw badRequest(t('inputChecks.nul.query', undefined, locale));
  const page = positiveInteger(request.page, 1, 'page', MAX_PAGE, locale);
  const perPage = positiveInteger(request.perPage, DEFAULT_PER_PAGE, 'per_page', MAX_PER_PAGE, locale);
  if (visibleFields(object).length === 0) throw badRequest(t('records.list.noReadableField', { object: object.meta.label }, locale));
  return {
    page,
    perPage,
    offset: (page - 1) * perPage,
    sort: parseSort(object, request.sort, locale),
    search: parseSearch(object, request.q, request.col, locale),
    conditions: parseConditions(object, request, locale),
    count: parseCount(request.count, locale),
    includeExpired: request.includeExpired === true,
  };
}
