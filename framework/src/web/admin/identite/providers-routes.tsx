/**
 * Identity providers: the list (every account administrator), and for the niveau-2 ones the form
 * to add (ProConnect from its preset, or any provider by discovery URL) or change one, and
 * « Tester la découverte ».
 */
import { Hono, type Context } from 'hono';
import { findProviderById, listProviders, PROCONNECT_ENVIRONMENTS, type ProConnectEnvironment } from '../../../access/oidc/index.ts';
import { csrfToken } from '../../auth/csrf.ts';
import { requireActor } from '../../auth/require-actor.ts';
import type { AppEnv } from '../../env.ts';
import { localeOf } from '../../locale.ts';
import { HttpError } from '../../operations/errors.tsx';
import { renderScreen, setFlash } from '../../screens/shared/index.ts';
import { accountAdministrator, idOf, instanceAdministrator, isInstanceAdministrator } from './access.ts';
import { identiteCrumbs } from './breadcrumb.ts';
import { profiles } from './choices.ts';
import { checkDiscovery, type DiscoveryReport } from './discovery-check.ts';
import { identitePage } from './messages.ts';
import { IDENTITE_PATHS } from './paths.ts';
import { blankForm, checkProviderForm, formFromInput, formOfProvider, proconnectForm, type ProviderForm, type ProviderFormErrors } from './provider-form.ts';
import { ProviderFormView } from './provider-form-view.tsx';
import { codeTaken, insertProvider, updateProvider } from './provider-store.ts';
import { ProvidersView } from './providers-view.tsx';

async function renderForm(
  c: Context<AppEnv>,
  page: { id: number | undefined; title: string; form: ProviderForm; errors?: ProviderFormErrors; discovery?: DiscoveryReport; status?: 200 | 422 },
): Promise<Response> {
  const locale = localeOf(c);
  return renderScreen(c, {
    title: page.title,
    breadcrumb: identiteCrumbs(locale, { label: identitePage('providers.title', undefined, locale), href: IDENTITE_PATHS.providers }, { label: page.title }),
    status: page.status ?? 200,
    children: (
      <ProviderFormView id={page.id} form={page.form} errors={page.errors ?? {}} profiles={await profiles(c.get('runtime').db.kysely)}
        env={process.env} discovery={page.discovery} csrfToken={csrfToken(c)} locale={locale} />
    ),
  });
}

const isEnvironment = (value: string | undefined): value is ProConnectEnvironment =>
  (PROCONNECT_ENVIRONMENTS as readonly string[]).includes(value ?? '');

/** Checks and saves a posted form; the response (a redirect, or the form again with its errors). */
async function save(c: Context<AppEnv>, id: number | undefined, title: string): Promise<Response> {
  const locale = localeOf(c);
  const db = c.get('runtime').db.kysely;
  const author = { actor: instanceAdministrator(c), requestId: c.get('requestId') };
  const form = formFromInput(await c.req.parseBody());
  const known = new Set((await profiles(db)).map((profile) => profile.id));
  const checked = checkProviderForm(form, { profiles: known, locale });
  let errors: ProviderFormErrors = checked.ok ? {} : checked.errors;
  if (!errors.code && (await codeTaken(db, form.code, id))) errors = { ...errors, code: identitePage('errors.codeTaken', undefined, locale) };
  if (!checked.ok || Object.keys(errors).length > 0) return renderForm(c, { id, title, form, errors, status: 422 });
  if (id === undefined) {
    const created = await insertProvider(db, checked.values, author);
    setFlash(c, { kind: 'success', text: identitePage('form.created', { libelle: checked.values.libelle }, locale) });
    c.get('runtime').logger.info({ provider: created, code: checked.values.code }, 'fournisseur d’identité ajouté');
    return c.redirect(IDENTITE_PATHS.provider(created), 303);
  }
  if (!(await updateProvider(db, id, checked.values, author))) throw HttpError.notFound();
  c.get('runtime').logger.info({ provider: id, code: checked.values.code }, 'fournisseur d’identité modifié');
  setFlash(c, { kind: 'success', text: identitePage('form.saved', { libelle: checked.values.libelle }, locale) });
  return c.redirect(IDENTITE_PATHS.provider(id), 303);
}

async function existing(c: Context<AppEnv>) {
  const id = idOf(c.req.param('id'));
  const provider = id === undefined ? undefined : await findProviderById(c.get('runtime').db.kysely, id);
  if (!provider) throw HttpError.notFound();
  return provider;
}

export function providersRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get(IDENTITE_PATHS.providers, requireActor(), async (c) => {
    const actor = accountAdministrator(c);
    const locale = localeOf(c);
    const title = identitePage('providers.title', undefined, locale);
    return renderScreen(c, {
      title,
      breadcrumb: identiteCrumbs(locale, { label: title }),
      children: <ProvidersView providers={await listProviders(c.get('runtime').db.kysely)} editable={isInstanceAdministrator(actor)} locale={locale} />,
    });
  });

  routes.get(IDENTITE_PATHS.newProvider, requireActor(), async (c) => {
    instanceAdministrator(c);
    const environment = c.req.query('environnement');
    const form = c.req.query('modele') === 'proconnect' ? proconnectForm(isEnvironment(environment) ? environment : 'production') : blankForm();
    return renderForm(c, { id: undefined, title: identitePage('form.newTitle', undefined, localeOf(c)), form });
  });

  routes.post(IDENTITE_PATHS.providers, requireActor(), async (c) => {
    instanceAdministrator(c);
    return save(c, undefined, identitePage('form.newTitle', undefined, localeOf(c)));
  });

  routes.get(`${IDENTITE_PATHS.providers}/:id{[0-9]+}`, requireActor(), async (c) => {
    instanceAdministrator(c);
    const provider = await existing(c);
    return renderForm(c, { id: provider.id, title: identitePage('form.editTitle', { libelle: provider.libelle }, localeOf(c)), form: formOfProvider(provider) });
  });

  routes.post(`${IDENTITE_PATHS.providers}/:id{[0-9]+}`, requireActor(), async (c) => {
    instanceAdministrator(c);
    const provider = await existing(c);
    return save(c, provider.id, identitePage('form.editTitle', { libelle: provider.libelle }, localeOf(c)));
  });

  routes.post(`${IDENTITE_PATHS.providers}/:id{[0-9]+}/decouverte`, requireActor(), async (c) => {
    instanceAdministrator(c);
    const provider = await existing(c);
    const locale = localeOf(c);
    const discovery = await checkDiscovery(provider.discoveryUrl, provider.clientAuth, locale);
    return renderForm(c, { id: provider.id, title: identitePage('form.editTitle', { libelle: provider.libelle }, locale), form: formOfProvider(provider), discovery });
  });

  return routes;
}
