import { Hono, type Context } from 'hono';
import { mayChangePasswords } from '../../../access/end-user-access.ts';
import { loadActor } from '../../../access/load-actor.ts';
import { verifyPassword } from '../../../access/passwords.ts';
import { revokeSession } from '../../../access/sessions.ts';
import { checkThrottle, recordAttempt } from '../../../access/throttle.ts';
import {
  accountKind,
  activate,
  beginEnrolment,
  findChallenge,
  groupedKey,
  otpauthUri,
  removeSecondFactor,
  renewRecoveryCodes,
  secondFactorRequired,
  signInByEnrolling,
  signInWithCode,
  totpMessage,
  twoFactorStatus,
  useCode,
  type Challenge,
  type SecondStepResult,
} from '../../../access/totp/index.ts';
import { findAccountById } from '../../../access/user-accounts.ts';
import { frenchDate } from '../../../documents/render/format.ts';
import type { AppEnv } from '../../env.ts';
import { chromeOf } from '../../layout/chrome.ts';
import { localeOf, translatorOf } from '../../locale.ts';
import { setFlash, takeFlash } from '../../screens/shared/flash.ts';
import { clientAddress } from '../client-address.ts';
import { setSessionCookie } from '../cookies.ts';
import { csrfToken } from '../csrf.ts';
import { renderPage } from '../respond.tsx';
import { loginUrl, safeRedirectTarget } from '../safe-redirect.ts';
import { clearChallengeCookie, readChallengeCookie } from './cookie.ts';
import { CodePage, EnrolPage, NotConcernedPage, RecoveryCodesPage, StatusPage } from './pages.tsx';
import { qrDataUrl } from './qr.ts';
import { formFields } from '../form-fields.ts';

type C = Context<AppEnv>;

const STATUS = { missing: 400, code: 401, throttled: 429, invalid: 401 } as const;

/** The challenge of this browser at this step, if it is still open. */
async function challengeAt(c: C, step: Challenge['step']): Promise<Challenge | undefined> {
  const challenge = await findChallenge(c.get('runtime').db.kysely, readChallengeCookie(c));
  return challenge?.step === step ? challenge : undefined;
}

/** Back to the login form, the challenge forgotten, with why. */
function backToLogin(c: C, message?: string): Response {
  clearChallengeCookie(c);
  if (message) setFlash(c, { kind: 'error', text: message });
  return c.redirect('/login', 303);
}

/** The session is open: the cookie changes hands, as a plain password sign-in does. */
async function opened(c: C, result: Extract<SecondStepResult, { ok: true }>): Promise<void> {
  const runtime = c.get('runtime');
  const previous = c.get('session');
  if (previous) await revokeSession(runtime.db.kysely, previous.id);
  clearChallengeCookie(c);
  setSessionCookie(c, result.token);
  c.set('session', { id: result.session.id, csrfToken: result.session.csrfToken });
  c.set('actor', await loadActor(runtime.db.kysely, result.userId));
}

async function enrolPage(c: C, userId: number, options: { forced: boolean; error?: string; notice?: string | undefined }, status: 200 | 400 | 401 | 422 | 429 = 200) {
  const runtime = c.get('runtime');
  const secret = await beginEnrolment(runtime.db.kysely, runtime.config, userId);
  const account = await findAccountById(runtime.db.kysely, userId);
  if (secret === undefined || !account) return undefined;
  const page = (
    <EnrolPage csrfToken={csrfToken(c)} qrDataUrl={await qrDataUrl(otpauthUri(secret, account.login))} secretKey={groupedKey(secret)}
      forced={options.forced} signedIn={!options.forced} error={options.error} notice={options.notice} locale={localeOf(c)} chrome={await chromeOf(c)} />
  );
  return renderPage(c, page, status);
}

