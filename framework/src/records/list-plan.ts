import { t, type Locale } from '../i18n/index.ts';
import type { RegisteredObject } from '../model/registry.ts';
import type { FieldKind, FieldMeta } from '../model/types.ts';
import { coerceValue } from './coerce.ts';
import { badRequest } from './errors.ts';
import { visibleField, visibleFields } from './visible-fields.ts';

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
  count?: string | undefined;
  /** Show rows whose validity has ended. */
  includeExpired?: boolean | undefined;
}

export interface SortTerm {
  readonly field: FieldMeta;
  readonly descending: boolean;
}

/** A list request checked against the model: only known, visible names; typed values. */
export interface ListPlan {
  readonly page: number;
  readonly perPage: number;
  readonly offset: number;
  readonly sort: readonly SortTerm[];
  readonly search: { readonly pattern: string; readonly fields: readonly FieldMeta[] } | undefined;
  readonly filters: readonly { readonly field: FieldMeta; readonly value: unknown }[];
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
  let fields = searchable;
  if (col !== undefined && col !== '') {
    const chosen = searchable.find((field) => field.name === col);
    if (!chosen) throw badRequest(t('records.list.searchColumn', { column: col, object: object.meta.label }, locale));
    fields = [chosen];
  }
  if (fields.length === 0) throw badRequest(t('records.list.noSearchField', { object: object.meta.label }, locale));
  return { pattern: likePattern(q), fields };
}

function parseFilters(object: RegisteredObject, raw: Record<string, string> | undefined, locale: Locale | undefined): ListPlan['filters'] {
  const filters: { field: FieldMeta; value: unknown }[] = [];
  for (const [name, text] of Object.entries(raw ?? {})) {
    const field = fieldNamed(object, name, 'filter', locale);
    if (!SORTABLE_KINDS.has(field.kind)) throw badRequest(t('records.list.notFilterable', { label: field.label }, locale));
    const coerced = coerceValue(field, text, locale);
    if (!coerced.ok) throw badRequest(coerced.message);
    filters.push({ field, value: coerced.value ?? null });
  }
  return filters;
}

function parseCount(raw: string | undefined, locale: Locale | undefined): CountMode {
  if (raw === undefined || raw === '') return 'estimated';
  if (raw === 'exact' || raw === 'estimated' || raw === 'none') return raw;
  throw badRequest(t('records.list.count', undefined, locale));
}

/** Checks a list request against the model; a refusal (400) is worded in `locale`. */
export function planList(object: RegisteredObject, request: ListRequest, locale?: Locale): ListPlan {
  const page = positiveInteger(request.page, 1, 'page', MAX_PAGE, locale);
  const perPage = positiveInteger(request.perPage, DEFAULT_PER_PAGE, 'per_page', MAX_PER_PAGE, locale);
  if (visibleFields(object).length === 0) throw badRequest(t('records.list.noReadableField', { object: object.meta.label }, locale));
  return {
    page,
    perPage,
    offset: (page - 1) * perPage,
    sort: parseSort(object, request.sort, locale),
    search: parseSearch(object, request.q, request.col, locale),
    filters: parseFilters(object, request.filters, locale),
    count: parseCount(request.count, locale),
    includeExpired: request.includeExpired === true,
  };
}
