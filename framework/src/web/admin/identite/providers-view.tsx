/** The list of identity providers, with whether each is offered, and the « add » buttons. */
import { clientCredentials, isOffered, PROCONNECT_ENVIRONMENTS, type ProviderRow } from '../../../access/oidc/index.ts';
import type { Locale } from '../../../i18n/index.ts';
import { identitePage } from './messages.ts';
import { IDENTITE_PATHS } from './paths.ts';

export interface ProvidersViewProps {
  readonly providers: readonly ProviderRow[];
  /** Niveau-2 administrators change providers; others only see them. */
  readonly editable: boolean;
  readonly locale: Locale;
}

function stateOf(provider: ProviderRow, locale: Locale): string {
  if (!provider.active) return identitePage('providers.inactive', undefined, locale);
  return identitePage(isOffered(provider) ? 'providers.offered' : 'providers.notOffered', undefined, locale);
}

function AddForms(props: { locale: Locale }) {
  const { locale } = props;
  return (
    <section aria-labelledby="fournisseur-ajout">
      <h2 id="fournisseur-ajout">{identitePage('providers.addHeading', undefined, locale)}</h2>
      <form method="get" action={IDENTITE_PATHS.newProvider} class="en-ligne">
        <input type="hidden" name="modele" value="proconnect" />
        <label for="proconnect-environnement">{identitePage('providers.environment', undefined, locale)}</label>{' '}
        <select id="proconnect-environnement" name="environnement">
          {PROCONNECT_ENVIRONMENTS.map((environment) => (
            <option value={environment} selected={environment === 'production'}>
              {identitePage(`providers.environments.${environment}`, undefined, locale)}
            </option>
          ))}
        </select>{' '}
        <button type="submit">{identitePage('providers.addProconnect', undefined, locale)}</button>
      </form>
      <p>
        <a href={IDENTITE_PATHS.newProvider}>{identitePage('providers.addOther', undefined, locale)}</a>
      </p>
    </section>
  );
}

export function ProvidersView(props: ProvidersViewProps) {
  const { locale } = props;
  return (
    <>
      {props.editable ? null : <p>{identitePage('providers.readOnly', undefined, locale)}</p>}
      {props.providers.length === 0 ? (
        <p>{identitePage('providers.none', undefined, locale)}</p>
      ) : (
        <table class="tableau fournisseurs-identite">
          <caption>{identitePage('providers.caption', undefined, locale)}</caption>
          <thead>
            <tr>
              <th scope="col">{identitePage('providers.libelle', undefined, locale)}</th>
              <th scope="col">{identitePage('providers.code', undefined, locale)}</th>
              <th scope="col">{identitePage('providers.modele', undefined, locale)}</th>
              <th scope="col">{identitePage('providers.variables', undefined, locale)}</th>
              <th scope="col">{identitePage('providers.etat', undefined, locale)}</th>
              {props.editable ? <th scope="col">{identitePage('providers.actions', undefined, locale)}</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.providers.map((provider) => (
              <tr>
                <th scope="row">{provider.libelle}</th>
                <td>
                  <code>{provider.code}</code>
                </td>
                <td>{identitePage(`models.${provider.modele}`, undefined, locale)}</td>
                <td>{identitePage(clientCredentials(provider.code) ? 'form.defined' : 'form.missing', undefined, locale)}</td>
                <td>{stateOf(provider, locale)}</td>
                {props.editable ? (
                  <td>
                    <a href={IDENTITE_PATHS.provider(provider.id)} aria-label={identitePage('providers.editLabel', { libelle: provider.libelle }, locale)}>
                      {identitePage('providers.edit', undefined, locale)}
                    </a>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.editable ? <AddForms locale={locale} /> : null}
    </>
  );
}
