/**
 * « Établissements (SIRET) »: account administrators map SIRETs to their collectivité (niveau 2: to
 * any), list and remove them. A SIRET is checked (14 digits, Luhn key; La Poste's excepted).
 */
import { Hono, type Context } from 'hono';
import { csrfToken } from '../../auth/csrf.ts';
import { requireActor } from '../../auth/require-actor.ts';
import type { AppEnv } from '../../env.ts';
import { localeOf } from '../../locale.ts';
import { renderScreen, setFlash } from '../../screens/shared/index.ts';
import { accountAdministrator } from './access.ts';
import { identiteCrumbs } from './breadcrumb.ts';
import { collectivitesFor } from './choices.ts';
import { addEstablishment, listEstablishments, removeEstablishment } from './establishments.ts';
import { identitePage } from './messages.ts';
import { IDENTITE_PATHS } from './paths.ts';
import { isValidSiret, normalizedSiret } from './siret.ts';
import { SiretsView, type SiretForm } from './sirets-view.tsx';

async function renderSirets(c: Context<AppEnv>, form: SiretForm, status: 200 | 422 = 200): Promise<Response> {
  const actor = accountAdministrator(c);
  const locale = localeOf(c);
  const db = c.get('runtime').db.kysely;
  const title = identitePage('sirets.title', undefined, locale);
  return renderScreen(c, {
    title,
    breadcrumb: identiteCrumbs(locale, { label: title }),
    status,
    children: (
      <SiretsView establishments={await listEstablishments(db, actor)} collectivites={await collectivitesFor(db, actor)} form={form}
        csrfToken={csrfToken(c)} locale={locale} />
    ),
  });
}

const field = (body: Record<string, unknown>, name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');

export function siretsRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get(IDENTITE_PATHS.sirets, requireActor(), (c) => {
    const actor = accountAdministrator(c);
    return renderSirets(c, { siret: '', libelle: '', collectivite: String(actor.collectivite) });
  });

  routes.post(IDENTITE_PATHS.sirets, requireActor(), async (c) => {
    const actor = accountAdministrator(c);
    const locale = localeOf(c);
    const db = c.get('runtime').db.kysely;
    const body = await c.req.parseBody();
    const typed = field(body, 'siret');
    const form: SiretForm = { siret: typed, libelle: field(body, 'libelle'), collectivite: field(body, 'om_collectivite') };
    const siret = normalizedSiret(typed);
    if (!isValidSiret(siret)) {
      return renderSirets(c, { ...form, error: { field: 'siret', message: identitePage('sirets.invalid', { siret: typed }, locale) } }, 422);
    }
    if (form.libelle.length > 150) return renderSirets(c, { ...form, error: { field: 'libelle', message: identitePage('sirets.libelleTooLong', undefined, locale) } }, 422);
    const collectivite = (await collectivitesFor(db, actor)).find((choice) => String(choice.id) === form.collectivite);
    if (!collectivite) {
      return renderSirets(c, { ...form, error: { field: 'collectivite', message: identitePage('sirets.unknownCollectivite', undefined, locale) } }, 422);
    }
    if (!(await addEstablishment(db, actor, siret, collectivite.id, form.libelle || undefined, c.get('requestId')))) {
      return renderSirets(c, { ...form, error: { field: 'siret', message: identitePage('sirets.taken', undefined, locale) } }, 422);
    }
    c.get('runtime').logger.info({ siret, collectivite: collectivite.id, by: actor.login }, 'SIRET rattaché');
    setFlash(c, { kind: 'success', text: identitePage('sirets.added', { siret, collectivite: collectivite.libelle }, locale) });
    return c.redirect(IDENTITE_PATHS.sirets, 303);
  });

  routes.post(`${IDENTITE_PATHS.sirets}/:siret/supprimer`, requireActor(), async (c) => {
    const actor = accountAdministrator(c);
    const locale = localeOf(c);
    const siret = c.req.param('siret');
    const removed = /^[0-9]{14}$/.test(siret) && (await removeEstablishment(c.get('runtime').db.kysely, actor, siret, c.get('requestId')));
    if (removed) c.get('runtime').logger.info({ siret, by: actor.login }, 'SIRET retiré');
    setFlash(c, removed ? { kind: 'success', text: identitePage('sirets.removed', { siret }, locale) } : { kind: 'error', text: identitePage('sirets.notFound', undefined, locale) });
    return c.redirect(IDENTITE_PATHS.sirets, 303);
  });

  return routes;
}