/** The signed-in user's page: the second factor to set up, or its state; LDAP and OIDC accounts are told why not. */
async function ownPage(c: C, options: { error?: string; renewError?: string; notice?: string | undefined } = {}, status: 200 | 400 | 401 | 403 | 422 | 429 = 200) {
  const actor = c.get('actor');
  if (!actor || actor.via !== 'session') return c.redirect(loginUrl('/two-factor'), 303);
  const runtime = c.get('runtime');
  const db = runtime.db.kysely;
  const locale = localeOf(c);
  const kind = await accountKind(db, actor.userId);
  if (kind === 'LDAP' || kind === 'OIDC') {
    return renderPage(c, <NotConcernedPage provider={kind === 'LDAP' ? 'ldap' : 'oidc'} notice={options.notice} locale={locale} chrome={await chromeOf(c)} />);
  }
  const status2 = await twoFactorStatus(db, actor.userId);
  if (!status2.active) {
    const page = await enrolPage(c, actor.userId, { forced: false, ...options }, status === 403 ? 422 : status);
    if (page) return page;
  }
  const page = (
    <StatusPage csrfToken={csrfToken(c)} login={actor.login} activatedOn={status2.activatedAt ? frenchDate(status2.activatedAt) : ''}
      recoveryCodesLeft={status2.recoveryCodesLeft} required={secondFactorRequired(runtime.config.twoFactor, actor)}
      error={options.error} renewError={options.renewError} notice={options.notice} locale={locale} chrome={await chromeOf(c)} />
  );
  return renderPage(c, page, status);
}

/**
 * « Code de vérification » (`/login/code`) and « Double authentification » (`/two-factor`): the
 * second step of a sign-in, and each agent's own setting. Mounted with the other auth routes.
 */
