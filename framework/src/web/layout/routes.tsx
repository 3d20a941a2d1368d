import { Hono, type Context } from 'hono';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../access/actor.ts';
import { setWorkingCollectivite } from '../../access/sessions.ts';
import { readAs } from '../../db/tenant-context.ts';
import { requireActor, signedIn } from '../auth/require-actor.ts';
import { renderPage } from '../auth/respond.tsx';
import { safeRedirectTarget } from '../auth/safe-redirect.ts';
import type { AppEnv } from '../env.ts';
import { HttpError } from '../operations/errors.tsx';
import { localeOf, translatorOf } from '../locale.ts';
import { chromeOf } from './chrome.ts';
import { Layout } from './layout.tsx';

type C = Context<AppEnv>;

/** Where to go back after the change: the page the form was on, when it is of this site. */
function backTo(c: C): string {
  const referer = c.req.header('Referer');
  if (!referer) return '/';
  try {
    const from = new URL(referer);
    const here = new URL(c.req.url);
    const base = new URL(c.get('runtime').config.baseUrl);
    if (from.origin !== here.origin && from.origin !== base.origin) return '/';
    return safeRedirectTarget(`${from.pathname}${from.search}`);
  } catch {
    return '/';
  }
}

/**
 * `POST /collectivite` (form field `collectivite`): a niveau-2 user chooses the collectivité they
 * work in, from the header's selector; then back to the page they were on (303). The same session
 * change as `POST /api/v1/me/collectivite`. The CSRF middleware has checked the form already.
 */
export function collectiviteRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/collectivite', requireActor(), async (c) => {
    const actor = signedIn(c);
    const session = c.get('session');
    const tr = translatorOf(c);
    if (actor.niveau !== '2' || !session) throw HttpError.forbidden(tr('access.collectiviteNiveau2Only'));
    let value: unknown;
    try {
      value = (await c.req.parseBody())['collectivite'];
    } catch {
      value = undefined;
    }
    const chosen = typeof value === 'string' && /^[1-9][0-9]{0,9}$/.test(value) ? Number(value) : undefined;
    const db = c.get('runtime').db.kysely;
    const found =
      chosen !== undefined && chosen <= 2147483647
        ? (await readAs(db, SYSTEM_ACTOR, (connection) => sql`select 1 from om.om_collectivite where om_collectivite = ${chosen}`.execute(connection))).rows.length > 0
        : false;
    if (chosen === undefined || !found) {
      const page = (
        <Layout documentTitle={tr('pages.title', { title: tr('layout.collectiviteTitle') })} chrome={await chromeOf(c)} locale={localeOf(c)}
          heading={tr('layout.collectiviteTitle')}
          breadcrumb={[{ label: tr('layout.home'), href: '/' }, { label: tr('layout.collectiviteTitle') }]}
          messages={[{ kind: 'error', text: tr('access.collectiviteUnknown') }]}>
          <p>
            <a href="/">{tr('pages.backHome')}</a>
          </p>
        </Layout>
      );
      return renderPage(c, page, 422);
    }
    await setWorkingCollectivite(db, session.id, chosen);
    return c.redirect(backTo(c), 303);
  });
  return routes;
}
