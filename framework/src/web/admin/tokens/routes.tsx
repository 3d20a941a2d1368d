import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Actor } from '../../../access/actor.ts';
import { createApiToken, listApiTokens, OWN_TOKENS_PERMISSION, revokeApiToken } from '../../../access/api-tokens.ts';
import { holds } from '../../../access/permissions.ts';
import { translator, type Translate } from '../../../i18n/index.ts';
import { parseFrenchDate } from '../../../records/index.ts';
import { csrfToken } from '../../auth/csrf.ts';
import { requireActor } from '../../auth/require-actor.ts';
import type { AppEnv } from '../../env.ts';
import type { Message } from '../../layout/layout.tsx';
import { localeOf } from '../../locale.ts';
import { HttpError } from '../../operations/index.ts';
import { actorOf, renderScreen, setFlash } from '../../screens/shared/index.ts';
import { ADMIN_PATHS } from '../paths.ts';
import { formValue } from '../service.ts';
import { TokensView, type TokenForm } from './view.tsx';

const LABEL_MAX = 100;
const EMPTY_FORM: TokenForm = { libelle: '', expiry: '', errors: {} };

/** Only the owner manages their tokens, with the permission every profile gets (`api_token`). */
function tokenOwner(c: Context<AppEnv>): Actor {
  const actor = actorOf(c);
  if (!holds(actor, OWN_TOKENS_PERMISSION)) throw HttpError.forbidden();
  return actor;
}

/** A token « valid until » a day works all that day: it expires at the next midnight (server time), as in the API. */
function endOfDay(isoDate: string): Date {
  const day = new Date(`${isoDate}T00:00:00`);
  day.setDate(day.getDate() + 1);
  return day;
}

interface ReadForm {
  readonly form: TokenForm;
  readonly expiresAt: Date | null;
}

function readForm(body: Record<string, unknown>, tr: Translate): ReadForm {
  const libelle = formValue(body, 'libelle').trim();
  const expiry = formValue(body, 'expire_le').trim();
  const errors: { libelle?: string; expiry?: string } = {};
  const label = tr('admin.tokens.libelle');
  if (libelle === '') errors.libelle = tr('records.rules.required', { label });
  else if ([...libelle].length > LABEL_MAX) errors.libelle = tr('records.rules.tooLong', { label, max: LABEL_MAX, length: [...libelle].length });
  let expiresAt: Date | null = null;
  if (expiry !== '') {
    const iso = parseFrenchDate(expiry);
    if (!iso) errors.expiry = tr('admin.tokens.expiryInvalid');
    else if (endOfDay(iso).getTime() <= Date.now()) errors.expiry = tr('admin.tokens.expiryPast');
    else expiresAt = endOfDay(iso);
  }
  return { form: { libelle, expiry, errors }, expiresAt };
}

interface PageState {
  readonly form?: TokenForm;
  readonly created?: string;
  readonly messages?: Message[];
  readonly status?: ContentfulStatusCode;
}

async function renderTokens(c: Context<AppEnv>, actor: Actor, state: PageState = {}): Promise<Response> {
  const locale = localeOf(c);
  const tr = translator(locale);
  const tokens = await listApiTokens(c.get('runtime').db.kysely, actor.userId);
  const title = tr('admin.tokens.title');
  return renderScreen(c, {
    title,
    breadcrumb: [{ label: tr('layout.home'), href: '/' }, { label: title }],
    messages: state.messages ?? [],
    status: state.status ?? 200,
    children: (
      <TokensView tokens={tokens} created={state.created} form={state.form ?? EMPTY_FORM} csrfToken={csrfToken(c)} locale={locale} now={Date.now()} />
    ),
  });
}

/** « Mes jetons d’API » (`/compte/jetons`): list, create (the secret shown once), revoke. */
export function tokenRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get(ADMIN_PATHS.tokens, requireActor(), async (c) => renderTokens(c, tokenOwner(c)));

  routes.post(ADMIN_PATHS.tokens, requireActor(), async (c) => {
    const actor = tokenOwner(c);
    const tr = translator(localeOf(c));
    if (actor.via !== 'session') throw HttpError.forbidden(tr('access.tokenCannotCreateToken'));
    const { form, expiresAt } = readForm(await c.req.parseBody(), tr);
    if (Object.keys(form.errors).length > 0) {
      return renderTokens(c, actor, { form, status: 422 });
    }
    const { token, info } = await createApiToken(c.get('runtime').db.kysely, actor.userId, form.libelle, expiresAt);
    return renderTokens(c, actor, { created: token, messages: [{ kind: 'success', text: tr('admin.tokens.created', { libelle: info.label }) }] });
  });

  routes.post(`${ADMIN_PATHS.tokens}/:id{[0-9]+}/revoquer`, requireActor(), async (c) => {
    const actor = tokenOwner(c);
    const tr = translator(localeOf(c));
    const db = c.get('runtime').db.kysely;
    const id = Number(c.req.param('id'));
    const token = (await listApiTokens(db, actor.userId)).find((candidate) => candidate.id === id);
    if (!token || !Number.isSafeInteger(id) || !(await revokeApiToken(db, actor.userId, id))) {
      return renderTokens(c, actor, { status: 404, messages: [{ kind: 'error', text: tr('access.tokenNotFound') }] });
    }
    setFlash(c, { kind: 'success', text: tr('admin.tokens.revoked', { libelle: token.label }) });
    return c.redirect(ADMIN_PATHS.tokens, 303);
  });

  return routes;
}
