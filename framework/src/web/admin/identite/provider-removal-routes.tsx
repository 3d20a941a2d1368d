/**
 * « Supprimer » an identity provider (niveau-2 administrators): GET shows what goes with it and
 * asks; POST (CSRF checked by the app's middleware) deletes it and returns to the list.
 */
import { Hono, type Context } from 'hono';
import { findProviderById, type ProviderRow } from '../../../access/oidc/index.ts';
import { csrfToken } from '../../auth/csrf.ts';
import { requireActor } from '../../auth/require-actor.ts';
import type { AppEnv } from '../../env.ts';
import { localeOf } from '../../locale.ts';
import { HttpError } from '../../operations/errors.tsx';
import { renderScreen, setFlash } from '../../screens/shared/index.ts';
import { idOf, instanceAdministrator } from './access.ts';
import { identiteCrumbs } from './breadcrumb.ts';
import { identitePage } from './messages.ts';
import { IDENTITE_PATHS } from './paths.ts';
import { deleteProvider, removalImpact } from './provider-removal.ts';
import { ProviderRemovalView } from './provider-removal-view.tsx';

async function existing(c: Context<AppEnv>): Promise<ProviderRow> {
  const id = idOf(c.req.param('id'));
  const provider = id === undefined ? undefined : await findProviderById(c.get('runtime').db.kysely, id);
  if (!provider) throw HttpError.notFound();
  return provider;
}

export function providerRemovalRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const path = `${IDENTITE_PATHS.providers}/:id{[0-9]+}/supprimer`;

  routes.get(path, requireActor(), async (c) => {
    instanceAdministrator(c);
    const provider = await existing(c);
    const locale = localeOf(c);
    const title = identitePage('remove.title', { libelle: provider.libelle }, locale);
    return renderScreen(c, {
      title,
      breadcrumb: identiteCrumbs(
        locale,
        { label: identitePage('providers.title', undefined, locale), href: IDENTITE_PATHS.providers },
        { label: identitePage('form.editTitle', { libelle: provider.libelle }, locale), href: IDENTITE_PATHS.provider(provider.id) },
        { label: identitePage('remove.crumb', undefined, locale) },
      ),
      children: (
        <ProviderRemovalView id={provider.id} libelle={provider.libelle} impact={await removalImpact(c.get('runtime').db.kysely, provider.id)}
          csrfToken={csrfToken(c)} locale={locale} />
      ),
    });
  });

  routes.post(path, requireActor(), async (c) => {
    const actor = instanceAdministrator(c);
    const provider = await existing(c);
    const locale = localeOf(c);
    if (!(await deleteProvider(c.get('runtime').db.kysely, provider.id, { actor, requestId: c.get('requestId') }))) throw HttpError.notFound();
    c.get('runtime').logger.info({ provider: provider.id, code: provider.code, by: actor.login }, 'fournisseur d’identité supprimé');
    setFlash(c, { kind: 'success', text: identitePage('remove.done', { libelle: provider.libelle }, locale) });
    return c.redirect(IDENTITE_PATHS.providers, 303);
  });

  return routes;
}
