/**
 * The composer's routes (permission `om_dashboard`, or at least `om_dashboard_tab` to look):
 * every change is a write of `om_dashboard` through the record service, so permissions, audit
 * and the rule of shared rows (only a niveau-2 user writes them) apply; a refusal is shown on
 * the composer with the service's message.
 */
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Actor } from '../../../access/actor.ts';
import { can, frameworkSubject } from '../../../access/permissions.ts';
import { translator, type Translate } from '../../../i18n/index.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import { createRecord, deleteRecord, ServiceError, updateRecord, type ReadDeps } from '../../../records/index.ts';
import { csrfToken } from '../../auth/csrf.ts';
import { requireActor, signedIn } from '../../auth/require-actor.ts';
import type { AppEnv } from '../../env.ts';
import { serviceDeps } from '../../service-deps.ts';
import type { Message } from '../../layout/layout.tsx';
import { localeOf } from '../../locale.ts';
import { HttpError } from '../../operations/index.ts';
import { setFlash } from '../../screens/shared/flash.ts';
import { renderScreen } from '../../screens/shared/screen.tsx';
import { isColumn } from '../placements.ts';
import { placementById, profileChoices, profilePlacements, widgetChoices } from './data.ts';
import { endOf, planMove, type Move } from './moves.ts';
import { ComposerPage } from './page.tsx';
import { COMPOSER_PATH, composerUrl } from './paths.ts';

type C = Context<AppEnv>;

interface Composer {
  readonly actor: Actor;
  readonly deps: ReadDeps;
  readonly dashboard: RegisteredObject;
  readonly tr: Translate;
}

function composerOf(c: C): Composer {
  const actor = signedIn(c);
  if (!can(actor, frameworkSubject('om_dashboard'), 'tab')) throw HttpError.forbidden();
  const runtime = c.get('runtime');
  const dashboard = runtime.registry.get('om', 'om_dashboard');
  if (!dashboard) throw HttpError.notFound();
  const locale = localeOf(c);
  return { actor, dashboard, tr: translator(locale), deps: serviceDeps(c) };
}

const MAX_ID = 2147483647;
function parseId(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,9}$/.test(value)) return undefined;
  const id = Number(value);
  return id <= MAX_ID ? id : undefined;
}

async function formOf(c: C): Promise<(name: string) => string | undefined> {
  const body = await c.req.parseBody();
  return (name) => {
    const value = body[name];
    return typeof value === 'string' ? value : undefined;
  };
}

/** The composer for a profile (`undefined`: none chosen or unknown), with messages. */
async function show(c: C, composer: Composer, profileId: number | undefined, messages: Message[] = [], status: ContentfulStatusCode = 200): Promise<Response> {
  const { actor, deps, dashboard, tr } = composer;
  const [profiles, widgets] = await Promise.all([profileChoices(deps, actor), widgetChoices(deps, actor)]);
  const profile = profiles.find((candidate) => candidate.id === profileId);
  const placements = profile ? await profilePlacements(deps, actor, dashboard, profile.id) : [];
  const title = tr('dashboard.composer.title');
  return renderScreen(c, {
    title,
    breadcrumb: [{ label: tr('layout.home'), href: '/' }, { label: tr('layout.rubriques.administration') }, { label: title }],
    messages: profileId !== undefined && !profile ? [...messages, { kind: 'error', text: tr('dashboard.composer.unknownProfile') }] : messages,
    status: profileId !== undefined && !profile && status === 200 ? 404 : status,
    children: <ComposerPage profiles={profiles} widgets={widgets} profile={profile} placements={placements} csrfToken={csrfToken(c)} locale={localeOf(c)} />,
  });
}

/** A refusal of the service, with the fields' messages when there are some. */
function refusal(error: ServiceError): Message[] {
  return [{ kind: 'error', text: [error.message, ...Object.values(error.fields)].join(' ') }];
}

async function attempt(c: C, composer: Composer, profileId: number, work: () => Promise<string>): Promise<Response> {
  try {
    const done = await work();
    setFlash(c, { kind: 'success', text: done });
    return c.redirect(composerUrl(profileId), 303);
  } catch (error) {
    if (error instanceof ServiceError) return show(c, composer, profileId, refusal(error), error.status as ContentfulStatusCode);
    throw error;
  }
}

