import type { ApiTokenInfo } from '../../../access/api-tokens.ts';
import { translator, type Locale } from '../../../i18n/index.ts';
import { CSRF_FIELD } from '../../auth/csrf.ts';
import { dateTime } from '../../screens/shared/format.ts';
import { ADMIN_PATHS } from '../paths.ts';

/** What the creation form was sent with, and what is wrong with it (field → message). */
export interface TokenForm {
  readonly libelle: string;
  readonly expiry: string;
  readonly errors: Readonly<Partial<Record<'libelle' | 'expiry', string>>>;
}

export interface TokensViewProps {
  readonly tokens: readonly ApiTokenInfo[];
  /** The secret of the token just created: shown this once. */
  readonly created?: string | undefined;
  readonly form: TokenForm;
  readonly csrfToken: string;
  readonly locale: Locale;
  /** For « expired »: now, in milliseconds. */
  readonly now: number;
}

function NewToken(props: { token: string; locale: Locale }) {
  const tr = translator(props.locale);
  return (
    <section class="nouveau-jeton" aria-labelledby="nouveau-jeton-titre">
      <h2 id="nouveau-jeton-titre">{tr('admin.tokens.newToken')}</h2>
      <p>
        <strong>{tr('access.tokenCreatedNotice')}</strong>
      </p>
      <p>
        <label for="nouveau-jeton">{tr('admin.tokens.newToken')}</label>
        <br />
        <input id="nouveau-jeton" class="jeton" type="text" readonly value={props.token} autocomplete="off" spellcheck={false}
          aria-describedby="nouveau-jeton-aide" />{' '}
        <button type="button" class="copier-jeton" data-copier="nouveau-jeton" data-copie-message={tr('admin.tokens.copied')}>
          {tr('admin.tokens.copy')}
        </button>
      </p>
      <p id="nouveau-jeton-aide" class="aide">
        {tr('admin.tokens.copyHint')}
      </p>
      <p role="status" id="copie-etat"></p>
    </section>
  );
}

function stateOf(token: ApiTokenInfo, now: number, locale: Locale): string {
  const tr = translator(locale);
  if (token.revokedAt) return tr('admin.tokens.revokedOn', { date: dateTime(token.revokedAt, locale) });
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return tr('admin.tokens.expired');
  return tr('admin.tokens.active');
}

function TokenList(props: TokensViewProps) {
  const tr = translator(props.locale);
  const { locale } = props;
  if (props.tokens.length === 0) return <p>{tr('admin.tokens.none')}</p>;
  return (
    <table class="jetons">
      <caption class="visuellement-cache">{tr('admin.tokens.listHeading')}</caption>
      <thead>
        <tr>
          <th scope="col">{tr('admin.tokens.libelle')}</th>
          <th scope="col">{tr('admin.tokens.prefixe')}</th>
          <th scope="col">{tr('admin.tokens.cree')}</th>
          <th scope="col">{tr('admin.tokens.utilise')}</th>
          <th scope="col">{tr('admin.tokens.expire')}</th>
          <th scope="col">{tr('admin.tokens.etat')}</th>
          <th scope="col">{tr('admin.tokens.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {props.tokens.map((token) => {
          const active = !token.revokedAt && !(token.expiresAt && Date.parse(token.expiresAt) <= props.now);
          return (
            <tr class={active ? undefined : 'inactif'}>
              <th scope="row">{token.label}</th>
              <td>
                <code>{token.prefix}</code>
              </td>
              <td>{dateTime(token.createdAt, locale)}</td>
              <td>{token.lastUsedAt ? dateTime(token.lastUsedAt, locale) : tr('admin.tokens.never')}</td>
              <td>{token.expiresAt ? dateTime(token.expiresAt, locale) : tr('admin.tokens.noExpiry')}</td>
              <td>{stateOf(token, props.now, locale)}</td>
              <td>
                {token.revokedAt ? null : (
                  <form method="post" action={ADMIN_PATHS.revokeToken(token.id)} class="revoquer-jeton">
                    <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
                    <button type="submit" class="bouton-secondaire" aria-label={tr('admin.tokens.revokeLabel', { libelle: token.label })}>
                      {tr('admin.tokens.revoke')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** `aria-invalid` and the ids of the help and error that describe a field. */
function describedBy(error: string | undefined, field: string) {
  const ids = [`${field}-aide`, ...(error ? [`${field}-erreur`] : [])];
  return { 'aria-describedby': ids.join(' '), ...(error ? { 'aria-invalid': 'true' } : {}) };
}

function CreateForm(props: TokensViewProps) {
  const tr = translator(props.locale);
  const { form } = props;
  const errors = Object.entries(form.errors).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return (
    <form method="post" action={ADMIN_PATHS.tokens} class="creer-jeton" novalidate>
      <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
      {errors.length > 0 ? (
        <div role="alert" class="resume-erreurs">
          <p>{tr('admin.tokens.errorsHeading')}</p>
          <ul>
            {errors.map(([field, message]) => (
              <li>
                <a href={`#jeton-${field}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>
        <label for="jeton-libelle">
          {tr('admin.tokens.libelle')} <span aria-hidden="true">*</span>
        </label>
        <br />
        <input id="jeton-libelle" name="libelle" type="text" required maxlength={100} value={form.libelle}
          {...describedBy(form.errors.libelle, 'jeton-libelle')} />
        <br />
        <span id="jeton-libelle-aide" class="aide">
          {tr('admin.tokens.libelleHelp')}
        </span>
        {form.errors.libelle ? (
          <span id="jeton-libelle-erreur" class="erreur-champ">
            {form.errors.libelle}
          </span>
        ) : null}
      </p>
      <p>
        <label for="jeton-expiry">{tr('admin.tokens.expiry')}</label>
        <br />
        <input id="jeton-expiry" name="expire_le" type="date" value={form.expiry} {...describedBy(form.errors.expiry, 'jeton-expiry')} />
        <br />
        <span id="jeton-expiry-aide" class="aide">
          {tr('admin.tokens.expiryHelp')}
        </span>
        {form.errors.expiry ? (
          <span id="jeton-expiry-erreur" class="erreur-champ">
            {form.errors.expiry}
          </span>
        ) : null}
      </p>
      <p>
        <button type="submit">{tr('admin.tokens.create')}</button>
      </p>
    </form>
  );
}

/** « Mes jetons d’API »: the new token (once), the list with « Révoquer », the creation form. */
export function TokensView(props: TokensViewProps) {
  const tr = translator(props.locale);
  return (
    <div class="mes-jetons">
      <p>{tr('admin.tokens.intro')}</p>
      {props.created ? <NewToken token={props.created} locale={props.locale} /> : null}
      <h2>{tr('admin.tokens.listHeading')}</h2>
      <TokenList {...props} />
      <h2>{tr('admin.tokens.createHeading')}</h2>
      <CreateForm {...props} />
    </div>
  );
}
