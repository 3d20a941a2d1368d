import { Hono } from 'hono';
import { translator } from '../../i18n/index.ts';
import { requireActor, signedIn } from '../auth/require-actor.ts';
import type { AppEnv } from '../env.ts';
import { serviceDeps } from '../service-deps.ts';
import { localeOf } from '../locale.ts';
import { renderScreen } from '../screens/shared/screen.tsx';
import { queryProblem, searchEverywhere, MIN_QUERY_LENGTH } from './global-search.ts';
import { MAX_QUERY_LENGTH, SEARCH_PATH } from './search-box.tsx';
import { SearchResults } from './search-page.tsx';

/** `GET /recherche?q=`: the global search of the header's box. */
export function navigationRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get(SEARCH_PATH, requireActor(), async (c) => {
    const actor = signedIn(c);
    const runtime = c.get('runtime');
    const locale = localeOf(c);
    const tr = translator(locale);
    const query = (c.req.query('q') ?? '').trim();
    const breadcrumb = [{ label: tr('layout.home'), href: '/' }, { label: tr('navigation.search.title') }];
    const problem = queryProblem(query, MAX_QUERY_LENGTH);
    if (problem === 'empty') {
      return renderScreen(c, { title: tr('navigation.search.title'), breadcrumb, children: <p>{tr('navigation.search.explanation')}</p> });
    }
    if (problem) {
      const text = problem === 'tooLong' ? tr('navigation.search.tooLong', { max: MAX_QUERY_LENGTH }) : tr('navigation.search.tooShort', { min: MIN_QUERY_LENGTH });
      return renderScreen(c, {
        title: tr('navigation.search.title'),
        breadcrumb,
        messages: [{ kind: 'error', text }],
        status: 400,
        children: <p>{tr('navigation.search.explanation')}</p>,
      });
    }
    const deps = serviceDeps(c);
    const outcome = await searchEverywhere(deps, actor, query, (object, error) =>
      runtime.logger.warn({ err: error, requestId: c.get('requestId'), object: `${object.app}.${object.name}` }, 'recherche globale : échec sur un objet'),
    );
    return renderScreen(c, {
      title: tr('navigation.search.titleFor', { q: query }),
      heading: tr('navigation.search.title'),
      breadcrumb,
      children: <SearchResults outcome={outcome} query={query} locale={locale} />,
    });
  });
  return routes;
}
