/**
 * « Mes notifications » (GET/POST /notifications, the signed-in agent: his own choice and a
 * preview of today's e-mail) and the e-mail's opt-out link (/notifications/desabonnement, no
 * sign-in: the signed token is the authorisation, and it only switches that agent's e-mail off).
 */
import { Hono, type Context } from 'hono';
import { loadActor } from '../../access/load-actor.ts';
import { todayInParis } from '../../jobs/daily.ts';
import {
  collectPendingWork,
  notificationMessage as m,
  optOutWithToken,
  ownPreference,
  setOwnPreference,
  verifyOptOutToken,
  type CollectedWork,
  type OptOutCheck,
} from '../../notifications/index.ts';
import { csrfToken } from '../auth/csrf.ts';
import { requireActor, signedIn } from '../auth/require-actor.ts';
import type { AppEnv } from '../env.ts';
import { localeOf, translatorOf } from '../locale.ts';
import { renderScreen, setFlash } from '../screens/shared/index.ts';
import { DAILY_FIELD, NOTIFICATION_PATHS, TOKEN_FIELD } from './paths.ts';
import { NotificationsView, OptOutConfirmView, OptOutResultView } from './view.tsx';

type C = Context<AppEnv>;

const NOTHING: CollectedWork = { applications: [], failed: [] };

async function formField(c: C, name: string): Promise<string | undefined> {
  try {
    const value = (await c.req.parseBody())[name];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Today's work as the e-mail would list it: the agent as the daily pass loads him (his own collectivité). */
async function previewOf(c: C, userId: number): Promise<CollectedWork> {
  const runtime = c.get('runtime');
  const actor = await loadActor(runtime.db.kysely, userId);
  if (!actor) return NOTHING;
  return collectPendingWork(runtime.db.kysely, actor, runtime.applications ?? [], todayInParis(), runtime.logger);
}

function optOutPage(c: C, children: Parameters<typeof renderScreen>[1]['children'], status: 200 | 400 | 410 = 200) {
  c.header('Referrer-Policy', 'no-referrer');
  const title = m('optOut.title', undefined, localeOf(c));
  return renderScreen(c, { title, breadcrumb: [{ label: translatorOf(c)('layout.home'), href: '/' }, { label: title }], status, children });
}

/** A link that does not switch anything off: expired (its own page, 410 Gone) or invalid. */
function refusedToken(c: C, check: Exclude<OptOutCheck, { status: 'valid' }>) {
  const expired = check.status === 'expired';
  const message = m(expired ? 'optOut.expired' : 'optOut.invalid', undefined, localeOf(c));
  return optOutPage(c, <OptOutResultView message={message} alert locale={localeOf(c)} />, expired ? 410 : 400);
}

export function notificationRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get(NOTIFICATION_PATHS.page, requireActor(), async (c) => {
    const actor = signedIn(c);
    const locale = localeOf(c);
    const db = c.get('runtime').db.kysely;
    const preference = await ownPreference(db, actor);
    const title = m('page.title', undefined, locale);
    return renderScreen(c, {
      title,
      breadcrumb: [{ label: translatorOf(c)('layout.home'), href: '/' }, { label: title }],
      children: (
        <NotificationsView enabled={preference.enabled} hasEmail={preference.email !== ''} work={await previewOf(c, actor.userId)}
          csrfToken={csrfToken(c)} locale={locale} />
      ),
    });
  });

  routes.post(NOTIFICATION_PATHS.page, requireActor(), async (c) => {
    const actor = signedIn(c);
    const enabled = (await formField(c, DAILY_FIELD)) !== undefined;
    await setOwnPreference(c.get('runtime').db.kysely, actor, enabled);
    setFlash(c, { kind: 'success', text: m(enabled ? 'page.saved' : 'page.savedOff', undefined, localeOf(c)) });
    return c.redirect(NOTIFICATION_PATHS.page, 303);
  });

  // GET only shows a button: mail filters that open links must not switch anything off.
  routes.get(NOTIFICATION_PATHS.optOut, async (c) => {
    const token = c.req.query(TOKEN_FIELD) ?? '';
    const check = verifyOptOutToken(c.get('runtime').config, token);
    if (check.status !== 'valid') return refusedToken(c, check);
    return optOutPage(c, <OptOutConfirmView token={token} csrfToken={csrfToken(c)} locale={localeOf(c)} />);
  });

  routes.post(NOTIFICATION_PATHS.optOut, async (c) => {
    const token = (await formField(c, TOKEN_FIELD)) ?? '';
    const { db, config } = c.get('runtime');
    const check = await optOutWithToken(db.kysely, config, token);
    if (check.status !== 'valid') return refusedToken(c, check);
    return optOutPage(c, <OptOutResultView message={m('optOut.done', undefined, localeOf(c))} alert={false} locale={localeOf(c)} />);
  });

  return routes;
}
