import { Hono, type Context } from 'hono';
import { authenticate } from '../../access/login.ts';
import { mayChangePasswords } from '../../access/end-user-access.ts';
import { OWN_PASSWORD_PERMISSION, changePassword } from '../../access/password-change.ts';
import { findResetAccount, requestPasswordReset, resetPassword } from '../../access/password-reset.ts';
import { createSession, revokeSession } from '../../access/sessions.ts';
import type { AppEnv } from '../env.ts';
import { localeOf, translatorOf } from '../locale.ts';
import { clientAddress } from './client-address.ts';
import { clearSessionCookie, setSessionCookie } from './cookies.ts';
import { csrfToken } from './csrf.ts';
import { chromeOf } from '../layout/chrome.ts';
import { ForgotPasswordPage, LoginPage, MessagePage, PasswordChangePage, ResetPasswordPage } from './pages.tsx';
import { requireActor, signedIn } from './require-actor.ts';
import { renderPage } from './respond.tsx';
import { safeRedirectTarget } from './safe-redirect.ts';
import { federatedLogout } from './oidc/routes.ts';
import { setFlash, takeFlash } from '../screens/shared/flash.ts';
import { startSecondStep } from './totp/start.ts';
import { formFields } from './form-fields.ts';

type C = Context<AppEnv>;

const LOGIN_STATUS = { missing: 400, invalid: 401, throttled: 429, ldap: 403, code: 401 } as const;

async function forbiddenPage(c: C, message = translatorOf(c)('access.forbidden')) {
  const tr = translatorOf(c);
  return renderPage(
    c,
    <MessagePage title={tr('pages.forbiddenTitle')} message={message} alert link={{ href: '/', label: tr('pages.backHome') }}
      locale={localeOf(c)} chrome={await chromeOf(c)} />,
    403,
  );
}

async function invalidLinkPage(c: C) {
  const tr = translatorOf(c);
  return renderPage(
    c,
    <MessagePage title={tr('pages.password.linkExpiredTitle')} message={tr('access.resetLinkInvalid')} alert
      link={{ href: '/password/forgot', label: tr('pages.password.newRequest') }} locale={localeOf(c)} chrome={await chromeOf(c)} />,
    404,
  );
}

