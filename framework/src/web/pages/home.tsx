import type { Actor } from '../../access/actor.ts';
import { can } from '../../access/permissions.ts';
import { defaultLocale, tParts, translator, type Locale } from '../../i18n/index.ts';
import type { Registry } from '../../model/registry.ts';
import type { Chrome } from '../layout/chrome.ts';
import { Layout } from '../layout/layout.tsx';

/**
 * The home page of a signed-in user: who they are, where they work, and the objects they may
 * list (each with its API address), in the common layout (the header holds the account actions).
 * The full dashboard with widgets replaces the list later.
 * Texts in `locale` (default: the process language).
 */
export function HomePage(props: { actor: Actor; registry: Registry; collectivite: string; chrome?: Chrome | undefined; locale?: Locale | undefined }) {
  const { actor, registry } = props;
  const locale = props.locale ?? defaultLocale();
  const tr = translator(locale);
  const objects = registry
    .all()
    .filter((object) => can(actor, object.name, 'tab'))
    .sort((a, b) => a.meta.label.localeCompare(b.meta.label, locale));
  const signedInAs = tParts(
    'pages.home.signedInAs',
    {
      nom: <strong>{actor.nom}</strong>,
      login: actor.login,
      profil: actor.profileLabel,
      collectivite: <strong>{props.collectivite}</strong>,
    },
    locale,
  );
  return (
    <Layout documentTitle={tr('pages.home.title')} chrome={props.chrome} locale={locale} breadcrumb={[{ label: tr('layout.home') }]}>
      <h1>{tr('pages.home.heading')}</h1>
      <p>{signedInAs}</p>
      <h2>{tr('pages.home.objects')}</h2>
      {objects.length === 0 ? (
        <p>{tr('pages.home.noObjects')}</p>
      ) : (
        <ul>
          {objects.map((object) => {
            const address = `/api/v1/${object.app}/${object.name}`;
            return <li>{tParts('pages.home.objectApi', { label: object.meta.label, link: <a href={address}>{address}</a> }, locale)}</li>;
          })}
        </ul>
      )}
      <p>{tParts('pages.home.apiDescription', { link: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> }, locale)}</p>
    </Layout>
  );
}
