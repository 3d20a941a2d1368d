import { Hono, type Context } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../../access/actor.ts';
import { OWN_TOKENS_PERMISSION, createApiToken, listApiTokens, revokeApiToken } from '../../access/api-tokens.ts';
import { loadActor } from '../../access/load-actor.ts';
import { authenticate, type AuthFailureReason } from '../../access/login.ts';
import { mayChangePasswords } from '../../access/end-user-access.ts';
import { OWN_PASSWORD_PERMISSION, changePassword } from '../../access/password-change.ts';
import { createSession, revokeSession, setWorkingCollectivite } from '../../access/sessions.ts';
import { readAs } from '../../db/tenant-context.ts';
import { translator, type Locale } from '../../i18n/index.ts';
import type { AppEnv } from '../env.ts';
import { localeOf, translatorOf } from '../locale.ts';
import { clientAddress } from './client-address.ts';
import { clearSessionCookie, setSessionCookie } from './cookies.ts';
import { csrfToken } from './csrf.ts';
import { describeActor, tokenJson } from './me.ts';
import { requireActor, signedIn } from './require-actor.ts';
import { jsonRefusal } from './respond.tsx';

type C = Context<AppEnv>;

/** The request bodies, their messages in one language. */
function bodiesIn(locale: Locale) {
  const tr = translator(locale);
  const text = (name: string, max: number) =>
    z.string({ error: tr('api.fieldText', { name }) }).max(max, { error: tr('api.fieldTooLong', { name }) });
  const notADate = tr('api.fieldDate', { name: 'expire_le' });
  return {
    login: z.object({ login: text('login', 200), password: text('password', 1000), code: text('code', 40).optional() }),
    password: z.object({
      current: text('current', 1000),
      password: text('password', 1000),
      confirmation: text('confirmation', 1000),
    }),
    collectivite: z.object({
      collectivite: z.union([z.number().int().positive(), z.null()], { error: tr('api.fieldCollectivite', { name: 'collectivite' }) }),
    }),
    token: z.object({
      libelle: text('libelle', 100).trim().min(1, { error: tr('api.fieldRequired', { name: 'libelle' }) }),
      expire_le: z.string({ error: notADate }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: notADate }).nullish(),
    }),
  };
}

const bodiesByLocale = new Map<Locale, ReturnType<typeof bodiesIn>>();

/** The request bodies in the request's language (built once per language). */
function bodies(c: C): ReturnType<typeof bodiesIn> {
  const locale = localeOf(c);
  let found = bodiesByLocale.get(locale);
  if (!found) {
    found = bodiesIn(locale);
    bodiesByLocale.set(locale, found);
  }
  return found;
}

/** Reads a JSON body against a schema; on failure, the 400 response to return. */
async function readJson<T>(c: C, schema: z.ZodType<T>): Promise<{ data: T } | { response: Response }> {
  const tr = translatorOf(c);
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return { response: jsonRefusal(c, 400, 'bad_request', tr('api.jsonObjectExpected')) };
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return { data: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.code === 'invalid_type' && issue.input === undefined ? tr('api.fieldRequired', { name: key }) : issue.message;
  }
  return { response: jsonRefusal(c, 400, 'bad_request', tr('access.invalidRequest'), fields) };
}

const LOGIN_FAILURE: Record<AuthFailureReason, { status: 400 | 401 | 403 | 429; code: string }> = {
  missing: { status: 400, code: 'missing_credentials' },
  invalid: { status: 401, code: 'invalid_credentials' },
  throttled: { status: 429, code: 'too_many_attempts' },
  ldap: { status: 403, code: 'directory_refused' },
  code: { status: 401, code: 'invalid_second_factor' },
};

/** A right password whose account still owes a code (sent as `code`), or must first set its second factor up on the login page. */
const SECOND_FACTOR = { code: 'second_factor_required', inscription: 'second_factor_enrolment_required' } as const;

/** The day after `date` at midnight (server time): a token « valid until » a date works all that day. */
function endOfDay(date: string): Date | undefined {
  const check = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date) return undefined;
  const day = new Date(`${date}T00:00:00`);
  day.setDate(day.getDate() + 1);
  return day;
}

