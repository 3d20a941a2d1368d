import { totpMessage } from '../../../access/totp/messages.ts';
import { translator, type Locale } from '../../../i18n/index.ts';
import type { Chrome } from '../../layout/chrome.ts';
import type { Crumb } from '../../layout/layout.tsx';
import { CSRF_FIELD } from '../csrf.ts';
import { Page } from '../pages.tsx';

/**
 * The pages of two-factor sign-in: « Code de vérification » after the password, and « Double
 * authentification » (set up, see, turn off). Plain accessible HTML, no inline script or style.
 */
interface Common {
  readonly locale: Locale;
  readonly chrome: Chrome;
}

const ERRORS_ID = 'erreurs';
const CODE_HINT_ID = 'aide-code';

/** The error of a form, announced at once; its field points to it. */
const Alert = (props: { message: string | undefined }) =>
  props.message ? <div role="alert" id={ERRORS_ID}><p>{props.message}</p></div> : <div role="alert" id={ERRORS_ID}></div>;

const Csrf = (props: { token: string }) => <input type="hidden" name={CSRF_FIELD} value={props.token} />;

const invalidWhen = (error: string | undefined, ...ids: string[]) => ({
  'aria-describedby': [...ids, ...(error ? [ERRORS_ID] : [])].join(' '),
  ...(error ? { 'aria-invalid': 'true' } : {}),
});

/** The code field: digits from an app (the browser may offer a code received), or a recovery code. */
function CodeField(props: { label: string; hint: string; error: string | undefined; recovery: boolean }) {
  return (
    <>
      <p>
        <label for="code">{props.label}</label>
        <br />
        <input id="code" name="code" type="text" required inputmode={props.recovery ? 'text' : 'numeric'} autocomplete="one-time-code"
          autocapitalize="characters" spellcheck={false} maxlength={props.recovery ? 19 : 6} size={props.recovery ? 20 : 8}
          {...(props.recovery ? {} : { pattern: '[0-9]{6}' })} {...invalidWhen(props.error, CODE_HINT_ID)} />
      </p>
      <p id={CODE_HINT_ID}>{props.hint}</p>
    </>
  );
}

/** « Code de vérification »: the second step of a sign-in. */
export function CodePage(props: Common & { csrfToken: string; error?: string | undefined }) {
  const { locale } = props;
  const tm = (key: Parameters<typeof totpMessage>[0]) => totpMessage(key, undefined, locale);
  return (
    <Page title={tm('signIn.codeTitle')} locale={locale} chrome={props.chrome}>
      <Alert message={props.error} />
      <p>{tm('signIn.codeIntro')}</p>
      <form method="post" action="/login/code">
        <Csrf token={props.csrfToken} />
        <CodeField label={tm('signIn.codeLabel')} hint={tm('signIn.codeHint')} error={props.error} recovery />
        <p>
          <button type="submit">{tm('signIn.verify')}</button>
        </p>
      </form>
      <p>
        <a href="/login">{tm('signIn.cancel')}</a>
      </p>
    </Page>
  );
}

const breadcrumbOf = (locale: Locale, signedIn: boolean): readonly Crumb[] | undefined =>
  signedIn ? [{ label: translator(locale)('layout.home'), href: '/' }, { label: totpMessage('enrol.title', undefined, locale) }] : undefined;

/** Setting the second factor up: the QR code, the key, a first code. */
export function EnrolPage(
  props: Common & {
    csrfToken: string;
    qrDataUrl: string;
    secretKey: string;
    forced: boolean;
    signedIn: boolean;
    notice?: string | undefined;
    error?: string | undefined;
  },
) {
  const { locale } = props;
  const tm = (key: Parameters<typeof totpMessage>[0]) => totpMessage(key, undefined, locale);
  return (
    <Page title={tm('enrol.title')} locale={locale} chrome={props.chrome} breadcrumb={breadcrumbOf(locale, props.signedIn)}>
      <Alert message={props.error} />
      {props.notice ? <p role="status">{props.notice}</p> : null}
      {props.forced ? <p class="message message-info">{tm('signIn.enrolmentIntro')}</p> : null}
      <p>{tm('enrol.intro')}</p>
      <p>{tm('enrol.step1')}</p>
      <p>{tm('enrol.step2')}</p>
      <p>
        <img src={props.qrDataUrl} alt={tm('enrol.qrAlt')} width={200} height={200} class="code-qr" />
      </p>
      <p>{tm('enrol.keyIntro')}</p>
      <p>
        <strong>{tm('enrol.keyLabel')} : </strong>
        <code class="cle-totp">{props.secretKey}</code>
      </p>
      <form method="post" action="/two-factor/activate">
        <Csrf token={props.csrfToken} />
        <p>{tm('enrol.step3')}</p>
        <CodeField label={tm('enrol.codeLabel')} hint={tm('enrol.codeHint')} error={props.error} recovery={false} />
        <p>
          <button type="submit">{tm('enrol.activate')}</button>
        </p>
      </form>
      {props.forced ? (
        <p>
          <a href="/login">{tm('signIn.cancel')}</a>
        </p>
      ) : null}
    </Page>
  );
}

