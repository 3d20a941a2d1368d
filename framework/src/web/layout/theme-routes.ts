/**
 * `GET /theme/collectivite-<id>.css` and `GET /theme/collectivite-<id>/logo`: a collectivité's
 * accent colour as a stylesheet and its logo, for signed-in users only and read under their
 * row-level security: an agent gets his collectivité's, a niveau-2 user any one's (the
 * administration page previews them); another collectivité's is a 404, like one of its records.
 * The logo is no secret (its documents print it), but nothing of a collectivité is served to those
 * who do not work in it. Both are cacheable by the browser (private, versioned address, ETag).
 */
import { Hono, type Context } from 'hono';
import { readBranding, themeStylesheet } from '../../branding/index.ts';
import { fileStoreOf } from '../../files/index.ts';
import { imageDimensions } from '../../documents/logos/index.ts';
import { requireActor, signedIn } from '../auth/require-actor.ts';
import type { AppEnv } from '../env.ts';
import { HttpError } from '../operations/errors.tsx';
import { collectiviteOfSegment } from './theme-paths.ts';

const CACHE = 'private, max-age=86400';

/** 304 when the browser already holds this version. */
function notModified(c: Context<AppEnv>, etag: string): Response | undefined {
  c.header('ETag', etag);
  c.header('Cache-Control', CACHE);
  c.header('X-Content-Type-Options', 'nosniff');
  const presented = c.req.header('If-None-Match');
  return presented !== undefined && presented.split(',').some((value) => value.trim() === etag) ? c.body(null, 304) : undefined;
}

async function brandingOfRoute(c: Context<AppEnv>, segment: string) {
  const collectivite = collectiviteOfSegment(segment);
  if (collectivite === undefined) throw HttpError.notFound();
  const branding = await readBranding(c.get('runtime').db.kysely, signedIn(c), collectivite);
  if (!branding) throw HttpError.notFound();
  return branding;
}

export function themeRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/theme/:name/logo', requireActor(), async (c) => {
    const branding = await brandingOfRoute(c, c.req.param('name'));
    if (!branding.logo) throw HttpError.notFound();
    const cached = notModified(c, `"${branding.logo}"`);
    if (cached) return cached;
    let data: Uint8Array;
    try {
      data = await fileStoreOf(c.get('runtime')).read(branding.logo);
    } catch {
      throw HttpError.notFound();
    }
    const size = imageDimensions(data);
    if (!size) throw HttpError.notFound();
    c.header('Content-Type', size.type);
    return c.body(new Uint8Array(data));
  });

  routes.get('/theme/:name', requireActor(), async (c) => {
    const name = c.req.param('name');
    if (!name.endsWith('.css')) throw HttpError.notFound();
    const branding = await brandingOfRoute(c, name.slice(0, -'.css'.length));
    if (!branding.colour) throw HttpError.notFound();
    const cached = notModified(c, `"${branding.colour.slice(1)}"`);
    if (cached) return cached;
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(themeStylesheet(branding.collectivite, branding.colour));
  });

  return routes;
}