/** The JSON side of authentication: login, logout, the signed-in user, password, tokens. */
export function authApiRoutes(): Hono<AppEnv> {
  const api = new Hono<AppEnv>();

  /** The CSRF token to send as `X-CSRF-Token` (the session's, or an anonymous one before login). */
  api.get('/api/v1/csrf', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ csrfToken: csrfToken(c) });
  });

  api.post('/api/v1/login', async (c) => {
    const body = await readJson(c, bodies(c).login);
    if ('response' in body) return body.response;
    const runtime = c.get('runtime');
    const result = await authenticate(runtime, body.data.login, body.data.password, clientAddress(c), {
      userAgent: c.req.header('User-Agent'),
      code: body.data.code,
    });
    if (!result.ok && result.reason === 'second_factor') return jsonRefusal(c, 401, SECOND_FACTOR[result.step], result.message);
    if (!result.ok) {
      const { status, code } = LOGIN_FAILURE[result.reason];
      return jsonRefusal(c, status, code, result.message);
    }
    const previous = c.get('session');
    if (previous) await revokeSession(runtime.db.kysely, previous.id);
    setSessionCookie(c, result.token);
    const actor = await loadActor(runtime.db.kysely, result.userId);
    if (!actor) return jsonRefusal(c, 401, 'invalid_credentials', translatorOf(c)('access.invalidCredentials'));
    c.set('session', { id: result.session.id, csrfToken: result.session.csrfToken });
    c.set('actor', actor);
    c.header('Cache-Control', 'no-store');
    return c.json({ csrfToken: result.session.csrfToken, user: await describeActor(runtime.db.kysely, actor) });
  });

  api.post('/api/v1/logout', async (c) => {
    const session = c.get('session');
    if (session) await revokeSession(c.get('runtime').db.kysely, session.id);
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  api.use('/api/v1/me', requireActor());
  api.use('/api/v1/me/*', requireActor());

  api.get('/api/v1/me', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await describeActor(c.get('runtime').db.kysely, signedIn(c)));
  });

  api.post('/api/v1/me/password', async (c) => {
    const actor = signedIn(c);
    const tr = translatorOf(c);
    if (!actor.permissions.has(OWN_PASSWORD_PERMISSION)) return jsonRefusal(c, 403, 'forbidden', tr('access.forbidden'));
    if (!mayChangePasswords(actor)) return jsonRefusal(c, 403, 'session_required', tr('apiSafety.passwordNeedsSession'));
    const body = await readJson(c, bodies(c).password);
    if ('response' in body) return body.response;
    const runtime = c.get('runtime');
    const db = runtime.db.kysely;
    const { current, password, confirmation } = body.data;
    const result = await changePassword(db, actor.userId, { current, next: password, confirmation }, localeOf(c));
    if (!result.ok) {
      const fields: Record<string, string> = {};
      for (const error of result.errors) fields[error.field] = fields[error.field] ? `${fields[error.field]} ${error.message}` : error.message;
      return jsonRefusal(c, 422, 'validation_failed', result.errors[0]?.message ?? tr('access.invalidRequest'), fields);
    }
    // Every session ended; a browser that asked through its session gets a new one.
    if (actor.via !== 'session') return c.json({ message: tr('access.passwordChanged') });
    const { token, session } = await createSession(db, runtime.config.session, actor.userId, {
      address: clientAddress(c),
      userAgent: c.req.header('User-Agent'),
    });
    setSessionCookie(c, token);
    c.set('session', { id: session.id, csrfToken: session.csrfToken });
    return c.json({ message: tr('access.passwordChanged'), csrfToken: session.csrfToken });
  });

  api.post('/api/v1/me/collectivite', async (c) => {
    const actor = signedIn(c);
    const session = c.get('session');
    const tr = translatorOf(c);
    if (actor.niveau !== '2') return jsonRefusal(c, 403, 'forbidden', tr('access.collectiviteNiveau2Only'));
    if (!session) return jsonRefusal(c, 400, 'session_required', tr('access.sessionRequired'));
    const body = await readJson(c, bodies(c).collectivite);
    if ('response' in body) return body.response;
    const db = c.get('runtime').db.kysely;
    const chosen = body.data.collectivite;
    if (chosen !== null) {
      const found = await readAs(db, SYSTEM_ACTOR, (connection) =>
        sql`select 1 from om.om_collectivite where om_collectivite = ${chosen}`.execute(connection),
      );
      if (found.rows.length === 0) {
        const unknown = tr('access.collectiviteUnknown');
        return jsonRefusal(c, 422, 'validation_failed', unknown, { collectivite: unknown });
      }
    }
    await setWorkingCollectivite(db, session.id, chosen);
    const updated = await loadActor(db, actor.userId, chosen, 'session');
    if (!updated) return jsonRefusal(c, 401, 'unauthenticated', tr('access.authenticationRequired'));
    c.set('actor', updated);
    return c.json(await describeActor(db, updated));
  });

  api.get('/api/v1/me/tokens', async (c) => {
    const actor = signedIn(c);
    if (!actor.permissions.has(OWN_TOKENS_PERMISSION)) return jsonRefusal(c, 403, 'forbidden', translatorOf(c)('access.forbidden'));
    c.header('Cache-Control', 'no-store');
    return c.json({ data: (await listApiTokens(c.get('runtime').db.kysely, actor.userId)).map(tokenJson) });
  });

  api.post('/api/v1/me/tokens', async (c) => {
    const actor = signedIn(c);
    const tr = translatorOf(c);
    if (!actor.permissions.has(OWN_TOKENS_PERMISSION)) return jsonRefusal(c, 403, 'forbidden', tr('access.forbidden'));
    if (actor.via !== 'session') return jsonRefusal(c, 403, 'session_required', tr('access.tokenCannotCreateToken'));
    const body = await readJson(c, bodies(c).token);
    if ('response' in body) return body.response;
    let expiresAt: Date | null = null;
    if (body.data.expire_le) {
      const end = endOfDay(body.data.expire_le);
      const message = tr('api.fieldFutureDate', { name: 'expire_le' });
      if (!end || end.getTime() <= Date.now()) return jsonRefusal(c, 422, 'validation_failed', message, { expire_le: message });
      expiresAt = end;
    }
    const { token, info } = await createApiToken(c.get('runtime').db.kysely, actor.userId, body.data.libelle, expiresAt);
    c.header('Cache-Control', 'no-store');
    return c.json({ ...tokenJson(info), jeton: token, message: tr('access.tokenCreatedNotice') }, 201);
  });

  api.delete('/api/v1/me/tokens/:id', async (c) => {
    const actor = signedIn(c);
    const tr = translatorOf(c);
    if (!actor.permissions.has(OWN_TOKENS_PERMISSION)) return jsonRefusal(c, 403, 'forbidden', tr('access.forbidden'));
    const id = Number(c.req.param('id'));
    const revoked = Number.isSafeInteger(id) && id > 0 && (await revokeApiToken(c.get('runtime').db.kysely, actor.userId, id));
    if (!revoked) return jsonRefusal(c, 404, 'not_found', tr('access.tokenNotFound'));
    return c.body(null, 204);
  });

  return api;
}
