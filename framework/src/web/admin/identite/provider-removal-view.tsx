/** The confirmation page of « Supprimer » a provider: what goes with it, what stays, then the button. */
import type { Locale } from '../../../i18n/index.ts';
import { CSRF_FIELD } from '../../auth/csrf.ts';
import { identitePage } from './messages.ts';
import { IDENTITE_PATHS } from './paths.ts';
import type { RemovalImpact } from './provider-removal.ts';

export interface ProviderRemovalViewProps {
  readonly id: number;
  readonly libelle: string;
  readonly impact: RemovalImpact;
  readonly csrfToken: string;
  readonly locale: Locale;
}

export function ProviderRemovalView(props: ProviderRemovalViewProps) {
  const { impact, locale } = props;
  return (
    <div class="confirmation">
      <p>{identitePage('remove.goes', undefined, locale)}</p>
      <ul>
        <li>{identitePage('remove.links', { count: impact.links }, locale)}</li>
        <li>{identitePage('remove.pending', { count: impact.pending }, locale)}</li>
        <li>{identitePage('remove.handled', { count: impact.handled }, locale)}</li>
        <li>{identitePage('remove.exchanges', undefined, locale)}</li>
      </ul>
      <p>
        {identitePage('remove.accountsStay', undefined, locale)} {identitePage('remove.orphans', { count: impact.orphans }, locale)}
      </p>
      <p>{identitePage('remove.sessions', undefined, locale)}</p>
      <form method="post" action={IDENTITE_PATHS.removeProvider(props.id)} class="formulaire-confirmation">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <p class="question">{identitePage('remove.question', { libelle: props.libelle }, locale)}</p>
        <div class="boutons">
          <button type="submit">{identitePage('remove.confirm', undefined, locale)}</button>{' '}
          <a class="bouton bouton-secondaire" href={IDENTITE_PATHS.provider(props.id)}>
            {identitePage('remove.cancel', undefined, locale)}
          </a>
        </div>
      </form>
    </div>
  );
}
