import type { Child } from 'hono/jsx';
import { PASSWORD_MIN_LENGTH } from '../../access/passwords.ts';
import { translator, type Locale } from '../../i18n/index.ts';
import type { Chrome } from '../layout/chrome.ts';
import { Layout, type Crumb } from '../layout/layout.tsx';
import { FederatedSignIn } from './oidc/buttons.tsx';
import { currentFederatedOptions, type FederatedOption } from './oidc/login-options.ts';

/**
 * The authentication pages: plain, accessible HTML in the instance's language (labels tied to
 * their fields, autocomplete hints, errors in a `role="alert"` region and tied to the fields they
 * concern), no inline script and no inline style, inside the common layout. Every page takes the `locale` of its texts (default: the process language).
 */

export interface FieldMessage {
  readonly field?: string | undefined;
  readonly message: string;
}

interface Localised {
  readonly locale?: Locale | undefined;
  /** The page chrome (header with the signed-in user); anonymous when absent. */
  readonly chrome?: Chrome | undefined;
}

/** An authentication page inside the common layout: its title is the `<h1>`. */
export function Page(props: Localised & { title: string; breadcrumb?: readonly Crumb[]; children?: Child }) {
  const tr = translator(props.locale);
  return (
    <Layout documentTitle={tr('pages.title', { title: props.title })} chrome={props.chrome} locale={props.locale} heading={props.title}
      breadcrumb={props.breadcrumb}>
      {props.children}
    </Layout>
  );
}