function parseMove(vers: string | undefined, colonne: string | undefined): Move | undefined {
  if (vers === 'haut') return { kind: 'up' };
  if (vers === 'bas') return { kind: 'down' };
  if (vers === 'colonne' && isColumn(colonne)) return { kind: 'column', column: colonne };
  return undefined;
}

export function composerRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get(COMPOSER_PATH, requireActor(), async (c) => {
    const composer = composerOf(c);
    const asked = c.req.query('profil');
    const profileId = asked === undefined || asked === '' ? composer.actor.profileId : (parseId(asked) ?? -1);
    return show(c, composer, profileId);
  });

  routes.post(`${COMPOSER_PATH}/ajouter`, requireActor(), async (c) => {
    const composer = composerOf(c);
    const { actor, deps, dashboard, tr } = composer;
    const field = await formOf(c);
    const profileId = parseId(field('profil'));
    const [profiles, widgets] = await Promise.all([profileChoices(deps, actor), widgetChoices(deps, actor)]);
    const profile = profiles.find((candidate) => candidate.id === profileId);
    if (!profile) return show(c, composer, profileId ?? -1, [], 400);
    const widget = widgets.find((candidate) => candidate.id === parseId(field('om_widget')));
    const bloc = field('bloc');
    if (!widget || !isColumn(bloc)) {
      const text = widget ? tr('dashboard.composer.unknownColumn') : tr('dashboard.composer.unknownWidget');
      return show(c, composer, profile.id, [{ kind: 'error', text }], 400);
    }
    return attempt(c, composer, profile.id, async () => {
      const position = endOf(await profilePlacements(deps, actor, dashboard, profile.id), bloc);
      await createRecord(deps, actor, dashboard, { om_profil: profile.id, bloc, position, om_widget: widget.id }, { requestId: c.get('requestId') });
      return tr('dashboard.composer.added', { widget: widget.libelle, profil: profile.libelle });
    });
  });

  routes.post(`${COMPOSER_PATH}/:placement/deplacer`, requireActor(), async (c) => {
    const composer = composerOf(c);
    const { actor, deps, dashboard, tr } = composer;
    const field = await formOf(c);
    const id = parseId(c.req.param('placement'));
    const placement = id === undefined ? undefined : await placementById(deps, actor, dashboard, id);
    if (!placement) return show(c, composer, actor.profileId, [{ kind: 'error', text: tr('dashboard.composer.unknownPlacement') }], 404);
    const move = parseMove(field('vers'), field('colonne'));
    if (!move) return show(c, composer, placement.profileId, [{ kind: 'error', text: tr('dashboard.composer.unknownMove') }], 400);
    const widgets = await widgetChoices(deps, actor);
    return attempt(c, composer, placement.profileId, async () => {
      const changes = planMove(await profilePlacements(deps, actor, dashboard, placement.profileId), placement.id, move) ?? [];
      for (const change of changes) {
        await updateRecord(deps, actor, dashboard, String(change.id), { bloc: change.bloc, position: change.position }, { requestId: c.get('requestId') });
      }
      return tr('dashboard.composer.moved', { widget: widgets.find((widget) => widget.id === placement.widgetId)?.libelle ?? '' });
    });
  });

  routes.post(`${COMPOSER_PATH}/:placement/retirer`, requireActor(), async (c) => {
    const composer = composerOf(c);
    const { actor, deps, dashboard, tr } = composer;
    const id = parseId(c.req.param('placement'));
    const placement = id === undefined ? undefined : await placementById(deps, actor, dashboard, id);
    if (!placement) return show(c, composer, actor.profileId, [{ kind: 'error', text: tr('dashboard.composer.unknownPlacement') }], 404);
    const widgets = await widgetChoices(deps, actor);
    return attempt(c, composer, placement.profileId, async () => {
      await deleteRecord(deps, actor, dashboard, String(placement.id), { requestId: c.get('requestId') });
      return tr('dashboard.composer.removed', { widget: widgets.find((widget) => widget.id === placement.widgetId)?.libelle ?? '' });
    });
  });

  return routes;
}
