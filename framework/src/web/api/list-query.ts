import { t, type Locale } from '../../i18n/index.ts';
import { isCriterionOperator, type CriterionRequest, type ListRequest } from '../../records/list-plan.ts';
import { ServiceError } from '../../records/errors.ts';

const KNOWN = new Set(['page', 'per_page', 'sort', 'q', 'col', 'count', 'expired']);
/** `filter[nom]` (equality) or `filter[nom][contains]` (an operator). */
const FILTER = /^filter\[([^\][]{1,63})\](?:\[([^\][]{0,20})\])?$/;

export interface ListQueryOptions {
  /** Parameters of a screen's own (e.g. the listing's `adv`), accepted and left aside. */
  readonly ignore?: ReadonlySet<string>;
}

/**
 * Reads the list parameters of a query string (API, listing, CSV export); an unknown or repeated
 * parameter, or an unknown filter operator, is a 400 (worded in `locale`).
 */
export function listRequestFromQuery(query: Record<string, string[]>, locale?: Locale, options: ListQueryOptions = {}): ListRequest {
  const criteria: CriterionRequest[] = [];
  const single: Record<string, string> = {};
  for (const [name, values] of Object.entries(query)) {
    if (options.ignore?.has(name)) continue;
    if (values.length > 1) throw new ServiceError('bad_request', t('api.repeatedParameter', { name: name.slice(0, 63) }, locale));
    const value = values[0] ?? '';
    const filter = FILTER.exec(name);
    if (filter?.[1]) {
      const op = filter[2] ?? 'eq';
      if (!isCriterionOperator(op)) throw new ServiceError('bad_request', t('listing.criteria.unknownOperator', { operator: op }, locale));
      criteria.push({ field: filter[1], op, value });
    } else if (KNOWN.has(name)) single[name] = value;
    else throw new ServiceError('bad_request', t('api.unknownParameter', { name: name.slice(0, 63) }, locale));
  }
  return {
    page: single.page,
    perPage: single.per_page,
    sort: single.sort,
    q: single.q,
    col: single.col,
    count: single.count,
    criteria,
    includeExpired: single.expired === 'true' || single.expired === '1',
  };
}

/** Parameters of the listing screen that are not list parameters: `adv` shows the advanced search. */
export const LISTING_SCREEN_PARAMETERS: ReadonlySet<string> = new Set(['adv']);

/**
 * The list request of a listing screen or of its CSV export: as the API's, but an empty field
 * of the search forms means « indifférent » (no condition), and `adv` is the screen's own.
 */
export function listingRequestFromQuery(query: Record<string, string[]>, locale?: Locale): ListRequest {
  const filled = Object.fromEntries(
    Object.entries(query)
      .map(([name, values]) => [name, values.filter((value) => value.trim() !== '')] as const)
      .filter(([, values]) => values.length > 0),
  );
  return listRequestFromQuery(filled, locale, { ignore: LISTING_SCREEN_PARAMETERS });
}
