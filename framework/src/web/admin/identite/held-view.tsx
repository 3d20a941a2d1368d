/** « Demandes d’accès en attente »: the waiting list, and one request with « Accepter » and « Refuser ». */
import type { HeldSignIn } from '../../../access/oidc/index.ts';
import type { Locale } from '../../../i18n/index.ts';
import { CSRF_FIELD } from '../../auth/csrf.ts';
import { dateTime } from '../../screens/shared/format.ts';
import type { Choice } from './choices.ts';
import { identitePage } from './messages.ts';
import { IDENTITE_PATHS } from './paths.ts';

/** « Claire Dupont », or a stand-in when the provider gave no name. */
export function heldName(held: HeldSignIn, locale: Locale): string {
  const name = [held.givenName, held.familyName].filter((part) => part && part.trim() !== '').join(' ');
  return name || held.email || identitePage('held.noName', undefined, locale);
}

export function HeldListView(props: { held: readonly HeldSignIn[]; locale: Locale }) {
  const { locale } = props;
  const label = (key: Parameters<typeof identitePage>[0]) => identitePage(key, undefined, locale);
  return (
    <>
      <p>{label('held.intro')}</p>
      {props.held.length === 0 ? (
        <p>{label('held.none')}</p>
      ) : (
        <table class="tableau demandes-attente">
          <caption>{label('held.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{label('held.name')}</th>
              <th scope="col">{label('held.email')}</th>
              <th scope="col">{label('held.organisation')}</th>
              <th scope="col">{label('held.siret')}</th>
              <th scope="col">{label('held.provider')}</th>
              <th scope="col">{label('held.date')}</th>
              <th scope="col">{label('held.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.held.map((held) => (
              <tr>
                <th scope="row">{heldName(held, locale)}</th>
                <td>{held.email ?? ''}</td>
                <td>{held.organisation ?? ''}</td>
                <td>{held.siret ?? ''}</td>
                <td>{held.providerLabel}</td>
                <td>{dateTime(held.requestedAt, locale)}</td>
                <td>
                  <a href={IDENTITE_PATHS.heldOne(held.id)} aria-label={identitePage('held.handleLabel', { name: heldName(held, locale) }, locale)}>
                    {label('held.handle')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export interface HeldOneViewProps {
  readonly held: HeldSignIn;
  readonly collectivites: readonly Choice[];
  readonly profiles: readonly Choice[];
  /** The provider's default profile, preselected. */
  readonly defaultProfile: number | undefined;
  /** Only niveau-2 administrators refuse (a refusal concerns every collectivité). */
  readonly mayRefuse: boolean;
  readonly csrfToken: string;
  readonly locale: Locale;
}

export function HeldOneView(props: HeldOneViewProps) {
  const { held, locale } = props;
  const label = (key: Parameters<typeof identitePage>[0]) => identitePage(key, undefined, locale);
  const details: Array<readonly [string, string]> = [
    [label('held.name'), heldName(held, locale)],
    [label('held.email'), held.email ?? ''],
    [label('held.organisation'), held.organisation ?? ''],
    [label('held.siret'), held.siret ?? ''],
    [label('held.provider'), held.providerLabel],
    [label('held.date'), dateTime(held.requestedAt, locale)],
    [label('held.lastAttempt'), dateTime(held.lastAttemptAt, locale)],
  ];
  return (
    <>
      <table class="tableau">
        <caption>{label('held.detailsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{label('held.item')}</th>
            <th scope="col">{label('held.value')}</th>
          </tr>
        </thead>
        <tbody>
          {details.map(([name, value]) => (
            <tr>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="attente-accepter">
        <h2 id="attente-accepter">{label('held.acceptHeading')}</h2>
        <p id="attente-accepter-aide" class="aide">
          {label('held.acceptHelp')}
        </p>
        <form method="post" action={IDENTITE_PATHS.accept(held.id)} aria-describedby="attente-accepter-aide">
          <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
          <p class="champ">
            <label for="attente-collectivite">{label('held.collectivite')}</label>
            <br />
            <select id="attente-collectivite" name="om_collectivite">
              {props.collectivites.map((collectivite) => (
                <option value={String(collectivite.id)}>{collectivite.libelle}</option>
              ))}
            </select>
          </p>
          <p class="champ">
            <label for="attente-profil">{label('held.profil')}</label>
            <br />
            <select id="attente-profil" name="om_profil">
              {props.profiles.map((profile) => (
                <option value={String(profile.id)} selected={profile.id === props.defaultProfile}>
                  {profile.libelle}
                </option>
              ))}
            </select>
          </p>
          {held.siret ? (
            <p class="champ">
              <input id="attente-siret" name="retenir_siret" type="checkbox" value="1" checked /> <label for="attente-siret">{label('held.rememberSiret')}</label>
            </p>
          ) : null}
          <p>
            <button type="submit">{label('held.accept')}</button>
          </p>
        </form>
      </section>
      {props.mayRefuse ? (
        <section aria-labelledby="attente-refuser">
          <h2 id="attente-refuser">{label('held.refuseHeading')}</h2>
          <form method="post" action={IDENTITE_PATHS.refuse(held.id)}>
            <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
            <p class="champ">
              <label for="attente-motif">
                {label('held.motif')}
                <span aria-hidden="true"> *</span>
              </label>
              <br />
              <textarea id="attente-motif" name="motif" rows={3} cols={60} required maxlength={2000} aria-describedby="attente-motif-aide"></textarea>
              <br />
              <span id="attente-motif-aide" class="aide">
                {label('held.motifHelp')}
              </span>
            </p>
            <p>
              <button type="submit" class="bouton-secondaire">
                {label('held.refuse')}
              </button>
            </p>
          </form>
        </section>
      ) : null}
      <p>
        <a href={IDENTITE_PATHS.held}>{label('held.backToList')}</a>
      </p>
    </>
  );
}