/** Errors of a form, announced to screen readers; each has an id its field points to. */
function Alerts(props: Localised & { messages: readonly FieldMessage[] }) {
  if (props.messages.length === 0) return <div role="alert" id="erreurs"></div>;
  return (
    <div role="alert" id="erreurs">
      <p>{translator(props.locale)('pages.formErrors', { count: props.messages.length })}</p>
      <ul>
        {props.messages.map((item, index) => (
          <li id={`erreur-${index}`}>{item.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** `aria-invalid` and `aria-describedby` for a field, from the errors that concern it. */
function described(messages: readonly FieldMessage[], field: string, hint?: string) {
  const ids = messages.flatMap((item, index) => (item.field === field ? [`erreur-${index}`] : []));
  const all = hint ? [hint, ...ids] : ids;
  return {
    ...(ids.length > 0 ? { 'aria-invalid': 'true' } : {}),
    ...(all.length > 0 ? { 'aria-describedby': all.join(' ') } : {}),
  };
}

const Csrf = (props: { token: string }) => <input type="hidden" name="_csrf" value={props.token} />;

export function LoginPage(props: Localised & { csrfToken: string; login?: string; cameFrom?: string | undefined; error?: string | undefined; notice?: string | undefined;
  /** The identity providers offered (default: those found for this /login request, see oidc/login-options.ts). */
  federated?: readonly FederatedOption[] }) {
  const { locale } = props;
  const tr = translator(locale);
  const messages = props.error ? [{ message: props.error }] : [];
  return (
    <Page title={tr('pages.login.title')} locale={locale} chrome={props.chrome}>
      {props.notice ? <p role="status" class="message message-info">{props.notice}</p> : null}
      <Alerts messages={messages} locale={locale} />
      <form method="post" action="/login">
        <Csrf token={props.csrfToken} />
        {props.cameFrom ? <input type="hidden" name="came_from" value={props.cameFrom} /> : null}
        <p>
          <label for="login">{tr('pages.login.login')}</label>
          <br />
          <input id="login" name="login" type="text" required autocomplete="username" autocapitalize="none" spellcheck={false}
            maxlength={30} value={props.login ?? ''} {...(props.error ? { 'aria-describedby': 'erreur-0' } : {})} />
        </p>
        <p>
          <label for="password">{tr('pages.login.password')}</label>
          <br />
          <input id="password" name="password" type="password" required autocomplete="current-password" />
        </p>
        <p>
          <button type="submit">{tr('pages.signIn')}</button>
        </p>
      </form>
      <p>
        <a href="/password/forgot">{tr('pages.login.forgotten')}</a>
      </p>
      <FederatedSignIn options={props.federated ?? currentFederatedOptions()} cameFrom={props.cameFrom} locale={locale} />
    </Page>
  );
}

const RULES_ID = 'regles-mot-de-passe';

function PasswordRules(props: Localised) {
  return <p id={RULES_ID}>{translator(props.locale)('pages.password.rules', { min: PASSWORD_MIN_LENGTH })}</p>;
}

function NewPasswordFields(props: Localised & { messages: readonly FieldMessage[] }) {
  const tr = translator(props.locale);
  return (
    <>
      <PasswordRules locale={props.locale} />
      <p>
        <label for="password">{tr('pages.password.new')}</label>
        <br />
        <input id="password" name="password" type="password" required autocomplete="new-password"
          minlength={PASSWORD_MIN_LENGTH} {...described(props.messages, 'password', RULES_ID)} />
      </p>
      <p>
        <label for="confirmation">{tr('pages.password.confirmation')}</label>
        <br />
        <input id="confirmation" name="confirmation" type="password" required autocomplete="new-password"
          {...described(props.messages, 'confirmation')} />
      </p>
    </>
  );
}

export function PasswordChangePage(
  props: Localised & { csrfToken: string; login: string; errors?: readonly FieldMessage[]; done?: boolean },
) {
  const { locale } = props;
  const tr = translator(locale);
  const messages = props.errors ?? [];
  return (
    <Page title={tr('pages.password.changeTitle')} locale={locale} chrome={props.chrome}
      breadcrumb={[{ label: tr('layout.home'), href: '/' }, { label: tr('pages.password.changeTitle') }]}>
      <Alerts messages={messages} locale={locale} />
      {props.done ? <p role="status">{tr('pages.password.changed')}</p> : null}
      <form method="post" action="/password">
        <Csrf token={props.csrfToken} />
        <input type="text" name="username" autocomplete="username" value={props.login} hidden readonly />
        <p>
          <label for="current">{tr('pages.password.current')}</label>
          <br />
          <input id="current" name="current" type="password" required autocomplete="current-password"
            {...described(messages, 'current')} />
        </p>
        <NewPasswordFields messages={messages} locale={locale} />
        <p>
          <button type="submit">{tr('pages.password.change')}</button>
        </p>
      </form>
      <p>
        <a href="/">{tr('pages.backHome')}</a>
      </p>
    </Page>
  );
}

export function ForgotPasswordPage(props: Localised & { csrfToken: string; message?: string }) {
  const tr = translator(props.locale);
  return (
    <Page title={tr('pages.password.forgottenTitle')} locale={props.locale} chrome={props.chrome}
      breadcrumb={[{ label: tr('pages.login.title'), href: '/login' }, { label: tr('pages.password.forgottenTitle') }]}>
      {props.message ? <p role="status">{props.message}</p> : null}
      <p>{tr('pages.password.forgottenIntro')}</p>
      <form method="post" action="/password/forgot">
        <Csrf token={props.csrfToken} />
        <p>
          <label for="identifiant">{tr('pages.password.loginOrEmail')}</label>
          <br />
          <input id="identifiant" name="identifiant" type="text" required autocomplete="username" maxlength={100} />
        </p>
        <p>
          <button type="submit">{tr('pages.password.sendLink')}</button>
        </p>
      </form>
      <p>
        <a href="/login">{tr('pages.password.backToLogin')}</a>
      </p>
    </Page>
  );
}

export function ResetPasswordPage(
  props: Localised & { csrfToken: string; token: string; login: string; errors?: readonly FieldMessage[] },
) {
  const { locale } = props;
  const tr = translator(locale);
  const messages = props.errors ?? [];
  return (
    <Page title={tr('pages.password.resetTitle')} locale={locale} chrome={props.chrome}
      breadcrumb={[{ label: tr('pages.login.title'), href: '/login' }, { label: tr('pages.password.resetTitle') }]}>
      <Alerts messages={messages} locale={locale} />
      <form method="post" action={`/password/reset/${encodeURIComponent(props.token)}`}>
        <Csrf token={props.csrfToken} />
        <input type="text" name="username" autocomplete="username" value={props.login} hidden readonly />
        <NewPasswordFields messages={messages} locale={locale} />
        <p>
          <button type="submit">{tr('pages.password.save')}</button>
        </p>
      </form>
    </Page>
  );
}

/** A short page with one message and where to go next (results, refusals). */
export function MessagePage(
  props: Localised & { title: string; message: string; alert?: boolean; link: { href: string; label: string } },
) {
  return (
    <Page title={props.title} locale={props.locale} chrome={props.chrome}
      breadcrumb={[{ label: translator(props.locale)('layout.home'), href: '/' }, { label: props.title }]}>
      <p role={props.alert ? 'alert' : 'status'}>{props.message}</p>
      <p>
        <a href={props.link.href}>{props.link.label}</a>
      </p>
    </Page>
  );
}
