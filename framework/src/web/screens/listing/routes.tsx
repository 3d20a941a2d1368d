import { Hono } from 'hono';
import { requireActor, signedIn } from '../../auth/require-actor.ts';
import type { AppEnv } from '../../env.ts';
import { readPreferences } from '../../preferences.ts';
import { localeOf } from '../../locale.ts';
import { listUrl, menuLabelOf, objectCrumbs, objectFromRoute, renderScreen } from '../shared/index.ts';
import { withQuery } from './state.ts';
import { renderListing } from './view.tsx';

/** `GET /:app/:table`: the listing page of any registered object (permission `<table>_tab`). */
export function listingRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/:app/:table', requireActor(), async (c) => {
    const object = objectFromRoute(c);
    const url = new URL(c.req.url);
    // Opened bare (from the menu): the object's default criteria, if any, as a visible search.
    const defaults = url.search === '' ? object.override.screens?.defaultCriteria?.({ actor: signedIn(c), preferences: readPreferences(c) }) : undefined;
    if (defaults && Object.keys(defaults).length > 0) return c.redirect(withQuery(listUrl(object), new URLSearchParams(defaults)), 302);
    const query = url.searchParams;
    const listing = await renderListing(c, object, query, { baseUrl: listUrl(object) });
    const htmx = c.req.header('HX-Request') === 'true';
    if (listing.fragment) {
      c.header('Cache-Control', 'no-store');
      c.header('Vary', 'HX-Request, HX-Target');
      // The address bar shows the search without the form's empty fields.
      c.header('HX-Push-Url', listing.url);
      return c.html(await listing.node.toString());
    }
    c.header('Vary', 'HX-Request, HX-Target');
    return renderScreen(c, {
      // Named as the menu entry that leads here.
      title: menuLabelOf(object),
      breadcrumb: objectCrumbs(object, localeOf(c)),
      status: listing.refused && !htmx ? 400 : 200,
      children: listing.node,
    });
  });
  return routes;
}
