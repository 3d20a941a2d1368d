/** `GET /:app/:table/carte?<the listing's search>`: the search on a map (permission `<table>_tab`), for objects with a geometry field. */
import { Hono } from 'hono';
import { can } from '../../../access/permissions.ts';
import { geometryFields } from '../../../maps/geojson.ts';
import { listingPrintLinks } from '../../documents/listing-print.ts';
import { requireActor } from '../../auth/require-actor.ts';
import type { AppEnv } from '../../env.ts';
import { localeOf, translatorOf } from '../../locale.ts';
import { HttpError } from '../../operations/index.ts';
import { actorOf, csvUrl, listUrl, menuLabelOf, objectCrumbs, objectFromRoute, renderScreen, requirePermission } from '../shared/index.ts';
import { mapConfigurationOf } from './configuration.ts';
import { mapContentSecurityPolicy } from './csp.ts';
import { localiserRoute } from './localiser-route.ts';
import { MapPage } from './page.tsx';
import { geoJsonUrl } from './urls.ts';

/** The search as the listing's links carry it: no paging, no empty value. */
function searchOf(raw: URLSearchParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of raw) if (value.trim() !== '' && !['page', 'per_page', 'adv', 'count'].includes(name)) query.append(name, value);
  return query;
}

export function carteRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/:app/:table/carte', requireActor(), async (c) => {
    const object = objectFromRoute(c);
    const actor = actorOf(c);
    requirePermission(actor, object, 'tab');
    const tr = translatorOf(c);
    const fields = geometryFields(object);
    const asked = c.req.query('geometrie');
    const field = fields.find((candidate) => candidate.name === asked) ?? fields[0];
    if (!field) throw HttpError.notFound(tr('carte.page.noGeometry'));
    const search = searchOf(new URL(c.req.url).searchParams);
    search.delete('geometrie');
    const runtime = c.get('runtime');
    const printLinks = await listingPrintLinks(runtime.db, actor, object, search);
    const exporting = can(actor, object, 'exporter');
    const listingPdf = exporting && runtime.registry.listingPdfs.get(object.app, object.name);
    const selectionLinks = [
      { label: tr('carte.page.selectionList'), href: listUrl(object, search) },
      ...(exporting ? [{ label: tr('carte.page.selectionCsv'), href: csvUrl(object, search), title: tr('listing.exportCsvTitle'), download: true }] : []),
      ...(listingPdf ? [{ label: tr('documents.listing.link'), href: `/${object.app}/${object.name}.pdf${search.size > 0 ? `?${search}` : ''}`, download: true }] : []),
      ...printLinks.flatMap((link) =>
        link.kind === 'etiquettes'
          ? []
          : [{ label: tr('documents.batch.link', { document: link.libelle }), href: link.href, title: tr('documents.batch.linkTitle', { kind: tr(`documents.print.${link.kind}`), document: link.libelle }) }],
      ),
    ];
    const configuration = await mapConfigurationOf(runtime, actor, object);
    const policy = mapContentSecurityPolicy(configuration);
    if (policy) c.header('Content-Security-Policy', policy);
    c.header('Cache-Control', 'no-store');
    return renderScreen(c, {
      title: tr('carte.page.title', { label: menuLabelOf(object) }),
      breadcrumb: objectCrumbs(object, localeOf(c)),
      children: (
        <MapPage
          model={{
            tr,
            field,
            configuration,
            featuresUrl: geoJsonUrl(object, field.name, search),
            listHref: listUrl(object, search),
            selectionLinks,
          }}
        />
      ),
    });
  });
  routes.get('/:app/:table/localiser', requireActor(), localiserRoute);
  return routes;
}
