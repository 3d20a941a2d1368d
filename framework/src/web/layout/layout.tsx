import type { Child } from 'hono/jsx';
import { defaultLocale, translator, type Locale } from '../../i18n/index.ts';
import { VERSION } from '../../version.ts';
import { totpMessage } from '../../access/totp/messages.ts';
import { CSRF_FIELD } from '../auth/csrf.ts';
import { MainMenu, MENU_ID } from '../navigation/menu-view.tsx';
import { GlobalSearchBox } from '../navigation/search-box.tsx';
import { assetUrl, type StaticName } from '../static/routes.ts';
import type { Chrome, ChromeUser, HeaderBranding } from './chrome.ts';

/**
 * The page chrome every HTML page uses: skip links, header (application name, and for a
 * signed-in user the global search box and the actions personnelles), the main menu beside the
 * content (signed-in users), breadcrumb, messages, `<main id="contenu">`, footer. No inline
 * script or style (the Content-Security-Policy forbids them); the stylesheet and the scripts come
 * from `/static/`. Texts in the chrome's language. Printed, only the content remains.
 */

/** One step of the breadcrumb; the last one is the current page (its `href` is not used). */
export interface Crumb {
  readonly label: string;
  readonly href?: string | undefined;
}

export type MessageKind = 'success' | 'info' | 'warning' | 'error';

/** A message for the user: success and info are polite (`role="status"`), warnings and errors assertive (`role="alert"`). */
export interface Message {
  readonly kind: MessageKind;
  readonly text: string;
}

const MESSAGE_CLASS: Record<MessageKind, string> = {
  success: 'message message-succes',
  info: 'message message-info',
  warning: 'message message-avertissement',
  error: 'message message-erreur',
};

const HTMX_CONFIG = JSON.stringify({ includeIndicatorStyles: false });

export interface LayoutProps {
  /** The document's title, complete (« Accueil — Commun »). */
  readonly documentTitle: string;
  readonly chrome?: Chrome | undefined;
  /** Used when there is no chrome (default: the process language). */
  readonly locale?: Locale | undefined;
  readonly breadcrumb?: readonly Crumb[] | undefined;
  readonly messages?: readonly Message[] | undefined;
  /** Shown as the page's `<h1>` when given (else the page writes its own). */
  readonly heading?: string | undefined;
  /** Extra scripts of this page (e.g. the charting library), loaded before `commun.js`. */
  readonly scripts?: readonly StaticName[] | undefined;
  /** Extra stylesheets of this page, after the working collectivité's theme (a theme's preview). */
  readonly stylesheets?: readonly string[] | undefined;
  readonly children?: Child;
}

function UserActions(props: { user: ChromeUser; locale: Locale }) {
  const { user } = props;
  const tr = translator(props.locale);
  return (
    <nav class="actions-personnelles" aria-label={tr('layout.personalActions')}>
      <ul>
        <li class="utilisateur">{user.nom}</li>
        <li>
          {user.choices ? (
            <form method="post" action="/collectivite" class="choix-collectivite">
              <input type="hidden" name={CSRF_FIELD} value={user.csrfToken} />
              <label for="collectivite-travail">{tr('layout.collectiviteLabel')}</label>
              <select id="collectivite-travail" name="collectivite">
                {user.choices.map((choice) => (
                  <option value={String(choice.id)} selected={choice.id === user.collectivite.id}>
                    {choice.libelle}
                  </option>
                ))}
              </select>
              <button type="submit">{tr('layout.collectiviteSubmit')}</button>
            </form>
          ) : (
            <span class="collectivite">{tr('layout.collectivite', { libelle: user.collectivite.libelle })}</span>
          )}
        </li>
        <li>
          <a href="/password">{tr('layout.password')}</a>
        </li>
        <li>
          <a href="/two-factor">{totpMessage('menu', undefined, props.locale)}</a>
        </li>
        <li>
          <form method="post" action="/logout">
            <input type="hidden" name={CSRF_FIELD} value={user.csrfToken} />
            <button type="submit">{tr('layout.signOut')}</button>
          </form>
        </li>
      </ul>
    </nav>
  );
}