/** The recovery codes, shown once, right after activation. */
export function RecoveryCodesPage(props: Common & { codes: readonly string[]; next: string; renewed?: boolean }) {
  const { locale } = props;
  const tm = (key: Parameters<typeof totpMessage>[0]) => totpMessage(key, undefined, locale);
  return (
    <Page title={tm(props.renewed ? 'enrol.renewTitle' : 'enrol.activatedTitle')} locale={locale} chrome={props.chrome}>
      <p role="status" class="message message-succes">{tm(props.renewed ? 'enrol.renewed' : 'enrol.activated')}</p>
      <h2>{tm('enrol.recoveryList')}</h2>
      <p>{tm('enrol.recoveryIntro')}</p>
      <ul class="codes-secours">
        {props.codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href={props.next}>{tm('enrol.continue')}</a>
      </p>
    </Page>
  );
}

/** An active second factor: since when, codes left, and turning it off (unless required). */
export function StatusPage(
  props: Common & {
    csrfToken: string;
    login: string;
    activatedOn: string;
    recoveryCodesLeft: number;
    required: boolean;
    notice?: string | undefined;
    error?: string | undefined;
    /** The error concerns the recovery codes' form, not the deactivation's. */
    renewError?: string | undefined;
  },
) {
  const { locale } = props;
  const tm = (key: Parameters<typeof totpMessage>[0]) => totpMessage(key, undefined, locale);
  return (
    <Page title={tm('enrol.title')} locale={locale} chrome={props.chrome} breadcrumb={breadcrumbOf(locale, true)}>
      <Alert message={props.error ?? props.renewError} />
      {props.notice ? <p role="status">{props.notice}</p> : null}
      <p>{totpMessage('enrol.activeSince', { date: props.activatedOn }, locale)}</p>
      <p>{totpMessage('enrol.recoveryLeft', { count: props.recoveryCodesLeft }, locale)}</p>
      <h2>{tm('enrol.renewTitle')}</h2>
      <p>{tm('enrol.renewIntro')}</p>
      <form method="post" action="/two-factor/recovery-codes">
        <Csrf token={props.csrfToken} />
        <p>
          <label for="code-renouvellement">{tm('enrol.codeLabel')}</label>
          <br />
          <input id="code-renouvellement" name="code" type="text" required inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}"
            maxlength={6} size={8} {...invalidWhen(props.renewError)} />
        </p>
        <p>
          <button type="submit">{tm('enrol.renew')}</button>
        </p>
      </form>
      {props.required ? (
        <p>{tm('enrol.required')}</p>
      ) : (
        <>
          <h2>{tm('enrol.deactivateTitle')}</h2>
          <p>{tm('enrol.deactivateIntro')}</p>
          <form method="post" action="/two-factor/deactivate">
            <Csrf token={props.csrfToken} />
            <input type="text" name="username" autocomplete="username" value={props.login} hidden readonly />
            <p>
              <label for="password">{tm('enrol.password')}</label>
              <br />
              <input id="password" name="password" type="password" required autocomplete="current-password" {...invalidWhen(props.error)} />
            </p>
            <CodeField label={tm('signIn.codeLabel')} hint={tm('signIn.codeHint')} error={props.error} recovery />
            <p>
              <button type="submit">{tm('enrol.deactivate')}</button>
            </p>
          </form>
        </>
      )}
      <p>
        <a href="/">{tm('enrol.backHome')}</a>
      </p>
    </Page>
  );
}

/** LDAP and identity-provider accounts: their provider decides. */
export function NotConcernedPage(props: Common & { provider: 'ldap' | 'oidc'; notice?: string | undefined }) {
  const { locale } = props;
  const provider = totpMessage(props.provider === 'ldap' ? 'enrol.providerLdap' : 'enrol.providerOidc', undefined, locale);
  return (
    <Page title={totpMessage('enrol.title', undefined, locale)} locale={locale} chrome={props.chrome} breadcrumb={breadcrumbOf(locale, true)}>
      {props.notice ? <p role="status">{props.notice}</p> : null}
      <p>{totpMessage('enrol.notConcerned', { provider }, locale)}</p>
      <p>
        <a href="/">{totpMessage('enrol.backHome', undefined, locale)}</a>
      </p>
    </Page>
  );
}
