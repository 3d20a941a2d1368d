import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Actor } from '../../../access/actor.ts';
import { can, frameworkSubject } from '../../../access/permissions.ts';
import { translator, type Translate } from '../../../i18n/index.ts';
import { csrfToken } from '../../auth/csrf.ts';
import { requireActor } from '../../auth/require-actor.ts';
import type { AppEnv } from '../../env.ts';
import type { Message } from '../../layout/layout.tsx';
import { localeOf } from '../../locale.ts';
import { actorOf, renderScreen, requirePermission, setFlash } from '../../screens/shared/index.ts';
import { ADMIN_PATHS } from '../paths.ts';
import { formValue, formValues, frameworkObject, serviceDeps } from '../service.ts';
import { loadMatrix, type MatrixFilter } from './load.ts';
import { applyChanges, plannedChanges, type MatrixChange } from './save.ts';
import { MatrixView } from './view.tsx';

/** At most this many changes are named in the confirmation (the count says the rest). */
const NAMED_CHANGES = 8;

function matrixUrl(filter: MatrixFilter): string {
  const query = new URLSearchParams();
  if (filter.q) query.set('q', filter.q);
  for (const profile of filter.profiles) query.append('profil', profile);
  const text = query.toString();
  return text ? `${ADMIN_PATHS.matrix}?${text}` : ADMIN_PATHS.matrix;
}

/** Why the grid is read-only for this actor, if it is: the same rules the service applies on saving. */
function readOnlyReason(actor: Actor, tr: Translate, label: string): string | undefined {
  const droits = frameworkSubject('om_droit');
  if (!can(actor, droits, 'ajouter') || !can(actor, droits, 'supprimer')) return tr('admin.matrix.readOnly');
  if (actor.niveau !== '2') return tr('records.sharedNiveau2', { object: label });
  return undefined;
}

function describeChanges(changes: readonly MatrixChange[], tr: Translate): string {
  const named = (kind: MatrixChange['kind']) => {
    const list = changes.filter((change) => change.kind === kind);
    const names = list.slice(0, NAMED_CHANGES).map((change) => tr('admin.matrix.cellLabel', { permission: change.permission, profil: change.profile.libelle }));
    return names.length === 0 ? [] : [`${names.join(', ')}${list.length > NAMED_CHANGES ? '…' : ''}`];
  };
  const granted = named('grant');
  const revoked = named('revoke');
  return [
    tr('admin.matrix.saved', {
      granted: changes.filter((change) => change.kind === 'grant').length,
      revoked: changes.filter((change) => change.kind === 'revoke').length,
    }),
    ...granted.map((list) => tr('admin.matrix.grantedList', { list })),
    ...revoked.map((list) => tr('admin.matrix.revokedList', { list })),
  ].join(' ');
}

async function renderMatrix(c: Context<AppEnv>, actor: Actor, filter: MatrixFilter, messages: Message[], status: ContentfulStatusCode = 200) {
  const locale = localeOf(c);
  const tr = translator(locale);
  const data = await loadMatrix(c, actor, filter);
  const reason = readOnlyReason(actor, tr, frameworkObject(c, 'om_droit').meta.label);
  const title = tr('admin.matrix.title');
  return renderScreen(c, {
    title,
    breadcrumb: [{ label: tr('layout.rubriques.administration') }, { label: tr('admin.menu.users') }, { label: title }],
    messages: [...messages, ...(reason && !messages.some((message) => message.text === reason) ? [{ kind: 'info' as const, text: reason }] : [])],
    status,
    children: <MatrixView data={data} q={filter.q} canWrite={reason === undefined} csrfToken={csrfToken(c)} locale={locale} />,
  });
}

/** `GET|POST /administration/droits`: every profile's droits at once (permission `om_droit_tab` to see it). */
export function matrixRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get(ADMIN_PATHS.matrix, requireActor(), async (c) => {
    const actor = actorOf(c);
    requirePermission(actor, frameworkObject(c, 'om_droit'), 'tab');
    return renderMatrix(c, actor, { q: c.req.query('q') ?? '', profiles: c.req.queries('profil') ?? [] }, []);
  });

  routes.post(ADMIN_PATHS.matrix, requireActor(), async (c) => {
    const actor = actorOf(c);
    const droits = frameworkObject(c, 'om_droit');
    requirePermission(actor, droits, 'tab');
    const tr = translator(localeOf(c));
    const body = await c.req.parseBody({ all: true });
    const filter: MatrixFilter = { q: formValue(body, 'q'), profiles: formValues(body, 'profil') };
    const data = await loadMatrix(c, actor, filter);
    const changes = plannedChanges(data, formValues(body, 'permission'), new Set(formValues(body, 'droit')));
    if (changes.length === 0) {
      setFlash(c, { kind: 'info', text: tr('admin.matrix.unchanged') });
      return c.redirect(matrixUrl(filter), 303);
    }
    const applied = await applyChanges(serviceDeps(c), actor, droits, changes, c.get('requestId'));
    if (applied.refusal) {
      const messages: Message[] = [{ kind: 'error', text: applied.refusal.message }];
      if (applied.done.length > 0) messages.push({ kind: 'warning', text: `${tr('admin.matrix.partial', { done: applied.done.length })} ${describeChanges(applied.done, tr)}` });
      return renderMatrix(c, actor, filter, messages, applied.refusal.status as ContentfulStatusCode);
    }
    setFlash(c, { kind: 'success', text: describeChanges(applied.done, tr) });
    return c.redirect(matrixUrl(filter), 303);
  });

  return routes;
}
