import { Hono, type Context } from 'hono';
import type { Actor } from '../../../access/actor.ts';
import { can } from '../../../access/permissions.ts';
import type { Row } from '../../../db/connection.ts';
import { translator, type Translate } from '../../../i18n/index.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import { getRecord, ServiceError } from '../../../records/index.ts';
import { requireActor } from '../../auth/require-actor.ts';
import type { AppEnv } from '../../env.ts';
import { localeOf } from '../../locale.ts';
import { actorOf, listUrl, recordUrl, renderScreen } from '../../screens/shared/index.ts';
import { dateTime } from '../../screens/shared/format.ts';
import { ADMIN_PATHS } from '../paths.ts';
import { frameworkObject, serviceDeps } from '../service.ts';
import { JournalView, type JournalFact } from './view.tsx';
import { jsonObject, valueRows } from './values.ts';

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** « Création », « Modification », « Suppression », or the label of the object's custom action. */
function actionLabel(audit: RegisteredObject, target: RegisteredObject | undefined, action: string): string {
  const choice = audit.override.screens?.choices?.action?.find((candidate) => candidate.value === action);
  return choice?.label ?? target?.override.actions?.[action]?.label ?? action;
}

/** The collectivité's name when the actor may read it, else its number. */
async function collectiviteName(c: Context<AppEnv>, actor: Actor, id: unknown): Promise<string> {
  if (id === null || id === undefined) return '';
  try {
    return text((await getRecord(serviceDeps(c), actor, frameworkObject(c, 'om_collectivite'), String(id))).libelle);
  } catch (error) {
    if (error instanceof ServiceError) return String(id);
    throw error;
  }
}

async function facts(c: Context<AppEnv>, actor: Actor, entry: Row, target: RegisteredObject | undefined, tr: Translate): Promise<JournalFact[]> {
  const locale = localeOf(c);
  const audit = frameworkObject(c, 'om_audit');
  const users = frameworkObject(c, 'om_utilisateur');
  const horodatage = entry.horodatage instanceof Date || typeof entry.horodatage === 'string' ? dateTime(entry.horodatage, locale) : '';
  const userId = entry.om_utilisateur;
  const action = text(entry.action);
  const key = entry.cle;
  const canOpenTarget = target !== undefined && target.meta.key !== null && action !== 'delete' && can(actor, target, 'consulter');
  return [
    { label: tr('admin.journal.horodatage'), text: horodatage },
    {
      label: tr('admin.journal.utilisateur'),
      text: text(entry.login),
      href: userId !== null && userId !== undefined && can(actor, users, 'consulter') ? recordUrl(users, userId) : undefined,
    },
    { label: tr('admin.journal.collectivite'), text: await collectiviteName(c, actor, entry.om_collectivite) },
    { label: tr('admin.journal.application'), text: text(entry.application) },
    {
      label: tr('admin.journal.objet'),
      text: target ? tr('admin.journal.objectName', { label: target.meta.label, name: target.name }) : text(entry.objet),
    },
    { label: tr('admin.journal.cle'), text: text(key), href: canOpenTarget && key !== null && key !== undefined ? recordUrl(target, key) : undefined },
    { label: tr('admin.journal.action'), text: actionLabel(audit, target, action) },
    { label: tr('admin.journal.requete'), text: text(entry.requete) },
  ];
}

/**
 * `GET /administration/journal/:id`: one audit entry, read through the record service (permission
 * `om_audit_consulter`, collectivité scope). `GET /om/om_audit/:id`, where the listing's rows
 * lead, comes here: the generic page would show the values as raw JSON.
 */
export function journalRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/om/om_audit/:id{[0-9]+}', requireActor(), (c) => c.redirect(ADMIN_PATHS.journal(c.req.param('id')), 303));

  routes.get('/administration/journal/:id', requireActor(), async (c) => {
    const actor = actorOf(c);
    const locale = localeOf(c);
    const tr = translator(locale);
    const audit = frameworkObject(c, 'om_audit');
    const entry = await getRecord(serviceDeps(c), actor, audit, c.req.param('id'));
    const target = c.get('runtime').registry.get(text(entry.application), text(entry.objet));
    const id = text(entry.om_audit);
    return renderScreen(c, {
      title: tr('admin.journal.title', { id }),
      breadcrumb: [
        { label: tr('layout.rubriques.administration') },
        { label: tr('admin.menu.audit'), href: listUrl(audit) },
        { label: tr('admin.journal.crumb', { id }) },
      ],
      children: (
        <JournalView
          facts={await facts(c, actor, entry, target, tr)}
          rows={valueRows(jsonObject(entry.avant), jsonObject(entry.apres), target)}
          object={target}
          isUpdate={text(entry.action) === 'update'}
          backHref={listUrl(audit)}
          locale={locale}
        />
      ),
    });
  });

  return routes;
}
