/**
 * `GET /administration/applications` (the catalogue, for the readers of the collectivités) and
 * `POST` (the administrator of the niveau-2 collectivité enables or disables applications per
 * collectivité; refused as a whole, with its French reason, for anyone else or a forged pair).
 */
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Actor } from '../../../access/actor.ts';
import {
  ApplicationChangeRefused,
  applicationsPage,
  changeApplicationStates,
  instanceApplicationNames,
  instanceApplications,
  mayManageApplications,
  mayViewApplications,
  readApplicationStates,
} from '../../../access/applications/index.ts';
import { translator } from '../../../i18n/index.ts';
import { csrfToken } from '../../auth/csrf.ts';
import { requireActor } from '../../auth/require-actor.ts';
import type { AppEnv } from '../../env.ts';
import type { Message } from '../../layout/layout.tsx';
import { localeOf } from '../../locale.ts';
import { HttpError } from '../../operations/errors.tsx';
import { actorOf, renderScreen, setFlash } from '../../screens/shared/index.ts';
import { formValues } from '../service.ts';
import { APPLICATIONS_PATHS, ENABLED_FIELD, SHOWN_FIELD } from './paths.ts';
import { ApplicationsView } from './view.tsx';

function reader(c: Context<AppEnv>): Actor {
  const actor = actorOf(c);
  if (!mayViewApplications(actor)) throw HttpError.forbidden();
  return actor;
}

async function renderPage(c: Context<AppEnv>, actor: Actor, messages: readonly Message[] = [], status?: ContentfulStatusCode): Promise<Response> {
  const runtime = c.get('runtime');
  const locale = localeOf(c);
  const title = applicationsPage('title', undefined, locale);
  return renderScreen(c, {
    title,
    breadcrumb: [{ label: translator(locale)('layout.rubriques.administration') }, { label: title }],
    messages,
    ...(status ? { status } : {}),
    children: (
      <ApplicationsView
        applications={instanceApplications(runtime)}
        states={await readApplicationStates(runtime.db.kysely, actor)}
        editable={mayManageApplications(actor)}
        csrfToken={csrfToken(c)}
        locale={locale}
      />
    ),
  });
}

export function applicationsRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get(APPLICATIONS_PATHS.alias, (c) => c.redirect(APPLICATIONS_PATHS.page, 301));

  routes.get(APPLICATIONS_PATHS.page, requireActor(), (c) => renderPage(c, reader(c)));

  routes.post(APPLICATIONS_PATHS.page, requireActor(), async (c) => {
    const actor = reader(c);
    const locale = localeOf(c);
    const body = await c.req.parseBody({ all: true });
    try {
      const changes = await changeApplicationStates(
        c.get('runtime').db.kysely,
        actor,
        instanceApplicationNames(c.get('runtime')),
        { shown: formValues(body, SHOWN_FIELD), enabled: new Set(formValues(body, ENABLED_FIELD)) },
        { requestId: c.get('requestId'), locale },
      );
      setFlash(c, changes.length === 0
        ? { kind: 'info', text: applicationsPage('unchanged', undefined, locale) }
        : { kind: 'success', text: applicationsPage('saved', { count: changes.length }, locale) });
      return c.redirect(APPLICATIONS_PATHS.page, 303);
    } catch (error) {
      if (!(error instanceof ApplicationChangeRefused)) throw error;
      return renderPage(c, actor, [{ kind: 'error', text: error.message }], error.status);
    }
  });

  return routes;
}
