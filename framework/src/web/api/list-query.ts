import { t, type Locale } from '../../i18n/index.ts';
import type { ListRequest } from '../../records/list-plan.ts';
import { ServiceError } from '../../records/errors.ts';

const KNOWN = new Set(['page', 'per_page', 'sort', 'q', 'col', 'count', 'expired']);
const FILTER = /^filter\[([^\]]{1,63})\]$/;

/** Reads the list parameters of a query string; an unknown or repeated parameter is a 400 (worded in `locale`). */
export function listRequestFromQuery(query: Record<string, string[]>, locale?: Locale): ListRequest {
  const filters: Record<string, string> = {};
  const single: Record<string, string> = {};
  for (const [name, values] of Object.entries(query)) {
    if (values.length > 1) throw new ServiceError('bad_request', t('api.repeatedParameter', { name }, locale));
    const value = values[0] ?? '';
    const filter = FILTER.exec(name);
    if (filter?.[1]) filters[filter[1]] = value;
    else if (KNOWN.has(name)) single[name] = value;
    else throw new ServiceError('bad_request', t('api.unknownParameter', { name: name.slice(0, 63) }, locale));
  }
  return {
    page: single.page,
    perPage: single.per_page,
    sort: single.sort,
    q: single.q,
    col: single.col,
    count: single.count,
    filters,
    includeExpired: single.expired === 'true' || single.expired === '1',
  };
}