/** The HTML side of authentication: login, logout, password change, forgotten password. */
export function authPageRoutes(): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();

  pages.get('/login', async (c) => {
    const cameFrom = safeRedirectTarget(c.req.query('came_from'));
    if (c.get('actor')) return c.redirect(cameFrom, 303);
    // « Votre session est maintenant terminée. » after a logout.
    const notice = takeFlash(c)?.text;
    return renderPage(c, <LoginPage csrfToken={csrfToken(c)} cameFrom={cameFrom === '/' ? '' : cameFrom} notice={notice} locale={localeOf(c)} chrome={await chromeOf(c)} />);
  });

  pages.post('/login', async (c) => {
    const form = await formFields(c);
    const login = form.login ?? '';
    const cameFrom = safeRedirectTarget(form.came_from);
    const runtime = c.get('runtime');
    const result = await authenticate(runtime, login, form.password ?? '', clientAddress(c), { userAgent: c.req.header('User-Agent') });
    if (!result.ok && result.reason === 'second_factor') return startSecondStep(c, result, cameFrom);
    if (!result.ok) {
      const page = (
        <LoginPage csrfToken={csrfToken(c)} login={login.slice(0, 30)} cameFrom={cameFrom === '/' ? '' : cameFrom} error={result.message}
          locale={localeOf(c)} chrome={await chromeOf(c)} />
      );
      return renderPage(c, page, LOGIN_STATUS[result.reason]);
    }
    const previous = c.get('session');
    if (previous) await revokeSession(runtime.db.kysely, previous.id);
    setSessionCookie(c, result.token);
    setFlash(c, { kind: 'success', text: translatorOf(c)('pages.login.opened') });
    return c.redirect(cameFrom, 303);
  });

  pages.post('/logout', async (c) => {
    // A session opened through an identity provider ends there too (its logout, then back here).
    const federated = await federatedLogout(c);
    if (federated) return federated;
    const session = c.get('session');
    if (session) await revokeSession(c.get('runtime').db.kysely, session.id);
    clearSessionCookie(c);
    setFlash(c, { kind: 'info', text: translatorOf(c)('pages.login.closed') });
    return c.redirect('/login', 303);
  });

  pages.use('/password', requireActor());

  pages.get('/password', async (c) => {
    const actor = signedIn(c);
    if (!actor.permissions.has(OWN_PASSWORD_PERMISSION)) return forbiddenPage(c);
    return renderPage(c, <PasswordChangePage csrfToken={csrfToken(c)} login={actor.login} locale={localeOf(c)} chrome={await chromeOf(c)} />);
  });

  pages.post('/password', async (c) => {
    const actor = signedIn(c);
    if (!actor.permissions.has(OWN_PASSWORD_PERMISSION)) return forbiddenPage(c);
    if (!mayChangePasswords(actor)) return forbiddenPage(c, translatorOf(c)('apiSafety.passwordNeedsSession'));
    const form = await formFields(c);
    const runtime = c.get('runtime');
    const db = runtime.db.kysely;
    const locale = localeOf(c);
    const input = { current: form.current ?? '', next: form.password ?? '', confirmation: form.confirmation ?? '' };
    const result = await changePassword(db, actor.userId, input, locale);
    if (!result.ok) {
      return renderPage(c, <PasswordChangePage csrfToken={csrfToken(c)} login={actor.login} errors={result.errors} locale={locale} chrome={await chromeOf(c)} />, 422);
    }
    // Every session of the user ended, this one too: this browser gets a new one.
    const { token, session } = await createSession(db, runtime.config.session, actor.userId, {
      address: clientAddress(c),
      userAgent: c.req.header('User-Agent'),
    });
    setSessionCookie(c, token);
    c.set('session', { id: session.id, csrfToken: session.csrfToken });
    return renderPage(c, <PasswordChangePage csrfToken={csrfToken(c)} login={actor.login} done locale={locale} chrome={await chromeOf(c)} />);
  });

  pages.get('/password/forgot', async (c) => renderPage(c, <ForgotPasswordPage csrfToken={csrfToken(c)} locale={localeOf(c)} chrome={await chromeOf(c)} />));

  pages.post('/password/forgot', async (c) => {
    const form = await formFields(c);
    // The e-mail goes out in the background: the answer's delay says nothing about the account.
    const { message } = requestPasswordReset(c.get('runtime'), form.identifiant ?? '');
    return renderPage(c, <ForgotPasswordPage csrfToken={csrfToken(c)} message={message} locale={localeOf(c)} chrome={await chromeOf(c)} />);
  });

  pages.get('/password/reset/:token', async (c) => {
    c.header('Referrer-Policy', 'no-referrer');
    const token = c.req.param('token');
    const account = await findResetAccount(c.get('runtime').db.kysely, token);
    if (!account) return invalidLinkPage(c);
    return renderPage(c, <ResetPasswordPage csrfToken={csrfToken(c)} token={token} login={account.login} locale={localeOf(c)} chrome={await chromeOf(c)} />);
  });

  pages.post('/password/reset/:token', async (c) => {
    c.header('Referrer-Policy', 'no-referrer');
    const token = c.req.param('token');
    const form = await formFields(c);
    const db = c.get('runtime').db.kysely;
    const locale = localeOf(c);
    const tr = translatorOf(c);
    const result = await resetPassword(db, token, form.password ?? '', form.confirmation ?? '', locale);
    if (result.ok) {
      return renderPage(
        c,
        <MessagePage title={tr('pages.password.changedTitle')} message={tr('access.resetDone')} link={{ href: '/login', label: tr('pages.signIn') }}
          locale={locale} chrome={await chromeOf(c)} />,
      );
    }
    if (result.expired) return invalidLinkPage(c);
    const account = await findResetAccount(db, token);
    return renderPage(
      c,
      <ResetPasswordPage csrfToken={csrfToken(c)} token={token} login={account?.login ?? ''} errors={result.errors} locale={locale} chrome={await chromeOf(c)} />,
      422,
    );
  });

  return pages;
}
