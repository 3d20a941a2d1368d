/**
 * The federated sign-in routes: `GET /login/oidc/:code` starts a sign-in with a provider,
 * `GET /login/oidc/callback` is its redirect_uri, `GET /logout/oidc/callback` its
 * post_logout_redirect_uri. The state also sits in a short-lived cookie of the browser that
 * started: a callback link made in another browser opens nothing. Mount before the other auth
 * pages (its middleware gives the login page its provider buttons).
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { completeSignIn, completeSignOut, findProviderByCode, isOffered, oidcMessage, startSignIn, startSignOut } from '../../../access/oidc/index.ts';
import { revokeSession } from '../../../access/sessions.ts';
import type { AppEnv } from '../../env.ts';
import { translatorOf } from '../../locale.ts';
import { setFlash } from '../../screens/shared/flash.ts';
import { clientAddress } from '../client-address.ts';
import { clearSessionCookie, cookieOptions, setSessionCookie } from '../cookies.ts';
import { safeRedirectTarget } from '../safe-redirect.ts';
import { federatedOptionsMiddleware } from './login-options.ts';
import { loginPageWith, providerLogoutPage } from './pages.tsx';

type C = Context<AppEnv>;

const SIGN_IN_STATE_COOKIE = 'commun_oidc_connexion';
const SIGN_OUT_STATE_COOKIE = 'commun_oidc_deconnexion';
/** As long as the exchange it belongs to. */
const STATE_COOKIE_SECONDS = 10 * 60;

const setStateCookie = (c: C, name: string, state: string) => setCookie(c, name, state, { ...cookieOptions(c), maxAge: STATE_COOKIE_SECONDS });

/** The state cookie's value, removed at once: each state serves once. */
function takeStateCookie(c: C, name: string): string | undefined {
  const value = getCookie(c, name);
  if (value !== undefined) deleteCookie(c, name, cookieOptions(c));
  return value;
}

const searchOf = (c: C) => new URL(c.req.url).search;

/**
 * For POST /logout: when the session came from a provider, ends it here and answers with the
 * page that sends the browser to the provider's logout (undefined otherwise: the usual logout goes on).
 */
export async function federatedLogout(c: C): Promise<Response | undefined> {
  const session = c.get('session');
  if (!session) return undefined;
  const runtime = c.get('runtime');
  const started = await startSignOut(runtime, session.id);
  if (!started) return undefined;
  await revokeSession(runtime.db.kysely, session.id);
  clearSessionCookie(c);
  setStateCookie(c, SIGN_OUT_STATE_COOKIE, started.state);
  return providerLogoutPage(c, started.url);
}

export function oidcRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('/login', federatedOptionsMiddleware());

  routes.get('/login/oidc/callback', async (c) => {
    const runtime = c.get('runtime');
    const result = await completeSignIn(runtime, {
      search: searchOf(c),
      browserState: takeStateCookie(c, SIGN_IN_STATE_COOKIE),
      address: clientAddress(c),
      userAgent: c.req.header('User-Agent'),
    });
    if (result.kind === 'held') return loginPageWith(c, { notice: result.message });
    if (result.kind === 'refused') return loginPageWith(c, { error: result.message }, result.status);
    const previous = c.get('session');
    if (previous) await revokeSession(runtime.db.kysely, previous.id);
    setSessionCookie(c, result.token);
    setFlash(c, { kind: 'success', text: translatorOf(c)('pages.login.opened') });
    return c.redirect(safeRedirectTarget(result.returnTo), 303);
  });

  routes.get('/login/oidc/:code', async (c) => {
    const runtime = c.get('runtime');
    const cameFrom = safeRedirectTarget(c.req.query('came_from'));
    if (c.get('actor')) return c.redirect(cameFrom, 303);
    const provider = await findProviderByCode(runtime.db.kysely, c.req.param('code'));
    const keep = cameFrom === '/' ? '' : cameFrom;
    if (!provider || !isOffered(provider)) {
      return loginPageWith(c, { error: oidcMessage('signIn.unknownProvider', undefined, runtime.config.locale), cameFrom: keep }, 404);
    }
    try {
      const started = await startSignIn(runtime, provider, cameFrom);
      setStateCookie(c, SIGN_IN_STATE_COOKIE, started.state);
      return c.redirect(started.url, 303);
    } catch (error) {
      runtime.logger.warn({ provider: provider.code, err: error }, 'connexion fédérée : fournisseur injoignable');
      return loginPageWith(c, { error: oidcMessage('signIn.unreachable', undefined, runtime.config.locale), cameFrom: keep }, 502);
    }
  });

  routes.get('/logout/oidc/callback', async (c) => {
    const runtime = c.get('runtime');
    const verified = await completeSignOut(runtime, searchOf(c), takeStateCookie(c, SIGN_OUT_STATE_COOKIE));
    if (!verified) runtime.logger.warn('déconnexion fédérée : état inconnu ou d’un autre navigateur au retour du fournisseur');
    // Signed out here in any case.
    const session = c.get('session');
    if (session) await revokeSession(runtime.db.kysely, session.id);
    clearSessionCookie(c);
    setFlash(c, { kind: 'info', text: oidcMessage(verified ? 'signOut.done' : 'signOut.unverified', undefined, runtime.config.locale) });
    return c.redirect('/login', 303);
  });

  return routes;
}
