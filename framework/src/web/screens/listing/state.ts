/**
 * The state of a listing as its query string carries it (page, page size, sort, search, criteria,
 * expired rows, advanced form): read once per request, then every link of the listing is the same
 * state with one change, so that search, criteria and sort survive paging and the way back from a
 * form (`retour`).
 */
import { DEFAULT_PER_PAGE } from '../../../records/list-plan.ts';

export const PAGE_SIZES: readonly number[] = [15, 30, 50, 100];

/** `filter[nom]`, `filter[nom][contains]`…: the field named by a criterion parameter. */
const CRITERION_PARAMETER = /^filter\[([^\][]+)\]/;

export const fieldOfParameter = (name: string): string | undefined => CRITERION_PARAMETER.exec(name)?.[1];

export interface SortChoice {
  readonly field: string;
  readonly descending: boolean;
}

export interface ListingState {
  /** The query without empty values nor the fixed conditions: what the listing's links carry. */
  readonly query: URLSearchParams;
  readonly page: number;
  readonly perPage: number;
  /** The first term of `sort`, when the user chose one. */
  readonly sort: SortChoice | undefined;
  readonly q: string;
  readonly col: string;
  readonly expired: boolean;
  /** The advanced form was asked for (`adv=1`) or criteria are in use. */
  readonly advanced: boolean;
  readonly hasCriteria: boolean;
}

const wholeNumber = (text: string | null, fallback: number) => (text !== null && /^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : fallback);

/** Reads the state; `fixed` fields (a sub-form's parent key) cannot be set by the query. */
export function readState(raw: URLSearchParams, fixed: Readonly<Record<string, string>> = {}): ListingState {
  const query = new URLSearchParams();
  for (const [name, value] of raw) {
    if (value.trim() === '') continue;
    const field = fieldOfParameter(name);
    if (field !== undefined && Object.hasOwn(fixed, field)) continue;
    query.append(name, value);
  }
  const sortText = (query.get('sort') ?? '').split(',')[0]?.trim() ?? '';
  const sort = sortText === '' || sortText === '-' ? undefined : { field: sortText.replace(/^-/, ''), descending: sortText.startsWith('-') };
  const hasCriteria = [...query.keys()].some((name) => fieldOfParameter(name) !== undefined);
  return {
    query,
    page: wholeNumber(query.get('page'), 1),
    perPage: wholeNumber(query.get('per_page'), DEFAULT_PER_PAGE),
    sort,
    q: query.get('q') ?? '',
    col: query.get('col') ?? '',
    expired: query.get('expired') === '1' || query.get('expired') === 'true',
    advanced: query.get('adv') === '1' || hasCriteria,
    hasCriteria,
  };
}

/**
 * The state's query with `changes` applied (`null` removes a parameter). Anything but a page
 * change goes back to the first page: a new search or sort starts at its beginning.
 */
export function changed(state: ListingState, changes: Readonly<Record<string, string | null>>): URLSearchParams {
  const query = new URLSearchParams(state.query);
  if (!Object.hasOwn(changes, 'page')) query.delete('page');
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) query.delete(name);
    else query.set(name, value);
  }
  return query;
}

/** The query without the criteria (the simple search replaces them). */
export function withoutCriteria(query: URLSearchParams): URLSearchParams {
  const kept = new URLSearchParams();
  for (const [name, value] of query) if (fieldOfParameter(name) === undefined) kept.append(name, value);
  return kept;
}

/** Header click: ascending → descending → default order. */
export function nextSort(state: ListingState, field: string): string | null {
  if (state.sort?.field !== field) return field;
  return state.sort.descending ? null : `-${field}`;
}

/** `path?query`, without a lone `?`. */
export function withQuery(path: string, query: URLSearchParams): string {
  const text = query.toString();
  return text === '' ? path : `${path}${path.includes('?') ? '&' : '?'}${text}`;
}

/** A query string as Hono's `c.req.queries()` gives it (the list parameters' reader takes that). */
export function queriesOf(query: URLSearchParams): Record<string, string[]> {
  // No prototype: a parameter named `__proto__` is a parameter like any other.
  const grouped: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [name, value] of query) (grouped[name] ??= []).push(value);
  return grouped;
}
