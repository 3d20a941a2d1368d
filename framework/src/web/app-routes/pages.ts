/**
 * The HTML pages applications declare (`registry.addPage`), at `/<app>/<path>` in the common
 * layout: mounted before the objects' screens, whose `/<app>/<table>` they cannot shadow. The
 * permission is checked before the handler runs (the login page, or a 403 page); a POST has passed
 * the CSRF check (framework/src/web/auth/csrf.ts) before it gets here.
 */
import { Hono, type Context } from 'hono';
import type { Actor } from '../../access/actor.ts';
import { PUBLIC_ROUTE, type AppPage, type PageAnswer, type PageContext, type PageCrumb } from '../../model/app-routes.ts';
import type { Registry } from '../../model/registry.ts';
import { CSRF_FIELD, csrfToken } from '../auth/csrf.ts';
import { safeRedirectTarget } from '../auth/safe-redirect.ts';
import type { AppEnv } from '../env.ts';
import { translatorOf } from '../locale.ts';
import { renderScreen, setFlash } from '../screens/shared/index.ts';
import { readPreferences, writePreferences } from '../preferences.ts';
import { serviceDeps } from '../service-deps.ts';
import { jobRunnerOf } from '../../jobs/index.ts';
import { asHttpError, routeContext } from './context.ts';
import { routeGuard } from './guards.ts';

export const pagePath = (page: Pick<AppPage, 'app' | 'path'>) => `/${page.app}/${page.path}`;

/** The text fields of the form, without the CSRF token, and its non-empty files. */
async function formFields(c: Context<AppEnv>): Promise<{ form: Record<string, string>; files: Record<string, File> }> {
  const form: Record<string, string> = {};
  const files: Record<string, File> = {};
  if (c.req.method !== 'POST') return { form, files };
  for (const [name, value] of Object.entries(await c.req.parseBody())) {
    if (typeof value === 'string') {
      if (name !== CSRF_FIELD) form[name] = value;
    } else if (value.size > 0 || value.name !== '') files[name] = value;
  }
  return { form, files };
}

async function handle(c: Context<AppEnv>, page: AppPage): Promise<PageAnswer> {
  const method = c.req.method === 'POST' ? 'POST' : 'GET';
  const { form, files } = await formFields(c);
  const csrf = { field: CSRF_FIELD, token: csrfToken(c) };
  const service = serviceDeps(c);
  const preferences = readPreferences(c);
  const jobs = jobRunnerOf(c.get('runtime'));
  const actor = c.get('actor');
  try {
    if (page.permission === PUBLIC_ROUTE) {
      return await page.handler({ ...routeContext<Actor | undefined>(c, page.app, actor), method, form, csrf, files, service, jobs, preferences });
    }
    if (!actor) throw new Error('page protégée atteinte sans utilisateur');
    const context: PageContext<Actor> = { ...routeContext(c, page.app, actor), method, form, csrf, files, service, jobs, preferences };
    return await page.handler(context);
  } catch (error) {
    throw asHttpError(error);
  }
}

function defaultCrumbs(c: Context<AppEnv>, page: AppPage, title: string): PageCrumb[] {
  const tr = translatorOf(c);
  return [{ label: tr(`layout.rubriques.${page.menu?.rubrique ?? 'application'}`) }, { label: title }];
}

async function respond(c: Context<AppEnv>, page: AppPage): Promise<Response> {
  const answer = await handle(c, page);
  if ('redirect' in answer) {
    if (answer.flash) setFlash(c, answer.flash);
    if (answer.preferences) writePreferences(c, answer.preferences);
    return c.redirect(safeRedirectTarget(answer.redirect, '/'), 303);
  }
  return renderScreen(c, {
    title: answer.title,
    ...(answer.heading !== undefined ? { heading: answer.heading } : {}),
    breadcrumb: answer.breadcrumb ?? defaultCrumbs(c, page, answer.title),
    messages: answer.messages ?? [],
    status: answer.status ?? 200,
    children: answer.body,
  });
}

export function appPageRoutes(registry: Registry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const page of registry.pages()) {
    for (const method of page.methods ?? ['GET']) {
      app.on(method, pagePath(page), routeGuard(page), (c) => respond(c, page));
    }
  }
  return app;
}
