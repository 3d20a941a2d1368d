/**
 * « Demandes d’accès en attente »: the waiting list and one request, « Accepter » (collectivité,
 * profile, remember the SIRET) and « Refuser » (with a reason), through the access/oidc functions
 * that check, again, who may decide.
 */
import { Hono, type Context } from 'hono';
import { acceptHeldSignIn, findHeldSignIn, findProviderById, listHeldSignIns, refuseHeldSignIn } from '../../../access/oidc/index.ts';
import { csrfToken } from '../../auth/csrf.ts';
import { requireActor } from '../../auth/require-actor.ts';
import type { AppEnv } from '../../env.ts';
import { localeOf } from '../../locale.ts';
import { HttpError } from '../../operations/errors.tsx';
import { renderScreen, setFlash } from '../../screens/shared/index.ts';
import { accountAdministrator, idOf, isInstanceAdministrator } from './access.ts';
import { identiteCrumbs } from './breadcrumb.ts';
import { collectivitesFor, profiles } from './choices.ts';
import { heldName, HeldListView, HeldOneView } from './held-view.tsx';
import { identitePage } from './messages.ts';
import { IDENTITE_PATHS } from './paths.ts';

async function waiting(c: Context<AppEnv>) {
  const id = idOf(c.req.param('id'));
  const held = id === undefined ? undefined : await findHeldSignIn(c.get('runtime').db.kysely, id);
  if (!held || held.status !== 'attente') throw HttpError.notFound(identitePage('held.none', undefined, localeOf(c)));
  return held;
}

const field = (body: Record<string, unknown>, name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');

export function heldRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get(IDENTITE_PATHS.held, requireActor(), async (c) => {
    accountAdministrator(c);
    const locale = localeOf(c);
    const title = identitePage('held.title', undefined, locale);
    return renderScreen(c, {
      title,
      breadcrumb: identiteCrumbs(locale, { label: title }),
      children: <HeldListView held={await listHeldSignIns(c.get('runtime').db.kysely, 'attente')} locale={locale} />,
    });
  });

  routes.get(`${IDENTITE_PATHS.held}/:id{[0-9]+}`, requireActor(), async (c) => {
    const actor = accountAdministrator(c);
    const locale = localeOf(c);
    const db = c.get('runtime').db.kysely;
    const held = await waiting(c);
    const provider = await findProviderById(db, held.providerId);
    const title = identitePage('held.oneTitle', { name: heldName(held, locale) }, locale);
    return renderScreen(c, {
      title,
      breadcrumb: identiteCrumbs(locale, { label: identitePage('held.title', undefined, locale), href: IDENTITE_PATHS.held }, { label: title }),
      children: (
        <HeldOneView held={held} collectivites={await collectivitesFor(db, actor)} profiles={await profiles(db)} defaultProfile={provider?.defaultProfile}
          mayRefuse={isInstanceAdministrator(actor)} csrfToken={csrfToken(c)} locale={locale} />
      ),
    });
  });

  routes.post(`${IDENTITE_PATHS.held}/:id{[0-9]+}/accepter`, requireActor(), async (c) => {
    const actor = accountAdministrator(c);
    const locale = localeOf(c);
    const held = await waiting(c);
    const body = await c.req.parseBody();
    const collectivite = idOf(field(body, 'om_collectivite'));
    const profil = idOf(field(body, 'om_profil'));
    if (collectivite === undefined || profil === undefined) {
      setFlash(c, { kind: 'error', text: identitePage('held.badChoice', undefined, locale) });
      return c.redirect(IDENTITE_PATHS.heldOne(held.id), 303);
    }
    const outcome = await acceptHeldSignIn(c.get('runtime'), actor, held.id, { collectivite, profil, rememberSiret: field(body, 'retenir_siret') !== '' });
    if (!outcome.ok) {
      setFlash(c, { kind: 'error', text: outcome.message });
      return c.redirect(IDENTITE_PATHS.heldOne(held.id), 303);
    }
    setFlash(c, { kind: 'success', text: identitePage('held.accepted', { name: heldName(held, locale) }, locale) });
    return c.redirect(IDENTITE_PATHS.held, 303);
  });

  routes.post(`${IDENTITE_PATHS.held}/:id{[0-9]+}/refuser`, requireActor(), async (c) => {
    const actor = accountAdministrator(c);
    const locale = localeOf(c);
    if (!isInstanceAdministrator(actor)) throw HttpError.forbidden(identitePage('held.refuseNotAllowed', undefined, locale));
    const held = await waiting(c);
    const outcome = await refuseHeldSignIn(c.get('runtime'), actor, held.id, field(await c.req.parseBody(), 'motif'));
    if (!outcome.ok) {
      setFlash(c, { kind: 'error', text: outcome.message });
      return c.redirect(IDENTITE_PATHS.heldOne(held.id), 303);
    }
    setFlash(c, { kind: 'success', text: identitePage('held.refused', { name: heldName(held, locale) }, locale) });
    return c.redirect(IDENTITE_PATHS.held, 303);
  });

  return routes;
}