export function totpRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/login/code', async (c) => {
    if (!(await challengeAt(c, 'code'))) return backToLogin(c);
    return renderPage(c, <CodePage csrfToken={csrfToken(c)} locale={localeOf(c)} chrome={await chromeOf(c)} />);
  });

  routes.post('/login/code', async (c) => {
    const locale = localeOf(c);
    const challenge = await challengeAt(c, 'code');
    if (!challenge) return backToLogin(c, totpMessage('signIn.expired', undefined, locale));
    const form = await formFields(c);
    const result = await signInWithCode(c.get('runtime'), challenge.userId, form.code ?? '', clientAddress(c), { userAgent: c.req.header('User-Agent') }, challenge);
    if (!result.ok) {
      if (result.reason === 'invalid') return backToLogin(c, result.message);
      return renderPage(c, <CodePage csrfToken={csrfToken(c)} error={result.message} locale={locale} chrome={await chromeOf(c)} />, STATUS[result.reason]);
    }
    await opened(c, result);
    setFlash(c, { kind: 'success', text: translatorOf(c)('pages.login.opened') });
    return c.redirect(safeRedirectTarget(challenge.cameFrom), 303);
  });

  routes.get('/two-factor', async (c) => {
    const notice = takeFlash(c)?.text;
    const challenge = await challengeAt(c, 'inscription');
    if (challenge) return (await enrolPage(c, challenge.userId, { forced: true, notice })) ?? backToLogin(c);
    return ownPage(c, { notice });
  });

  routes.post('/two-factor/activate', async (c) => {
    const runtime = c.get('runtime');
    const locale = localeOf(c);
    const form = await formFields(c);
    const challenge = await challengeAt(c, 'inscription');
    if (challenge) {
      const result = await signInByEnrolling(runtime, challenge, form.code ?? '', clientAddress(c), { userAgent: c.req.header('User-Agent') });
      if (!result.ok) {
        if (result.reason === 'invalid') return backToLogin(c, result.message);
        return (await enrolPage(c, challenge.userId, { forced: true, error: result.message }, STATUS[result.reason])) ?? backToLogin(c);
      }
      await opened(c, result);
      setFlash(c, { kind: 'success', text: translatorOf(c)('pages.login.opened') });
      const page = <RecoveryCodesPage codes={result.recoveryCodes ?? []} next={safeRedirectTarget(challenge.cameFrom)} locale={locale} chrome={await chromeOf(c)} />;
      return renderPage(c, page);
    }
    const actor = c.get('actor');
    if (!actor || actor.via !== 'session') return c.redirect(loginUrl('/two-factor'), 303);
    if ((await accountKind(runtime.db.kysely, actor.userId)) !== 'DB') return ownPage(c);
    if ((form.code ?? '').trim() === '') return ownPage(c, { error: totpMessage('signIn.codeRequired', undefined, locale) }, 400);
    const codes = await activate(runtime.db.kysely, runtime.config, actor.userId, (form.code ?? '').slice(0, 40));
    if (!codes) {
      const active = (await twoFactorStatus(runtime.db.kysely, actor.userId)).active;
      return ownPage(c, { error: totpMessage(active ? 'enrol.alreadyActive' : 'enrol.wrongCode', undefined, locale) }, 422);
    }
    runtime.logger.info({ userId: actor.userId }, 'double authentification activée');
    return renderPage(c, <RecoveryCodesPage codes={codes} next="/two-factor" locale={locale} chrome={await chromeOf(c)} />);
  });

  routes.post('/two-factor/recovery-codes', async (c) => {
    const actor = c.get('actor');
    if (!actor || actor.via !== 'session') return c.redirect(loginUrl('/two-factor'), 303);
    const runtime = c.get('runtime');
    const db = runtime.db.kysely;
    const locale = localeOf(c);
    const account = await findAccountById(db, actor.userId);
    if (!account || account.type !== 'DB' || !(await twoFactorStatus(db, actor.userId)).active) return ownPage(c);
    const address = clientAddress(c);
    const throttle = await checkThrottle(db, runtime.config.login, account.login, address, locale);
    if (throttle.blocked) return ownPage(c, { renewError: throttle.message }, 429);
    const form = await formFields(c);
    // An app's code only: a recovery code does not buy new ones.
    const typed = (form.code ?? '').slice(0, 40);
    const check = /^\s*\d{3}\s?\d{3}\s*$/.test(typed) ? await useCode(db, runtime.config, actor.userId, typed) : 'wrong';
    if (check !== 'totp') {
      await recordAttempt(db, runtime.config.login, account.login, address, false);
      return ownPage(c, { renewError: totpMessage('signIn.wrongCode', undefined, locale) }, 401);
    }
    const codes = await renewRecoveryCodes(db, actor.userId);
    if (!codes) return ownPage(c);
    runtime.logger.info({ userId: actor.userId }, 'codes de secours renouvelés');
    return renderPage(c, <RecoveryCodesPage codes={codes} next="/two-factor" renewed locale={locale} chrome={await chromeOf(c)} />);
  });

  routes.post('/two-factor/deactivate', async (c) => {
    const actor = c.get('actor');
    if (!actor) return c.redirect(loginUrl('/two-factor'), 303);
    const runtime = c.get('runtime');
    const db = runtime.db.kysely;
    const locale = localeOf(c);
    if (!mayChangePasswords(actor)) return ownPage(c, { error: translatorOf(c)('apiSafety.passwordNeedsSession') }, 403);
    if (secondFactorRequired(runtime.config.twoFactor, actor)) return ownPage(c, { error: totpMessage('enrol.refusedRequired', undefined, locale) }, 403);
    const account = await findAccountById(db, actor.userId);
    if (!account || account.type !== 'DB' || !(await twoFactorStatus(db, actor.userId)).active) return ownPage(c);
    const address = clientAddress(c);
    // Both proofs, and their failures count like a sign-in's: a stolen session cannot guess them.
    const throttle = await checkThrottle(db, runtime.config.login, account.login, address, locale);
    if (throttle.blocked) return ownPage(c, { error: throttle.message }, 429);
    const form = await formFields(c);
    const password = await verifyPassword(account.passwordHash, (form.password ?? '').slice(0, 1000));
    const code = password.ok ? await useCode(db, runtime.config, actor.userId, (form.code ?? '').slice(0, 40)) : 'wrong';
    if (!password.ok || code === 'wrong' || code === 'unreadable') {
      await recordAttempt(db, runtime.config.login, account.login, address, false);
      const message = !password.ok ? totpMessage('enrol.wrongPassword', undefined, locale) : totpMessage('signIn.wrongCode', undefined, locale);
      return ownPage(c, { error: message }, 401);
    }
    await removeSecondFactor(db, actor.userId);
    runtime.logger.info({ userId: actor.userId }, 'double authentification désactivée par son titulaire');
    setFlash(c, { kind: 'success', text: totpMessage('enrol.deactivated', undefined, locale) });
    return c.redirect('/two-factor', 303);
  });

  return routes;
}