/** The application's name, and the working collectivité's logo (its name as text alternative) and name. */
function Brand(props: { appName: string; branding: HeaderBranding | undefined }) {
  const { branding } = props;
  const name = (
    <p class="application">
      <a href="/">{props.appName}</a>
    </p>
  );
  if (!branding) return name;
  return (
    <div class="marque">
      {branding.logoHref ? <img class="marque-logo" src={branding.logoHref} alt={branding.name} /> : null}
      <div>
        {name}
        <p class="marque-collectivite">{branding.name}</p>
      </div>
    </div>
  );
}

function Breadcrumb(props: { crumbs: readonly Crumb[]; locale: Locale }) {
  const last = props.crumbs.length - 1;
  return (
    <nav class="fil-ariane" aria-label={translator(props.locale)('layout.breadcrumb')}>
      <ol>
        {props.crumbs.map((crumb, index) =>
          index === last || !crumb.href ? (
            <li {...(index === last ? { 'aria-current': 'page' } : {})}>{crumb.label}</li>
          ) : (
            <li>
              <a href={crumb.href}>{crumb.label}</a>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

function Messages(props: { messages: readonly Message[] }) {
  const polite = props.messages.filter((message) => message.kind === 'success' || message.kind === 'info');
  const assertive = props.messages.filter((message) => message.kind === 'warning' || message.kind === 'error');
  if (polite.length === 0 && assertive.length === 0) return null;
  return (
    <div class="messages">
      {polite.length > 0 ? (
        <div role="status">
          {polite.map((message) => (
            <p class={MESSAGE_CLASS[message.kind]}>{message.text}</p>
          ))}
        </div>
      ) : null}
      {assertive.length > 0 ? (
        <div role="alert">
          {assertive.map((message) => (
            <p class={MESSAGE_CLASS[message.kind]}>{message.text}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** Breadcrumb, messages and the page itself: beside the menu for a signed-in user. */
function Content(props: LayoutProps & { locale: Locale }) {
  return (
    <>
      {props.breadcrumb && props.breadcrumb.length > 0 ? <Breadcrumb crumbs={props.breadcrumb} locale={props.locale} /> : null}
      {props.messages ? <Messages messages={props.messages} /> : null}
      <main id="contenu" tabindex={-1}>
        {props.heading ? <h1>{props.heading}</h1> : null}
        {props.children}
      </main>
    </>
  );
}

export function Layout(props: LayoutProps) {
  const locale = props.chrome?.locale ?? props.locale ?? defaultLocale();
  const tr = translator(locale);
  const appName = tr('layout.appName');
  const user = props.chrome?.user;
  const withMenu = user !== undefined && user.menu.rubriques.length > 0;
  const theme = user?.branding?.theme;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{props.documentTitle}</title>
        {/* htmx must not inject its indicator style (the CSP forbids inline styles): commun.css has it. */}
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assetUrl('commun.css')} />
        {theme ? <link rel="stylesheet" href={theme.href} /> : null}
        {(props.stylesheets ?? []).map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        <script src={assetUrl('htmx.min.js')} defer></script>
        {(props.scripts ?? []).map((name) => (
          <script src={assetUrl(name)} defer></script>
        ))}
        <script src={assetUrl('commun.js')} defer></script>
      </head>
      <body {...(theme ? { class: theme.className } : {})}>
        <a class="lien-evitement" href="#contenu">
          {tr('layout.skipLink')}
        </a>
        {withMenu ? (
          <a class="lien-evitement" href={`#${MENU_ID}`}>
            {tr('navigation.skipToMenu')}
          </a>
        ) : null}
        <header class="entete">
          <Brand appName={appName} branding={user?.branding} />
          {user ? <GlobalSearchBox value={user.search} locale={locale} /> : null}
          {user ? <UserActions user={user} locale={locale} /> : null}
        </header>
        {user ? (
          <div class={withMenu ? 'cadre' : 'cadre sans-menu'}>
            {withMenu ? <MainMenu menu={user.menu} locale={locale} /> : null}
            <div class="cadre-contenu">
              <Content {...props} locale={locale} />
            </div>
          </div>
        ) : (
          <Content {...props} locale={locale} />
        )}
        <footer class="pied">
          <p>{tr('layout.footer', { app: appName, version: props.chrome?.version ?? VERSION })}</p>
        </footer>
      </body>
    </html>
  );
}
