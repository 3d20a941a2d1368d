/**
 * The generator screen (administration, module permission `gen`): the applications, then one
 * application's tables and the files `commun gen` would write, and « Générer » for the ticked ones.
 */
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Actor } from '../../access/actor.ts';
import { holds } from '../../access/permissions.ts';
import { formValues } from '../admin/service.ts';
import { csrfToken } from '../auth/csrf.ts';
import { requireActor } from '../auth/require-actor.ts';
import type { AppEnv } from '../env.ts';
import type { Message } from '../layout/layout.tsx';
import { translatorOf } from '../locale.ts';
import { HttpError } from '../operations/index.ts';
import { actorOf, renderScreen } from '../screens/shared/index.ts';
import { createDocuments } from './documents.tsx';
import { GENERATOR_PERMISSION } from './menu.ts';
import { GENERATOR_PATHS } from './paths.ts';
import { loadPlan, type GeneratorPlan } from './plan.ts';
import { targetsOf } from './targets.ts';
import { AppView, FILE_FIELD, IndexView } from './view.tsx';

function generatorUser(c: Context<AppEnv>): Actor {
  const actor = actorOf(c);
  if (!holds(actor, GENERATOR_PERMISSION)) throw HttpError.forbidden();
  return actor;
}

async function planOrNotFound(c: Context<AppEnv>): Promise<GeneratorPlan | Response> {
  const tr = translatorOf(c);
  const target = c.req.param('app') ?? '';
  try {
    const plan = await loadPlan(await targetsOf(c.get('runtime')), target);
    if (!plan) throw HttpError.notFound();
    return plan;
  } catch (error) {
    if (error instanceof HttpError) throw error;
    // A broken migration or commun.app.ts: the administrator reads why (a configuration problem, not a crash).
    c.get('runtime').logger.warn({ err: error, app: target }, 'générateur : schéma illisible');
    const message = error instanceof Error ? error.message : String(error);
    return renderScreen(c, {
      title: tr('generator.app.title', { app: target }),
      breadcrumb: crumbs(c, target),
      messages: [{ kind: 'error', text: tr('generator.app.failed', { app: target, message }) }],
      status: 422,
    });
  }
}

function crumbs(c: Context<AppEnv>, target?: string) {
  const tr = translatorOf(c);
  const index = { label: tr('generator.index.title'), href: GENERATOR_PATHS.index };
  return [{ label: tr('layout.rubriques.administration') }, index, ...(target === undefined ? [] : [{ label: target }])];
}

function renderPlan(c: Context<AppEnv>, plan: GeneratorPlan, messages: Message[] = [], status: ContentfulStatusCode = 200) {
  const tr = translatorOf(c);
  return renderScreen(c, {
    title: tr('generator.app.title', { app: plan.target }),
    breadcrumb: crumbs(c, plan.target),
    messages,
    status,
    children: <AppView tr={tr} plan={plan} csrfToken={csrfToken(c)} served={(table) => c.get('runtime').registry.get(plan.target, table) !== undefined} />,
  });
}

/** Why the selection cannot be written, or undefined: only the plan's names, never a kept stub. */
function refusal(c: Context<AppEnv>, plan: GeneratorPlan, names: readonly string[]): string | undefined {
  const tr = translatorOf(c);
  if (names.length === 0) return tr('generator.files.nothingSelected');
  const candidates = new Map(plan.files().map((file) => [file.name, file]));
  for (const name of names) {
    const file = candidates.get(name);
    if (!file) return tr('generator.files.unknown', { file: name });
    if (file.status === 'kept') return tr('generator.files.stubExists', { file: name });
  }
  return undefined;
}

export function generatorRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(GENERATOR_PATHS.index, requireActor(), async (c) => {
    generatorUser(c);
    const tr = translatorOf(c);
    const targets = await targetsOf(c.get('runtime'));
    return renderScreen(c, {
      title: tr('generator.index.title'),
      breadcrumb: crumbs(c),
      children: <IndexView tr={tr} apps={targets.apps} framework={targets.frameworkOutDir !== undefined} />,
    });
  });

  app.get(`${GENERATOR_PATHS.index}/:app`, requireActor(), async (c) => {
    generatorUser(c);
    const plan = await planOrNotFound(c);
    return plan instanceof Response ? plan : renderPlan(c, plan);
  });

  app.post(`${GENERATOR_PATHS.index}/:app/documents`, requireActor(), async (c) => createDocuments(c, generatorUser(c)));

  app.post(`${GENERATOR_PATHS.index}/:app`, requireActor(), async (c) => {
    const actor = generatorUser(c);
    const names = [...new Set(formValues(await c.req.parseBody({ all: true }), FILE_FIELD))];
    const plan = await planOrNotFound(c);
    if (plan instanceof Response) return plan;
    const refused = refusal(c, plan, names);
    if (refused !== undefined) return renderPlan(c, plan, [{ kind: 'error', text: refused }], 400);

    const written = plan.write(names);
    c.get('runtime').logger.info({ user: actor.login, app: plan.target, files: written }, 'générateur : fichiers écrits');
    const tr = translatorOf(c);
    const text = written.length === 0
      ? tr('generator.files.unchanged')
      : tr('generator.files.written', { count: written.length, files: written.join(', ') });
    return renderPlan(c, plan, [{ kind: 'success', text }]);
  });

  return app;
}
