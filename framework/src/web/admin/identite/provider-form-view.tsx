/**
 * The provider form (new or existing): every field of `om.om_fournisseur_identite`, the client's
 * environment variables (names and whether they are set, never their values) and, for an existing
 * provider, « Tester la découverte » with its last result.
 */
import { clientVariableNames } from '../../../access/oidc/index.ts';
import type { Locale } from '../../../i18n/index.ts';
import { CSRF_FIELD } from '../../auth/csrf.ts';
import type { Choice } from './choices.ts';
import type { DiscoveryReport } from './discovery-check.ts';
import { identitePage } from './messages.ts';
import { IDENTITE_PATHS } from './paths.ts';
import { CLAIM_KEYS, type ProviderForm, type ProviderFormErrors, type ProviderFormField } from './provider-form.ts';

/** ProConnect's levels, offered as help for « acr exigés ». */
const PROCONNECT_LEVELS = [
  'eidas1',
  'https://proconnect.gouv.fr/assurance/self-asserted-2fa',
  'https://proconnect.gouv.fr/assurance/consistency-checked-2fa',
];

export interface ProviderFormViewProps {
  /** Undefined: a new provider. */
  readonly id: number | undefined;
  readonly form: ProviderForm;
  readonly errors: ProviderFormErrors;
  readonly profiles: readonly Choice[];
  readonly env: NodeJS.ProcessEnv;
  readonly discovery: DiscoveryReport | undefined;
  readonly csrfToken: string;
  readonly locale: Locale;
}

const FIELD_IDS: Record<ProviderFormField, string> = {
  code: 'fi-code',
  libelle: 'fi-libelle',
  url: 'fi-url',
  scopes: 'fi-portees',
  claims: 'fi-revendication-login',
  profile: 'fi-profil',
  roles: 'fi-roles',
  domains: 'fi-domaines',
  acr: 'fi-acr',
  order: 'fi-ordre',
};

/** `aria-describedby` (help, error) and `aria-invalid` of a field. */
function described(id: string, error: string | undefined, help: boolean) {
  const ids = [...(help ? [`${id}-aide`] : []), ...(error ? [`${id}-erreur`] : [])];
  return { ...(ids.length > 0 ? { 'aria-describedby': ids.join(' ') } : {}), ...(error ? { 'aria-invalid': 'true' } : {}) };
}

function FieldError(props: { id: string; error: string | undefined }) {
  return props.error ? (
    <span id={`${props.id}-erreur`} class="erreur-champ">
      {props.error}
    </span>
  ) : null;
}

