/** « Établissements (SIRET) »: the mapped SIRETs, « Retirer », and the form that maps one. */
import type { Locale } from '../../../i18n/index.ts';
import { CSRF_FIELD } from '../../auth/csrf.ts';
import type { Choice } from './choices.ts';
import type { Establishment } from './establishments.ts';
import { identitePage } from './messages.ts';
import { IDENTITE_PATHS } from './paths.ts';

export interface SiretForm {
  readonly siret: string;
  readonly libelle: string;
  readonly collectivite: string;
  readonly error?: { readonly field: 'siret' | 'libelle' | 'collectivite'; readonly message: string } | undefined;
}

export interface SiretsViewProps {
  readonly establishments: readonly Establishment[];
  readonly collectivites: readonly Choice[];
  readonly form: SiretForm;
  readonly csrfToken: string;
  readonly locale: Locale;
}

/** « 213 105 554 00016 »: SIREN then NIC, as printed on INSEE notices. */
const displayed = (siret: string) => `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;

function List(props: SiretsViewProps) {
  const { locale } = props;
  if (props.establishments.length === 0) return <p>{identitePage('sirets.none', undefined, locale)}</p>;
  return (
    <table class="tableau etablissements">
      <caption>{identitePage('sirets.caption', undefined, locale)}</caption>
      <thead>
        <tr>
          <th scope="col">{identitePage('sirets.siret', undefined, locale)}</th>
          <th scope="col">{identitePage('sirets.libelle', undefined, locale)}</th>
          <th scope="col">{identitePage('sirets.collectivite', undefined, locale)}</th>
          <th scope="col">{identitePage('sirets.actions', undefined, locale)}</th>
        </tr>
      </thead>
      <tbody>
        {props.establishments.map((establishment) => (
          <tr>
            <th scope="row">{displayed(establishment.siret)}</th>
            <td>{establishment.libelle ?? ''}</td>
            <td>{establishment.collectiviteLibelle}</td>
            <td>
              <form method="post" action={IDENTITE_PATHS.removeSiret(establishment.siret)} class="en-ligne">
                <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
                <button type="submit" class="bouton-secondaire" aria-label={identitePage('sirets.removeLabel', { siret: displayed(establishment.siret) }, locale)}>
                  {identitePage('sirets.remove', undefined, locale)}
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function invalid(form: SiretForm, field: 'siret' | 'libelle' | 'collectivite', help?: string) {
  const error = form.error?.field === field;
  const ids = [...(help ? [help] : []), ...(error ? ['siret-erreur'] : [])];
  return { ...(ids.length > 0 ? { 'aria-describedby': ids.join(' ') } : {}), ...(error ? { 'aria-invalid': 'true' } : {}) };
}

function AddForm(props: SiretsViewProps) {
  const { locale, form } = props;
  return (
    <section aria-labelledby="siret-ajout">
      <h2 id="siret-ajout">{identitePage('sirets.addHeading', undefined, locale)}</h2>
      {form.error ? (
        <p id="siret-erreur" class="message message-erreur" role="alert">
          {form.error.message}
        </p>
      ) : null}
      <form method="post" action={IDENTITE_PATHS.sirets} novalidate>
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <p class="champ">
          <label for="siret-numero">
            {identitePage('sirets.siret', undefined, locale)}
            <span aria-hidden="true"> *</span>
          </label>
          <br />
          <input id="siret-numero" name="siret" type="text" inputmode="numeric" autocomplete="off" required maxlength={20} value={form.siret}
            {...invalid(form, 'siret', 'siret-numero-aide')} />
          <br />
          <span id="siret-numero-aide" class="aide">
            {identitePage('sirets.siretHelp', undefined, locale)}
          </span>
        </p>
        <p class="champ">
          <label for="siret-libelle">{identitePage('sirets.libelle', undefined, locale)}</label>
          <br />
          <input id="siret-libelle" name="libelle" type="text" maxlength={150} value={form.libelle} {...invalid(form, 'libelle', 'siret-libelle-aide')} />
          <br />
          <span id="siret-libelle-aide" class="aide">
            {identitePage('sirets.libelleHelp', undefined, locale)}
          </span>
        </p>
        <p class="champ">
          <label for="siret-collectivite">{identitePage('sirets.collectivite', undefined, locale)}</label>
          <br />
          <select id="siret-collectivite" name="om_collectivite" {...invalid(form, 'collectivite')}>
            {props.collectivites.map((collectivite) => (
              <option value={String(collectivite.id)} selected={form.collectivite === String(collectivite.id)}>
                {collectivite.libelle}
              </option>
            ))}
          </select>
        </p>
        <p>
          <button type="submit">{identitePage('sirets.add', undefined, locale)}</button>
        </p>
      </form>
    </section>
  );
}

export function SiretsView(props: SiretsViewProps) {
  return (
    <>
      <p>{identitePage('sirets.intro', undefined, props.locale)}</p>
      <List {...props} />
      <AddForm {...props} />
    </>
  );
}
