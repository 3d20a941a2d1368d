/** The page « Administration › Identité visuelle »: preview, accent colour, logo; no script needed. */
import { contrastRatio, LOGO_TYPES, shownRatio, themeClass, type Branding } from '../../../branding/index.ts';
import { acceptAttribute } from '../../../files/index.ts';
import type { Locale } from '../../../i18n/index.ts';
import { CSRF_FIELD } from '../../auth/csrf.ts';
import type { CollectiviteChoice } from '../../layout/chrome.ts';
import { logoHref } from '../../layout/theme-paths.ts';
import { identiteMessages } from './messages.ts';
import { IDENTITE_PATHS } from './paths.ts';

export interface IdentiteViewProps {
  readonly branding: Branding;
  /** Niveau 2: the collectivités to choose from. */
  readonly choices?: readonly CollectiviteChoice[] | undefined;
  readonly csrfToken: string;
  readonly locale: Locale;
  /** The colour field as typed, after a refusal. */
  readonly colourValue?: string | undefined;
  readonly colourError?: string | undefined;
  readonly logoError?: string | undefined;
}

const IDS = {
  choose: 'identite-collectivite',
  colour: 'identite-couleur',
  colourHelp: 'identite-couleur-aide',
  colourError: 'identite-couleur-erreur',
  logo: 'identite-logo',
  logoHelp: 'identite-logo-aide',
  logoError: 'identite-logo-erreur',
} as const;

function Choose(props: { choices: readonly CollectiviteChoice[]; current: number; locale: Locale }) {
  const m = (key: 'chooseLegend' | 'chooseLabel' | 'chooseSubmit') => identiteMessages(key, undefined, props.locale);
  return (
    <form method="get" action={IDENTITE_PATHS.page} class="formulaire identite-choix">
      <fieldset class="section">
        <legend>{m('chooseLegend')}</legend>
        <div class="champ">
          <label for={IDS.choose}>{m('chooseLabel')}</label>
          <select id={IDS.choose} name="collectivite">
            {props.choices.map((choice) => (
              <option value={String(choice.id)} selected={choice.id === props.current}>
                {choice.libelle}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{m('chooseSubmit')}</button>
      </fieldset>
    </form>
  );
}

function Preview(props: { branding: Branding; locale: Locale }) {
  const { branding, locale } = props;
  const themed = branding.colour ? themeClass(branding.collectivite) : 'theme-defaut';
  return (
    <section aria-labelledby="identite-apercu">
      <h2 id="identite-apercu">{identiteMessages('previewTitle', undefined, locale)}</h2>
      <figure class={`apercu-identite ${themed}`}>
        <div class="apercu-entete">
          {branding.logo ? <img class="marque-logo" src={logoHref(branding.collectivite, branding.logo)} alt={branding.name} /> : null}
          <p>
            <strong>{branding.name}</strong>
          </p>
        </div>
        <div class="apercu-corps">
          <p>
            <span class="apercu-lien">{identiteMessages('previewLink', undefined, locale)}</span>{' '}
            <span class="apercu-bouton">{identiteMessages('previewButton', undefined, locale)}</span>
          </p>
        </div>
        <figcaption class="apercu-corps">
          {identiteMessages('previewCaption', { name: branding.name }, locale)}.{' '}
          {branding.colour
            ? identiteMessages('previewColour', { colour: branding.colour, ratio: shownRatio(contrastRatio(branding.colour, '#ffffff'), locale) }, locale)
            : identiteMessages('previewDefault', undefined, locale)}
        </figcaption>
      </figure>
    </section>
  );
}

function Hidden(props: { csrfToken: string; collectivite: number }) {
  return (
    <>
      <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
      <input type="hidden" name="collectivite" value={String(props.collectivite)} />
    </>
  );
}

function ColourForm(props: IdentiteViewProps) {
  const { branding, locale } = props;
  const describedBy = props.colourError ? `${IDS.colourHelp} ${IDS.colourError}` : IDS.colourHelp;
  return (
    <section aria-labelledby="identite-couleur-titre">
      <h2 id="identite-couleur-titre">{identiteMessages('colourTitle', undefined, locale)}</h2>
      <form method="post" action={IDENTITE_PATHS.colour} class="formulaire">
        <Hidden csrfToken={props.csrfToken} collectivite={branding.collectivite} />
        <div class="champ">
          <label for={IDS.colour}>{identiteMessages('colourLabel', undefined, locale)}</label>
          <input type="text" id={IDS.colour} name="couleur" value={props.colourValue ?? branding.colour ?? ''} maxlength={7} size={9}
            autocomplete="off" spellcheck={false} aria-describedby={describedBy} {...(props.colourError ? { 'aria-invalid': 'true' } : {})} />
          <p id={IDS.colourHelp} class="aide">{identiteMessages('colourHelp', undefined, locale)}</p>
          {props.colourError ? <p id={IDS.colourError} class="erreur-champ">{props.colourError}</p> : null}
        </div>
        <button type="submit">{identiteMessages('colourSubmit', undefined, locale)}</button>
      </form>
    </section>
  );
}

function LogoForms(props: IdentiteViewProps) {
  const { branding, locale } = props;
  const describedBy = props.logoError ? `${IDS.logoHelp} ${IDS.logoError}` : IDS.logoHelp;
  return (
    <section aria-labelledby="identite-logo-titre">
      <h2 id="identite-logo-titre">{identiteMessages('logoTitle', undefined, locale)}</h2>
      {branding.logo ? (
        <>
          <p>{identiteMessages('logoCurrent', undefined, locale)}</p>
          <img class="identite-logo-actuel" src={logoHref(branding.collectivite, branding.logo)} alt={branding.name} />
          <form method="post" action={IDENTITE_PATHS.removeLogo} class="identite-supprimer">
            <Hidden csrfToken={props.csrfToken} collectivite={branding.collectivite} />
            <button type="submit" class="bouton-secondaire">{identiteMessages('logoRemove', undefined, locale)}</button>
          </form>
        </>
      ) : (
        <p>{identiteMessages('logoNone', undefined, locale)}</p>
      )}
      <form method="post" action={IDENTITE_PATHS.logo} enctype="multipart/form-data" class="formulaire">
        <Hidden csrfToken={props.csrfToken} collectivite={branding.collectivite} />
        <div class="champ">
          <label for={IDS.logo}>{identiteMessages('logoLabel', undefined, locale)}</label>
          <input type="file" id={IDS.logo} name="logo" accept={acceptAttribute(LOGO_TYPES)} required aria-describedby={describedBy}
            {...(props.logoError ? { 'aria-invalid': 'true' } : {})} />
          <p id={IDS.logoHelp} class="aide">{identiteMessages('logoHelp', undefined, locale)}</p>
          {props.logoError ? <p id={IDS.logoError} class="erreur-champ">{props.logoError}</p> : null}
        </div>
        <button type="submit">{identiteMessages('logoSubmit', undefined, locale)}</button>
      </form>
    </section>
  );
}

export function IdentiteView(props: IdentiteViewProps) {
  return (
    <>
      <p>{identiteMessages('intro', undefined, props.locale)}</p>
      {props.choices ? <Choose choices={props.choices} current={props.branding.collectivite} locale={props.locale} /> : null}
      <Preview branding={props.branding} locale={props.locale} />
      <ColourForm {...props} />
      <LogoForms {...props} />
    </>
  );
}
