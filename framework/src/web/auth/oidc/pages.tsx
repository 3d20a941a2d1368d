import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../env.ts';
import { chromeOf } from '../../layout/chrome.ts';
import { assetUrl } from '../../static/routes.ts';
import { oidcMessage } from '../../../access/oidc/index.ts';
import { localeOf } from '../../locale.ts';
import { csrfToken } from '../csrf.ts';
import { LoginPage } from '../pages.tsx';
import { renderPage } from '../respond.tsx';
import { federatedOptions } from './login-options.ts';

/** The login page again, with a federated sign-in's outcome: an error (role="alert") or a notice. */
export async function loginPageWith(
  c: Context<AppEnv>,
  outcome: { error?: string; notice?: string; cameFrom?: string },
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const federated = await federatedOptions(c.get('runtime')).catch(() => []);
  return renderPage(
    c,
    <LoginPage csrfToken={csrfToken(c)} cameFrom={outcome.cameFrom} error={outcome.error} notice={outcome.notice} federated={federated}
      locale={localeOf(c)} chrome={await chromeOf(c)} />,
    status,
  );
}

/**
 * The step between POST /logout and the provider's logout: the CSP's `form-action 'self'` stops a
 * form's answer from redirecting to another site, so the browser goes there from this page, at
 * once (a refresh of no delay), with a link for a browser that does not follow it.
 */
export function providerLogoutPage(c: Context<AppEnv>, url: string): Response {
  const locale = localeOf(c);
  const title = oidcMessage('signOut.pageTitle', undefined, locale);
  c.header('Cache-Control', 'no-store');
  return c.html(
    '<!doctype html>' +
      (
        <html lang={locale}>
          <head>
            <meta charset="utf-8" />
            <meta http-equiv="refresh" content={`0;url=${url}`} />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{title}</title>
            <link rel="stylesheet" href={assetUrl('commun.css')} />
          </head>
          <body>
            <main id="contenu">
              <h1>{title}</h1>
              <p>{oidcMessage('signOut.pageText', undefined, locale)}</p>
              <p><a href={url}>{oidcMessage('signOut.pageLink', undefined, locale)}</a></p>
            </main>
          </body>
        </html>
      ).toString(),
  );
}