function TextField(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  help?: string;
  required?: boolean;
  maxlength?: number;
  type?: string;
}) {
  return (
    <p class="champ">
      <label for={props.id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <br />
      <input id={props.id} name={props.name} type={props.type ?? 'text'} value={props.value} required={props.required} maxlength={props.maxlength}
        {...described(props.id, props.error, props.help !== undefined)} />
      {props.help ? (
        <>
          <br />
          <span id={`${props.id}-aide`} class="aide">
            {props.help}
          </span>
        </>
      ) : null}
      <FieldError id={props.id} error={props.error} />
    </p>
  );
}

function Checkbox(props: { id: string; name: string; label: string; checked: boolean }) {
  return (
    <p class="champ">
      <input id={props.id} name={props.name} type="checkbox" value="1" checked={props.checked} /> <label for={props.id}>{props.label}</label>
    </p>
  );
}

function Variables(props: { code: string; env: NodeJS.ProcessEnv; locale: Locale }) {
  const { locale } = props;
  if (!/^[a-z0-9-]{1,40}$/.test(props.code)) return null;
  const names = clientVariableNames(props.code);
  return (
    <section aria-labelledby="fi-variables">
      <h2 id="fi-variables">{identitePage('form.variablesHeading', undefined, locale)}</h2>
      <p class="aide">{identitePage('form.variablesHelp', undefined, locale)}</p>
      <table class="tableau">
        <caption class="visuellement-cache">{identitePage('form.variablesHeading', undefined, locale)}</caption>
        <thead>
          <tr>
            <th scope="col">{identitePage('form.variable', undefined, locale)}</th>
            <th scope="col">{identitePage('form.variableState', undefined, locale)}</th>
          </tr>
        </thead>
        <tbody>
          {[names.id, names.secret].map((name) => (
            <tr>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td>{identitePage(props.env[name]?.trim() ? 'form.defined' : 'form.missing', undefined, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Discovery(props: { id: number; report: DiscoveryReport | undefined; csrfToken: string; locale: Locale }) {
  const { locale, report } = props;
  return (
    <section aria-labelledby="fi-decouverte">
      <h2 id="fi-decouverte">{identitePage('discovery.heading', undefined, locale)}</h2>
      <form method="post" action={IDENTITE_PATHS.discovery(props.id)}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <button type="submit">{identitePage('discovery.test', undefined, locale)}</button>
      </form>
      {report ? (
        <div class="resultat-decouverte" role="status">
          {report.messages.map((message, index) => (
            <p class={!report.ok ? 'message message-erreur' : index === 0 ? 'message message-succes' : 'message message-avertissement'}>{message}</p>
          ))}
          {report.items.length > 0 ? (
            <table class="tableau">
              <caption>{identitePage('discovery.caption', undefined, locale)}</caption>
              <thead>
                <tr>
                  <th scope="col">{identitePage('discovery.item', undefined, locale)}</th>
                  <th scope="col">{identitePage('discovery.value', undefined, locale)}</th>
                </tr>
              </thead>
              <tbody>
                {report.items.map(([label, value]) => (
                  <tr>
                    <th scope="row">{label}</th>
                    <td>{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

export function ProviderFormView(props: ProviderFormViewProps) {
  const { form, errors, locale } = props;
  const message = (key: Parameters<typeof identitePage>[0]) => identitePage(key, undefined, locale);
  const listed = (Object.entries(errors) as [ProviderFormField, string | undefined][]).filter((entry): entry is [ProviderFormField, string] => !!entry[1]);
  return (
    <>
      <form method="post" action={props.id === undefined ? IDENTITE_PATHS.providers : IDENTITE_PATHS.provider(props.id)} class="formulaire-fournisseur" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        {listed.length > 0 ? (
          <div role="alert" class="resume-erreurs">
            <p>{message('form.errorsHeading')}</p>
            <ul>
              {listed.map(([field, text]) => (
                <li>
                  <a href={`#${FIELD_IDS[field]}`}>{text}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <fieldset>
          <legend>{message('form.general')}</legend>
          <TextField id="fi-code" name="code" label={message('form.code')} value={form.code} error={errors.code} help={message('form.codeHelp')} required maxlength={40} />
          <TextField id="fi-libelle" name="libelle" label={message('form.libelle')} value={form.libelle} error={errors.libelle} help={message('form.libelleHelp')} required maxlength={100} />
          <p class="champ">
            <label for="fi-modele">{message('form.modele')}</label>
            <br />
            <select id="fi-modele" name="modele">
              {(['proconnect', 'oidc'] as const).map((modele) => (
                <option value={modele} selected={form.modele === modele}>
                  {identitePage(`models.${modele}`, undefined, locale)}
                </option>
              ))}
            </select>
          </p>
          <TextField id="fi-url" name="url_decouverte" label={message('form.url')} value={form.url} error={errors.url} help={message('form.urlHelp')} required maxlength={500} type="url" />
          <p class="champ">
            <label for="fi-auth">{message('form.auth')}</label>
            <br />
            <select id="fi-auth" name="authentification_client">
              {(['client_secret_post', 'client_secret_basic'] as const).map((method) => (
                <option value={method} selected={form.auth === method}>
                  {method}
                </option>
              ))}
            </select>
          </p>
          <TextField id="fi-portees" name="portees" label={message('form.scopes')} value={form.scopes} error={errors.scopes} help={message('form.scopesHelp')} required maxlength={300} />
        </fieldset>
        <fieldset aria-describedby="fi-correspondance-aide">
          <legend>{message('form.mapping')}</legend>
          <p id="fi-correspondance-aide" class="aide">
            {message('form.mappingHelp')}
          </p>
          {CLAIM_KEYS.map((key, index) => (
            <TextField id={`fi-revendication-${key}`} name={`revendication_${key}`} label={identitePage(`form.claims.${key}`, undefined, locale)}
              value={form.claims[key]} error={index === 0 ? errors.claims : undefined} maxlength={100} />
          ))}
        </fieldset>
        <fieldset>
          <legend>{message('form.accounts')}</legend>
          <Checkbox id="fi-rattachement" name="rattachement_par_courriel" label={message('form.linkByEmail')} checked={form.linkByEmail} />
          <Checkbox id="fi-creation" name="creation_autorisee" label={message('form.createAccounts')} checked={form.createAccounts} />
          <p class="champ">
            <label for="fi-siret-inconnu">{message('form.unknownSiret')}</label>
            <br />
            <select id="fi-siret-inconnu" name="siret_inconnu">
              <option value="refuser" selected={form.unknownSiret === 'refuser'}>
                {message('form.unknownSiretRefuse')}
              </option>
              <option value="attente" selected={form.unknownSiret === 'attente'}>
                {message('form.unknownSiretHold')}
              </option>
            </select>
          </p>
          <p class="champ">
            <label for="fi-profil">{message('form.defaultProfile')}</label>
            <br />
            <select id="fi-profil" name="om_profil_defaut" {...described('fi-profil', errors.profile, false)}>
              <option value="">{message('form.noProfile')}</option>
              {props.profiles.map((profile) => (
                <option value={String(profile.id)} selected={form.profile === String(profile.id)}>
                  {profile.libelle}
                </option>
              ))}
            </select>
            <FieldError id="fi-profil" error={errors.profile} />
          </p>
        </fieldset>
        <fieldset>
          <legend>{message('form.rules')}</legend>
          <TextField id="fi-roles" name="roles_autorises" label={message('form.roles')} value={form.roles} error={errors.roles} help={message('form.rolesHelp')} />
          <TextField id="fi-domaines" name="domaines_autorises" label={message('form.domains')} value={form.domains} error={errors.domains} help={message('form.domainsHelp')} />
          <p class="champ">
            <label for="fi-acr">{message('form.acr')}</label>
            <br />
            <textarea id="fi-acr" name="acr_exiges" rows={3} cols={70} {...described('fi-acr', errors.acr, true)}>
              {form.acr}
            </textarea>
            <br />
            <span id="fi-acr-aide" class="aide">
              {identitePage('form.acrHelp', { levels: PROCONNECT_LEVELS.join(', ') }, locale)}
            </span>
            <FieldError id="fi-acr" error={errors.acr} />
          </p>
        </fieldset>
        <fieldset>
          <legend>{message('form.display')}</legend>
          <Checkbox id="fi-actif" name="actif" label={message('form.active')} checked={form.active} />
          <TextField id="fi-ordre" name="ordre" label={message('form.order')} value={form.order} error={errors.order} type="number" />
        </fieldset>
        <p>
          <button type="submit">{message('form.save')}</button> <a href={IDENTITE_PATHS.providers}>{message('form.cancel')}</a>
        </p>
      </form>
      <Variables code={form.code} env={props.env} locale={locale} />
      {props.id === undefined ? null : <Discovery id={props.id} report={props.discovery} csrfToken={props.csrfToken} locale={locale} />}
      {props.id === undefined ? null : (
        <section aria-labelledby="fi-suppression">
          <h2 id="fi-suppression">{message('remove.heading')}</h2>
          <p>
            <a href={IDENTITE_PATHS.removeProvider(props.id)}>{message('remove.link')}</a>
          </p>
        </section>
      )}
    </>
  );
}
