import type { Locale } from '../../../i18n/index.ts';
import { oidcMessage } from '../../../access/oidc/index.ts';
import type { FederatedOption } from './login-options.ts';

/**
 * One button per identity provider offered, below the password form. ProConnect's follows the
 * State's guidelines (DSFR's FranceConnect button, renamed): « S’identifier avec ProConnect »,
 * its logo (a static file, through the stylesheet), and « Qu’est-ce que ProConnect ? » opening
 * proconnect.gouv.fr in a new window. Each is a link, not a form: the CSP's `form-action 'self'`
 * would stop a form whose answer redirects to the provider; `came_from` travels in the address.
 */
export function FederatedSignIn(props: { options: readonly FederatedOption[]; cameFrom?: string | undefined; locale?: Locale | undefined }) {
  if (props.options.length === 0) return null;
  const { locale } = props;
  const what = oidcMessage('signIn.proconnectWhat', undefined, locale);
  return (
    <section class="connexion-federee" aria-label={oidcMessage('signIn.section', undefined, locale)}>
      <p class="connexion-federee__separateur">{oidcMessage('signIn.or', undefined, locale)}</p>
      {props.options.map((option) => {
        const href = `/login/oidc/${option.code}${props.cameFrom ? `?came_from=${encodeURIComponent(props.cameFrom)}` : ''}`;
        return option.proconnect ? (
          <div class="fr-connect-group">
            <a class="fr-connect" href={href}>
              <span class="fr-connect__login">{oidcMessage('signIn.proconnectLogin', undefined, locale)}</span>{' '}
              <span class="fr-connect__brand">ProConnect</span>
            </a>
            <p>
              <a href="https://www.proconnect.gouv.fr/" target="_blank" rel="noopener" title={`${what} - ${oidcMessage('signIn.newWindow', undefined, locale)}`}>
                {what}
              </a>
            </p>
          </div>
        ) : (
          <p>
            <a class="bouton" href={href}>{oidcMessage('signIn.button', { libelle: option.libelle }, locale)}</a>
          </p>
        );
      })}
    </section>
  );
}
